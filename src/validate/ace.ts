// DAISY Ace, the accessibility checker EPUB Accessibility 1.1 names, when it is installed beside
// avim-press (`@daisy/ace-cli`, a development dependency: a clone has it, a bare install may not). It
// drives a browser (the one the build uses) over the EPUB; its JSON report is read, not its console.
// `build --validate` runs it to decide whether the EPUB may claim conformance (document-build.ts).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chooseBrowser } from '../render/browser.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export interface AceInstall {
  /** The CLI script (bin/ace.js of @daisy/ace-cli). */
  script: string;
  /** "DAISY Ace 1.4.6" */
  name: string;
}

export function findAce(): AceInstall | undefined {
  try {
    const manifest = require.resolve('@daisy/ace-cli/package.json');
    const { version, bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; bin: string };
    const script = path.join(path.dirname(manifest), bin);
    return existsSync(script) ? { script, name: `DAISY Ace ${version}` } : undefined;
  } catch {
    return undefined;
  }
}

export interface AceViolation {
  /** The content document, inside the EPUB. */
  file: string;
  rule: string;
  impact: string;
}

export interface AceResult {
  checker: string;
  passed: boolean;
  violations: AceViolation[];
}

interface AceReport {
  'earl:result': { 'earl:outcome': string };
  assertions: { 'earl:testSubject': { url: string }; assertions: { 'earl:test': { 'dct:title': string; 'earl:impact': string } }[] }[];
}

/** Ace on an EPUB's bytes. */
export async function checkWithAce(ace: AceInstall, epub: Uint8Array, env: NodeJS.ProcessEnv = process.env): Promise<AceResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'avim-press-ace-'));
  try {
    const file = path.join(dir, 'book.epub');
    writeFileSync(file, epub);
    const { executablePath } = await chooseBrowser(env);
    const out = path.join(dir, 'report');
    await run(process.execPath, [ace.script, '--silent', '--force', '--outdir', out, file], {
      env: { ...env, PUPPETEER_EXECUTABLE_PATH: executablePath },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    }).catch((error: unknown) => {
      if (!existsSync(path.join(out, 'report.json'))) throw new Error(`${ace.name} did not run: ${(error as Error).message}`, { cause: error });
    });
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as AceReport;
    const violations = report.assertions.flatMap((document) =>
      document.assertions.map((assertion) => ({ file: document['earl:testSubject'].url, rule: assertion['earl:test']['dct:title'], impact: assertion['earl:test']['earl:impact'] })),
    );
    return { checker: ace.name, passed: report['earl:result']['earl:outcome'] === 'pass' && violations.length === 0, violations };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
