// The seed exactly as received and a Turkish manuscript, built through the programmatic API with the
// real browser: notes linked both ways in both outputs, author page, colophon, Turkish labels and casing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { ROOT, SEED, tempDir } from '../helpers/cli.js';
import { epubcheckTs, noteLinks, openEpub } from '../helpers/epub.js';
import { readPdf, type ParsedPdf } from '../helpers/pdf.js';

/** Internal links of a PDF: [page number, target page number] for each link annotation with a destination. */
async function internalLinks(file: string): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  let count = 0;
  for (let number = 1; number <= document.numPages; number++) {
    const annotations = (await (await document.getPage(number)).getAnnotations()) as { subtype: string; dest?: unknown }[];
    count += annotations.filter((annotation) => annotation.subtype === 'Link' && annotation.dest).length;
  }
  await document.destroy();
  return count;
}

const CONTACT = [
  'Süleyman Nazif Sok. No: 12/B Daire 3-4 06550 Çankaya-ANKARA / TÜRKİYE',
  '+90 (312) 438 50 23-24',
  '+90 (312) 438 50 26',
  'info@avim.org.tr',
  'avim.org.tr',
  '@avimorgtr',
  'facebook.com/avasyaincelemelerimerkezi',
];

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('the seed as received and a Turkish manuscript', () => {
  const out = tempDir();
  let result: BuildResult;
  let seedPdf: ParsedPdf;
  let turkishPdf: ParsedPdf;
  const turkish = path.join(ROOT, 'tests', 'fixtures', 'tr-analiz.md');

  beforeAll(async () => {
    result = await build({ inputs: [SEED, turkish], out, cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
    seedPdf = await readPdf(path.join(out, 'avim-analysis-china-central-asia.pdf'));
    turkishPdf = await readPdf(path.join(out, 'tr-analiz.pdf'));
  });

  it('builds all four artifacts', () => {
    expect(result.failures).toEqual([]);
    expect(result.artifacts.map((artifact) => path.basename(artifact.path)).sort()).toEqual([
      'avim-analysis-china-central-asia.epub',
      'avim-analysis-china-central-asia.pdf',
      'tr-analiz.epub',
      'tr-analiz.pdf',
    ]);
  });

  it('seed PDF: three notes 1–3 with their texts, links both ways, the bio, each contact detail once', async () => {
    const text = seedPdf.pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Almaz Kumenov, China promises more investment at Central Asia summit');
    expect(text).toContain('Catherine Putz, Why Did Central Asia');
    expect(text).toContain('s Leaders Go to Beijing?, The Diplomat');
    expect(text).toContain('China to aid 5 Central Asia countries with additional 50 million vaccines');
    expect(text).not.toMatch(/\[\d\]/);
    expect(text).toContain('She joined AVİM as a scholar in residence in November 2020.');
    // The web conversion's capitals (GÖKÇELİK) in name case, Turkish-aware, wherever the name is printed.
    expect(text).toContain('Şevval Beste Gökçelik');
    expect(text).not.toContain('GÖKÇELİK');
    // Three calls to their notes and three notes back to their calls.
    expect(await internalLinks(path.join(out, 'avim-analysis-china-central-asia.pdf'))).toBeGreaterThanOrEqual(6);
    for (const detail of CONTACT) expect(occurrences(text, detail), detail).toBe(detail === 'avim.org.tr' ? 2 : 1); // web site + e-mail domain
    expect(seedPdf.pages.at(-1)).toContain('Çankaya-ANKARA');
  });

  it('seed EPUB: every call has its role and reaches its note, which links back', async () => {
    const calls = await noteLinks(path.join(out, 'avim-analysis-china-central-asia.epub'));
    expect(calls.map((call) => call.number)).toEqual(['1', '2', '3']);
    for (const call of calls) {
      expect(call.role, call.id).toBe(true);
      expect(call.backlink, `${call.id} → ${call.target}`).toBe(true);
    }
    const epub = await openEpub(path.join(out, 'avim-analysis-china-central-asia.epub'));
    const xhtml = await Promise.all(
      Object.keys(epub.zip.files)
        .filter((name) => name.endsWith('.xhtml'))
        .map((name) => epub.text(name)),
    );
    // epub-gen-memory writes non-ASCII letters as character references.
    const all = xhtml.join('\n').replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(all).toContain('She joined AVİM as a scholar in residence in November 2020.');
    const visible = all.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const detail of CONTACT.filter((detail) => detail !== 'avim.org.tr')) expect(occurrences(visible, detail), detail).toBe(1);
    expect((await epubcheckTs(path.join(out, 'avim-analysis-china-central-asia.epub'))).problems).toEqual([]);
  });

  it('Turkish: labels from the Turkish table and İ/ı casing in the PDF', () => {
    // Words broken at a line's end joined again (the drawn hyphen, a soft hyphen in the text or not).
    const text = turkishPdf.pages
      .join('\n')
      .replace(/(\p{L})\u00AD?[-\u2010]\s*\n\s*(\p{L})/gu, '$1$2')
      .replace(/\s+/g, ' ');
    for (const label of ['Yazar Hakkında', 'Tüm hakları saklıdır.', 'Avrasya İncelemeleri Merkezi (AVİM)', 'Yayın tarihi', '15 Mart 2024']) {
      expect(text, label).toContain(label);
    }
    // "inceleme" upper-cased in Turkish: İ, not I (letter-spaced, so read without spaces).
    expect(text.replace(/ /g, '')).toContain('İNCELEME');
    expect(text.replace(/ /g, '')).not.toContain('INCELEME');
    expect(text).toContain('yapılan toplantılarda “iklim” konusu ele alındı.');
    expect(text).toContain('Işık, ılık ve iğne gibi sözcükler Türkçe yazımı sınar.');
  });

  it('Turkish: the EPUB says tr and uses the Turkish labels', async () => {
    const epub = await openEpub(path.join(out, 'tr-analiz.epub'));
    const opf = await epub.text('OEBPS/content.opf');
    expect(opf).toContain('<dc:language>tr</dc:language>');
    const nav = await epub.text('OEBPS/toc.xhtml');
    expect(nav).toContain('İçindekiler');
    expect((await epubcheckTs(path.join(out, 'tr-analiz.epub'))).problems).toEqual([]);
  });
});
