// The sample again, with endnotes, and in the other page sizes: each builds and passes the checks
// that apply to it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Publication } from '../../src/publication/model.js';
import { runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { readPdf, type ParsedPdf } from '../helpers/pdf.js';
import { pdffonts, pdfinfo, squash } from '../helpers/poppler.js';
import { footnoteProblems, publicationOf, textOf } from '../helpers/publication.js';

const dir = tempDir();
/** The sample with more front matter keys. */
function variant(name: string, keys: string): string {
  const file = path.join(dir, `${name}.md`);
  writeFileSync(file, readFileSync(SAMPLE, 'utf8').replace(/^lang: en$/m, `lang: en\nslug: ${name}\n${keys}`));
  return file;
}

const SIZES: [string, string, number, number][] = [
  // name, front matter value, width and height in points
  ['a5', 'A5', 419.53, 595.28],
  ['b5', 'B5', 498.9, 708.66],
  ['letter', 'Letter', 612, 792],
  ['six-by-nine', '6x9', 432, 648],
];

describe('variants of the sample', () => {
  const out = tempDir();
  const endnotesFile = variant('endnotes', 'notes: endnotes');
  const sizeFiles = SIZES.map(([name, size]) => variant(name, `pageSize: ${size}`));
  let run: ReturnType<typeof runCli>;
  let publication: Publication;
  const pdfs = new Map<string, ParsedPdf>();

  beforeAll(async () => {
    run = runCli(['build', endnotesFile, ...sizeFiles, '--out', out, '--format', 'pdf'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    for (const name of ['endnotes', ...SIZES.map(([name]) => name)]) pdfs.set(name, await readPdf(path.join(out, `${name}.pdf`)));
    publication = await publicationOf(SAMPLE);
  });

  it('all build, without a warning', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(['endnotes', ...SIZES.map(([name]) => name)])('%s: tagged, the brand’s fonts only, all embedded, colophon last', (name) => {
    const file = path.join(out, `${name}.pdf`);
    expect(pdfinfo(file).Tagged).toBe('yes');
    for (const font of pdffonts(file)) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name.replace(/^[A-Z]{6}\+/, '')).toMatch(/^(SourceSerif4|SourceSans3)/);
    }
    expect(pdfs.get(name)!.pages.at(-1)).toContain('Produced with avim-press');
  });

  it.each(SIZES)('%s: pages of the size asked for, footnotes on their call’s page', (name, _size, width, height) => {
    const size = pdfinfo(path.join(out, `${name}.pdf`))['Page size']!;
    const [w, h] = size.split(' x ').map((value) => parseFloat(value));
    expect(w).toBeCloseTo(width, 0);
    expect(h).toBeCloseTo(height, 0);
    expect(footnoteProblems(pdfs.get(name)!, publication.notes)).toEqual([]);
    expect(pdfs.get(name)!.outline).toEqual(['China’s Interaction with Central Asian Countries Is Increasing', 'About the Author', 'Colophon']);
  });

  it('endnotes: the notes gathered after the body, linked both ways, in the outline', () => {
    const pdf = pdfs.get('endnotes')!;
    expect(pdf.outline).toEqual(['China’s Interaction with Central Asian Countries Is Increasing', 'Notes', 'About the Author', 'Colophon']);
    const notesPage = pdf.pages.findIndex((page) => /^Notes$/m.test(page)) + 1;
    expect(notesPage).toBeGreaterThan(2);
    for (const note of publication.notes) {
      const call = pdf.links.find((link) => link.dest === note.id)!;
      expect(call.page, `call ${note.number}`).toBeLessThan(notesPage);
      expect(call.destPage, `call ${note.number}`).toBe(notesPage);
      expect(squash(pdf.pages[notesPage - 1]!)).toContain(squash(textOf(note.content)).slice(0, 50));
      const back = pdf.links.find((link) => link.dest === note.calls[0])!;
      expect(back).toMatchObject({ page: notesPage, destPage: call.page });
    }
  });
});
