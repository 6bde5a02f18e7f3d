// Each book's EPUB, built by the real CLI, through the real validators and clients: epubcheck-ts,
// Debian's EPUBCheck 4.2.6 (Java), DAISY Ace 1.4.6, Calibre's conversion to AZW3 (Kindle) and the
// browser as a reading system. Nothing may be flagged, and no text may need a system font.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAce } from '../helpers/ace.js';
import { BOOKS } from '../helpers/books.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { calibreAvailable, convertToAzw3 } from '../helpers/calibre.js';
import { epubcheckTs, javaEpubcheck, javaEpubcheckAvailable, openEpub } from '../helpers/epub.js';
import { systemFontsInEpub } from '../helpers/epub-in-browser.js';

describe.each(BOOKS)('the EPUB of $name', ({ source, slug }) => {
  const out = tempDir();
  const epub = path.join(out, `${slug}.epub`);

  beforeAll(() => {
    const run = runCli(['build', source(), '--out', out, '--format', 'epub', '--quiet'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('passes epubcheck-ts with no error and no warning', async () => {
    const result = await epubcheckTs(epub);
    expect(result.problems).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(0);
  });

  it.runIf(javaEpubcheckAvailable() || process.env.CI)('passes EPUBCheck 4.2.6 (Java) with no error and no warning', () => {
    const result = javaEpubcheck(epub);
    expect(result.errors, result.output).toBe(0);
    expect(result.warnings, result.output).toBe(0);
  });

  it('passes DAISY Ace with no violation', async () => {
    const result = await runAce(epub);
    expect(result.violations).toEqual([]);
    expect(result.outcome).toBe('pass');
  });

  it('sets all its text in the fonts it embeds: a reading system needs no system font', async () => {
    expect(await systemFontsInEpub(epub)).toEqual([]);
  });

  it.runIf(calibreAvailable() || process.env.CI)('converts to AZW3 with Calibre without a complaint, and the Kindle file keeps every font', async () => {
    const { zip } = await openEpub(epub);
    const embedded = Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/fonts/') && !name.endsWith('/'));
    expect(embedded.length).toBeGreaterThan(0);
    const conversion = await convertToAzw3(epub);
    expect(conversion.complaints, conversion.output).toEqual([]);
    expect(conversion.fonts).toBe(embedded.length);
  });
});
