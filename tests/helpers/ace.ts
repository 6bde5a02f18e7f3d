// DAISY Ace, the real one (node_modules/.bin/ace-cli), on a real EPUB, with the browser the build
// would choose (src/render/browser.ts). The verdict is read from its report.json.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chooseBrowser } from '../../src/render/browser.js';
import { ROOT, tempDir } from './cli.js';

const run = promisify(execFile);

export interface AceViolation {
  file: string;
  rule: string;
  impact: string;
  description: string;
}

interface AceReport {
  'earl:result': { 'earl:outcome': string };
  assertions: {
    'earl:testSubject': { url: string };
    assertions: { 'earl:test': { 'dct:title': string; 'earl:impact': string }; 'earl:result': { 'dct:description'?: string } }[];
  }[];
}

export async function runAce(epub: string): Promise<{ outcome: string; violations: AceViolation[] }> {
  const out = tempDir('avim-press-ace-');
  const { executablePath } = await chooseBrowser();
  await run(path.join(ROOT, 'node_modules', '.bin', 'ace-cli'), ['--silent', '--force', '--outdir', out, epub], {
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: executablePath },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as AceReport;
  const violations = report.assertions.flatMap((document) =>
    document.assertions.map((assertion) => ({
      file: document['earl:testSubject'].url,
      rule: assertion['earl:test']['dct:title'],
      impact: assertion['earl:test']['earl:impact'],
      description: assertion['earl:result']['dct:description'] ?? '',
    })),
  );
  return { outcome: report['earl:result']['earl:outcome'], violations };
}
