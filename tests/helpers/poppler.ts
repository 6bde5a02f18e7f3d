// poppler-utils (pdfinfo, pdffonts, pdftotext, pdfimages) and qpdf, as a reader's tools see the PDF.
import { execFileSync } from 'node:child_process';

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** pdfinfo's "Key: value" lines. */
export function pdfinfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

/** The tagged structure's element types in reading order, as `pdfinfo -struct` prints them (indented by depth). */
export function pdfStructure(file: string): string[] {
  // Poppler says on stderr that Chromium's Strong and Em (PDF 2.0 types) are not PDF 1.7's: left out.
  return execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .filter((line) => line.trim());
}

/** The XMP packet, as `pdfinfo -meta` prints it. */
export function pdfMeta(file: string): string {
  return run('pdfinfo', ['-meta', file]);
}

export interface PdffontsRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdffonts(file: string): PdffontsRow[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const match = /^(\S+)\s+(.*?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!match) throw new Error(`pdffonts printed a line this helper cannot read: ${line}`);
    return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes', subset: match[5] === 'yes' };
  });
}

/** The text of each page (pdftotext, reading order or -layout), pages numbered from 1 at index 0. */
export function pdftotext(file: string, layout = false): string[] {
  const text = run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']);
  return text.split('\f').slice(0, -1);
}

/** How many images the pages draw (pdfimages -list: one row each, after two header lines). */
export function pdfImageCount(file: string): number {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim()).length;
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: run('qpdf', ['--check', file]) };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

/** Text with every space, line break and hyphen (hard, soft, Unicode) taken out: for comparing
 * words across the line breaks and hyphenation of a laid-out page. pdf.js reads the brand font's
 * apostrophe glyph as U+02BC where pdftotext reads U+2019 (the font maps both to one glyph). */
export function squash(text: string): string {
  return text.replace(/[\s\u00AD\u2010\u2011-]+/g, '').replace(/\u02BC/g, '\u2019');
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of every page with its box in points (`pdftotext -bbox`), pages numbered from 1 at index 0. */
export function pdfWords(file: string): { width: number; height: number; words: PdfWord[] }[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((word) => ({
      text: decode(word[5]!),
      xMin: Number(word[1]),
      yMin: Number(word[2]),
      xMax: Number(word[3]),
      yMax: Number(word[4]),
    })),
  }));
}
