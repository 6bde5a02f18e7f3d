// The sample manuscript, built by the real CLI with the real browser; the PDF parsed, the EPUB validated.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { epubcheckTs, firstZipEntry, javaEpubcheck, javaEpubcheckAvailable, openEpub } from '../helpers/epub.js';
import { readPdf, type ParsedPdf } from '../helpers/pdf.js';

describe('avim-press build on the sample manuscript', () => {
  const out = tempDir();
  let run: ReturnType<typeof runCli>;
  let pdf: ParsedPdf;
  const pdfPath = path.join(out, 'china-central-asia.pdf');
  const epubPath = path.join(out, 'china-central-asia.epub');

  beforeAll(async () => {
    run = runCli(['build', SAMPLE, '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    pdf = await readPdf(pdfPath);
  });

  it('exits 0 and prints one line per artifact', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/china-central-asia\.pdf {2}\d+ pages, \d+ KB {2}\d+ ms/);
    expect(run.stdout).toMatch(/china-central-asia\.epub {2}\d+ KB {2}\d+ ms/);
    expect(readdirSync(out).sort()).toEqual(['china-central-asia.epub', 'china-central-asia.pdf', 'manifest.json']);
  });

  it('writes a PDF with the title, the author with her Turkish letters and the colophon', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
    expect(pdf.info.Title).toBe('China’s Interaction with Central Asian Countries Is Increasing');
    expect(pdf.info.Author).toBe('Şevval Beste Gökçelik');
    const text = pdf.pages.join('\n');
    expect(text).toContain('Şevval Beste Gökçelik');
    expect(text).toContain('Scholar in Residence');
    const colophon = pdf.pages.at(-1)!;
    expect(colophon).toContain('Çankaya-ANKARA / TÜRKİYE');
    expect(colophon).toContain('info@avim.org.tr');
    expect(colophon).toMatch(/© 2009–2023 Center for Eurasian Studies \(AVİM\)\. All rights reserved\./);
  });

  it('embeds every font it uses, and only the brand’s', () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, 'a system font crept in').toMatch(/^(SourceSerif4|SourceSans3)/);
    }
  });

  it('writes an EPUB that opens as a zip with mimetype first and stored', async () => {
    const epub = await openEpub(epubPath);
    expect(firstZipEntry(epub.bytes)).toEqual({ name: 'mimetype', method: 0 });
    expect(await epub.text('mimetype')).toBe('application/epub+zip');
    expect(await epub.text('OEBPS/content.opf')).toContain('<dc:title id="title">China');
  });

  it('passes epubcheck-ts with no error and no warning', async () => {
    const result = await epubcheckTs(epubPath);
    expect(result.problems).toEqual([]);
    expect(result.errors).toBe(0);
  });

  it.runIf(javaEpubcheckAvailable() || process.env.CI)('passes EPUBCheck (Java) with no error and no warning', () => {
    const result = javaEpubcheck(epubPath);
    expect(result.errors, result.output).toBe(0);
    expect(result.warnings, result.output).toBe(0);
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(path.join(out, 'china-central-asia.pdf'))).toBe(true);
  });
});
