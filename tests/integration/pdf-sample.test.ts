// The sample manuscript printed to an A4 PDF with page-bottom footnotes, read back the way a printer
// and a reader would: poppler's pdfinfo, pdffonts and pdftotext, pdf.js for pages, links and outline.
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Publication } from '../../src/publication/model.js';
import { runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { readPdf, type ParsedPdf } from '../helpers/pdf.js';
import { pdffonts, pdfinfo, pdfMeta, pdftotext, qpdfCheck, squash } from '../helpers/poppler.js';
import { footnoteProblems, publicationOf, textOf } from '../helpers/publication.js';

/** Words (letters, with inner apostrophes and hyphens) of a text, lower-cased. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLocaleLowerCase('en'))
    .filter((word) => /\p{L}/u.test(word));
}

describe('the sample as an A4 PDF with footnotes', () => {
  const out = tempDir();
  const file = path.join(out, 'china-central-asia.pdf');
  let run: ReturnType<typeof runCli>;
  let pdf: ParsedPdf;
  let publication: Publication;

  beforeAll(async () => {
    run = runCli(['build', SAMPLE, '--out', out, '--format', 'pdf'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    pdf = await readPdf(file);
    publication = await publicationOf(SAMPLE);
  });

  it('builds without a warning', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is an A4, tagged PDF whose information gives title, author, subject, keywords and language', () => {
    const info = pdfinfo(file);
    expect(info['Page size']).toMatch(/\(A4\)/);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('China’s Interaction with Central Asian Countries Is Increasing');
    expect(info.Author).toBe('Şevval Beste Gökçelik');
    expect(info.Subject).toMatch(/^China has been steadily gaining strength/);
    expect(info.Keywords).toBe('China, Central Asia, Belt and Road Initiative, Xi Jinping, Beijing Winter Olympics, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan');
    expect(info.Creator).toBe(`avim-press ${publication.metadata.toolVersion}`);
    expect(info.Producer).toMatch(/^avim-press .*HeadlessChrome.*Paged\.js.*pdf-lib/);
    expect(info.CreationDate).toMatch(/Nov 14 22:13:20 2023/);
    expect(info['Metadata Stream']).toBe('yes');
    const xmp = pdfMeta(file);
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<rdf:li>Central Asia</rdf:li>');
    expect(qpdfCheck(file).ok).toBe(true);
  });

  it('declares its language in the catalog', async () => {
    const document = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    expect(String(document.catalog.get(PDFName.of('Lang')))).toBe('(en)');
  });

  it('embeds and subsets every font, and only the brand’s families (pdffonts)', () => {
    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      expect(font.name.replace(/^[A-Z]{6}\+/, ''), 'a font outside the brand').toMatch(/^(SourceSerif4|SourceSans3)/);
    }
  });

  it('lists the headings in the outline, each title whole', () => {
    expect(pdf.outline).toEqual(['China’s Interaction with Central Asian Countries Is Increasing', 'About the Author', 'Colophon']);
  });

  it('puts each footnote on the page of its call, numbered as the manuscript, linked both ways', () => {
    expect(publication.notes).toHaveLength(3);
    expect(footnoteProblems(pdf, publication.notes)).toEqual([]);
    // Footnotes replace the endnotes: no "Notes" section.
    expect(pdf.pages.join('\n')).not.toMatch(/^Notes$/m);
  });

  it('has a title page without a folio, running heads and folios on body pages, and the colophon last', () => {
    const lines = pdftotext(file, true).map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    expect(lines[0]!.some((line) => /^\d+$/.test(line))).toBe(false);
    expect(lines[1]![0]).toBe('China and Central Asia');
    expect(lines[1]!.at(-1)).toBe('2');
    expect(lines[2]![0]).toBe('AVİM');
    expect(lines[2]!.at(-1)).toBe('3');
    const last = pdf.pages.at(-1)!;
    expect(last).toContain('Produced with avim-press');
    expect(last).toContain('Çankaya-ANKARA / TÜRKİYE');
    expect(lines.at(-1)!.some((line) => /^\d+$/.test(line))).toBe(false);
  });

  it('hyphenates, yet leaves no soft hyphen inside an unbroken word and no stray hyphen', () => {
    const pages = pdftotext(file, true);
    const text = pages.join('\n');
    // A soft hyphen only where a line was broken at it (drawn as the font's hyphen, U+2010 when it has
    // one, else "-", at the line's end).
    const atLineEnd = text.match(/\u00AD[-\u2010]?\s*$/gm) ?? [];
    expect(atLineEnd.length, 'no word was hyphenated at all').toBeGreaterThan(0);
    expect(text.match(/\u00AD/g)?.length).toBe(atLineEnd.length);
    // Every word inside a line (a line's first and last words may be halves of a broken word) is
    // one of the publication's words, with its Turkish letters: no soft hyphen, no stray "-" inside.
    const known = new Set(words([...publication.sections.map((section) => textOf(section.content)), ...publication.notes.map((note) => textOf(note.content))].join(' ')));
    const unknown = pages
      .slice(1, -1)
      .flatMap((page) => page.split('\n').flatMap((line) => words(line).slice(1, -1)))
      .filter((word) => !known.has(word));
    expect(unknown).toEqual([]);
    expect(squash(text)).toContain('ŞevvalBesteGökçelik');
  });
});
