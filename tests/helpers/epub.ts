// Open a real EPUB and run the real validators on it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import JSZip from 'jszip';

export const JAVA_EPUBCHECK = '/usr/share/java/epubcheck.jar';

export async function openEpub(file: string) {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  return { bytes, zip, text: (name: string) => zip.file(name)!.async('string') };
}

/** The first local file header: its name and compression method (0 = stored). */
export function firstZipEntry(bytes: Buffer): { name: string; method: number } {
  const nameLength = bytes.readUInt16LE(26);
  return { name: bytes.subarray(30, 30 + nameLength).toString('utf8'), method: bytes.readUInt16LE(8) };
}

export async function epubcheckTs(file: string) {
  const result = await EpubCheck.validate(new Uint8Array(readFileSync(file)));
  const problems = result.messages.filter((message) => ['fatal', 'error', 'warning'].includes(String(message.severity).toLowerCase()));
  return { errors: result.errorCount + result.fatalCount, warnings: result.warningCount, problems };
}

/** Debian's EPUBCheck (Java). CI installs it; on a laptop without it the caller skips. */
export function javaEpubcheckAvailable(): boolean {
  return existsSync(JAVA_EPUBCHECK) && spawnSync('java', ['-version']).status === 0;
}

export function javaEpubcheck(file: string): { errors: number; warnings: number; output: string } {
  let output: string;
  try {
    output = execFileSync('java', ['-jar', JAVA_EPUBCHECK, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!counts) throw new Error(`EPUBCheck gave no summary:\n${output}`);
  return { errors: Number(counts[1]) + Number(counts[2]), warnings: Number(counts[3]), output };
}

/** Every note call of the book, with whether its target exists and links back to the call. */
export async function noteLinks(file: string) {
  const { zip } = await openEpub(file);
  const documents = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((entry) => entry.endsWith('.xhtml'))) {
    documents.set(name.replace(/^.*\//, ''), await zip.file(name)!.async('string'));
  }
  const elementById = (doc: string, id: string): string | undefined => {
    const start = doc.search(new RegExp(`<(\\w+)[^>]*\\sid="${id}"`));
    if (start < 0) return undefined;
    const tag = /^<(\w+)/.exec(doc.slice(start))![1]!;
    const end = doc.indexOf(`</${tag}>`, start);
    return doc.slice(start, end < 0 ? undefined : end);
  };
  const calls: { number: string; id: string; target: string; backlink: boolean; role: boolean }[] = [];
  for (const [name, doc] of documents) {
    for (const match of doc.matchAll(/<a\s[^>]*epub:type="noteref"[^>]*>(\d+)<\/a>/g)) {
      const tag = match[0];
      const id = /\sid="([^"]+)"/.exec(tag)?.[1] ?? '';
      const href = /\shref="([^"]+)"/.exec(tag)?.[1] ?? '';
      const [targetFile, targetId] = href.startsWith('#') ? [name, href.slice(1)] : href.split('#');
      const note = elementById(documents.get(targetFile!) ?? '', targetId ?? '');
      const back = note !== undefined && new RegExp(`href="(${name.replace('.', '\\.')})?#${id}"`).test(note);
      calls.push({ number: match[1]!, id, target: href, backlink: back, role: /role="doc-noteref"/.test(tag) });
    }
  }
  return calls;
}
