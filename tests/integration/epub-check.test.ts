// `avim-press check` and `build --validate` with the real validators, on a good EPUB and on broken
// ones; and Ace, shown to flag what it must (so that its silence on our books means something).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAce } from '../helpers/ace.js';
import { ROOT, runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { javaEpubcheckAvailable } from '../helpers/epub.js';

const java = javaEpubcheckAvailable() || Boolean(process.env.CI);

/** The EPUB rewritten by `change`, mimetype still first and stored. */
async function altered(epub: string, change: (zip: JSZip) => Promise<void>): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(epub));
  await change(zip);
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
  const target = path.join(tempDir(), 'broken.epub');
  writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return target;
}

describe('avim-press check', () => {
  const out = tempDir();
  const epub = path.join(out, 'china-central-asia.epub');
  beforeAll(() => {
    expect(runCli(['build', SAMPLE, '--out', out, '--format', 'epub', '--quiet']).status).toBe(0);
  });

  it('passes a good EPUB and says which validators ran', () => {
    const run = runCli(['check', epub]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${epub}: epubcheck-ts 0.7.0: 0 errors, 0 warnings`);
    if (java) expect(run.stdout).toContain(`${epub}: EPUBCheck 4.2.6: 0 errors, 0 warnings`);
    expect(run.stdout).toMatch(/^1 passed, 0 failed$/m);
  });

  it('fails a broken EPUB and names each problem with file, line, rule and validator', async () => {
    const broken = await altered(epub, async (zip) => {
      zip.remove('OEBPS/images/cover.jpg');
      const body = await zip.file('OEBPS/body.xhtml')!.async('string');
      zip.file('OEBPS/body.xhtml', body.replace('</body>', '<p><span></p></body>'));
    });
    const run = runCli(['check', broken]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(
      lines.some(
        (line) => line.startsWith(`${broken}/OEBPS/content.opf:`) && line.endsWith(': error: Referenced resource "images/cover.jpg" could not be found in the EPUB (RSC-001, epubcheck-ts 0.7.0)'),
      ),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith(`${broken}/OEBPS/body.xhtml:1:1: error: Mismatched closing tag: span`) && line.endsWith('(HTM-004, epubcheck-ts 0.7.0)'))).toBe(true);
    if (java) expect(lines.some((line) => /^.+\/broken\.epub\/OEBPS\/body\.xhtml:\d+:\d+: error: .*"span".* \(RSC-016, EPUBCheck 4\.2\.6\)$/.test(line))).toBe(true);
    expect(run.stdout).toMatch(/^0 passed, 1 failed$/m);
  });

  it('is a usage error without a file', () => {
    const run = runCli(['check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('check needs one or more .epub files');
  });
});

describe('avim-press build --validate', () => {
  it('validates each EPUB it writes', () => {
    const run = runCli(['build', SAMPLE, '--out', tempDir(), '--format', 'epub', '--validate']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/china-central-asia\.epub {2}\d+ KB {2}\d+ ms {2}\(.*epubcheck-ts 0\.7\.0: 0 errors, 0 warnings/);
    if (java) expect(run.stdout).toMatch(/china-central-asia\.epub .*EPUBCheck 4\.2\.6: 0 errors, 0 warnings/);
  });

  it('fails the manuscript when a validator finds an error', () => {
    // A project whose package template forgets the language: an invalid EPUB.
    const project = tempDir();
    for (const name of ['avim-press.config.yaml', 'brand', 'templates', 'styles']) cpSync(path.join(ROOT, name), path.join(project, name), { recursive: true });
    const opf = path.join(project, 'templates', 'epub', 'content.opf.ejs');
    writeFileSync(opf, readFileSync(opf, 'utf8').replace(/<dc:language>.*<\/dc:language>/, ''));
    const run = runCli(['build', SAMPLE, '--out', 'out', '--format', 'epub', '--validate'], { cwd: project });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/content\.opf:\d+:\d+: error: .*language/);
    expect(run.stderr).toMatch(/china-central-asia\.md: \d+ errors?; nothing was written, the previous artifacts are kept/);
    // Validated before it was written: the invalid EPUB never reached the output folder.
    expect(existsSync(path.join(project, 'out', 'china-central-asia.epub'))).toBe(false);
  });
});

describe('DAISY Ace', () => {
  it('flags a note call that lost its ARIA role', async () => {
    const out = tempDir();
    expect(runCli(['build', SAMPLE, '--out', out, '--format', 'epub', '--quiet']).status).toBe(0);
    const broken = await altered(path.join(out, 'china-central-asia.epub'), async (zip) => {
      const body = await zip.file('OEBPS/body.xhtml')!.async('string');
      zip.file('OEBPS/body.xhtml', body.replaceAll(' role="doc-noteref"', ''));
    });
    const result = await runAce(broken);
    expect(result.outcome).toBe('fail');
    expect(result.violations.map((violation) => `${violation.file} ${violation.rule}`)).toContain('body.xhtml epub-type-has-matching-role');
  });
});
