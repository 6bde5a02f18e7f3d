// What a PDF viewer shows beside the pages, read from real builds through the CLI: the page labels
// (/PageLabels, qpdf's number tree and pdf.js's labels, each checked against the folio pdftotext finds
// printed on the page) and the outline (qpdf's tree). A book's front matter is labelled in lower-case
// roman and its body in arabic from 1; an article numbered 1, 2, 3 … has no labels (a viewer's own
// numbers are the same). In a book with parts each part is a top-level bookmark with its chapters,
// and their headings, under it; front and back matter stay at the top.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, SAMPLE } from '../helpers/cli.js';
import { pdftotext, squash } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const ENV = { SOURCE_DATE_EPOCH: '1714521600' };
const PARTS = ['Ports and Routes', 'Law and Language'];
const CHAPTERS = ['Ports on an Inland Sea', 'The Ferry Problem', 'A Sea Divided by Treaty', 'Alfabe Değişiklikleri ve Okurlar'];
const CHAPTER_FILES = ['01-ports', '02-ferries', '03-convention', '04-alfabe'];

interface QpdfLabel {
  index: number;
  label: { '/S'?: string; '/St'?: number; '/P'?: string };
}
interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

const qpdfJson = <T>(file: string, key: string): T => (JSON.parse(execFileSync('qpdf', ['--json', `--json-key=${key}`, file], { encoding: 'utf8' })) as Record<string, T>)[key]!;

/** Each page's label as pdf.js (a viewer) reads it; null when the file has none. */
async function viewerLabels(file: string): Promise<string[] | null> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    return await document.getPageLabels();
  } finally {
    await document.destroy();
  }
}

/** The folio printed on each page: the last line of its text when that line is a number alone (pdftotext -layout). */
const printedFolios = (file: string) =>
  pdftotext(file, true).map((page) => {
    const last = page.trimEnd().split('\n').at(-1)?.trim() ?? '';
    return /^(\d+|[ivxlc]+)$/.test(last) ? last : undefined;
  });

/** A chapter file's `##` headings, as the typeset text has them. */
const subheadings = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^## (.+)$/gm)].map((match) => match[1]!.replace(/'/g, '’'));

describe('page labels and outline', () => {
  const project = tempProject({ prefix: 'avim-press-navigation-' });
  const out = (name: string, dir = 'dist') => path.join(project, dir, name);
  let runs: ReturnType<typeof runCli>[];

  beforeAll(() => {
    cpSync(path.join(FIXTURES, 'book-folder'), path.join(project, 'manuscript', 'caspian'), { recursive: true });
    cpSync(path.join(FIXTURES, 'book'), path.join(project, 'manuscript', 'eurasia'), { recursive: true });
    cpSync(path.dirname(SAMPLE), path.join(project, 'manuscript'), { recursive: true });
    const inputs = ['manuscript/caspian', 'manuscript/eurasia/book.md', 'manuscript/china-central-asia.md'];
    // Twice, into two folders: the labels and the outline must leave the bytes reproducible.
    runs = ['dist', 'again'].map((dir) => runCli(['build', ...inputs, '--format', 'pdf', '--out', dir], { cwd: project, env: ENV }));
    for (const run of runs) if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}\n${run.stderr}`);
  });

  it('builds the same bytes twice', () => {
    expect(runs.map((run) => run.stderr)).toEqual(['', '']);
    for (const name of ['caspian.pdf', 'book.pdf', 'china-central-asia.pdf']) expect(readFileSync(out(name, 'again')).equals(readFileSync(out(name)))).toBe(true);
  });

  it('labels a book with parts roman up to the first part page, arabic from 1 there: the folios the pages print', async () => {
    const file = out('caspian.pdf');
    const pages = pdftotext(file);
    const bodyStart = pages.findIndex((page, index) => index > 4 && squash(page) === squash(PARTS[0]!));
    expect(bodyStart).toBeGreaterThan(4);
    expect(qpdfJson<QpdfLabel[]>(file, 'pagelabels')).toEqual([
      { index: 0, label: { '/S': '/r', '/St': 1 } },
      { index: bodyStart, label: { '/S': '/D', '/St': 1 } },
    ]);
    const labels = await viewerLabels(file);
    expect(labels).toHaveLength(pages.length);
    expect(labels!.slice(0, bodyStart + 1)).toEqual([...['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'].slice(0, bodyStart), '1']);
    // Every page that prints a folio is labelled with it; pages that print none (half title, title,
    // blank and part pages) have their run's number.
    const folios = printedFolios(file);
    expect(folios.filter(Boolean).length).toBeGreaterThan(10);
    folios.forEach((folio, index) => {
      if (folio !== undefined) expect({ page: index + 1, label: labels![index] }).toEqual({ page: index + 1, label: folio });
    });
    const firstChapter = pages.findIndex((page) => squash(page).startsWith(squash(CHAPTERS[0]!)));
    expect(labels![firstChapter]).toBe(folios[firstChapter]);
  });

  it('labels a book without parts so that its first chapter (where its bookmark goes) is page 1', async () => {
    const file = out('book.pdf');
    const chapter = qpdfJson<QpdfOutline[]>(file, 'outlines').find((entry) => entry.kids.some((kid) => kid.title === 'From idea to timetable'))!;
    const firstChapter = chapter.destpageposfrom1 - 1;
    expect(pdftotext(file)[firstChapter]).toContain(chapter.title);
    const labels = await viewerLabels(file);
    expect(labels![firstChapter]).toBe('1');
    expect(labels![firstChapter - 1]).toMatch(/^[ivx]+$/);
    expect(qpdfJson<QpdfLabel[]>(file, 'pagelabels').map((range) => [range.index, range.label['/S']])).toEqual([
      [0, '/r'],
      [firstChapter, '/D'],
    ]);
  });

  it('writes no page labels for an article numbered from 1 throughout', async () => {
    const file = out('china-central-asia.pdf');
    expect(printedFolios(file).filter(Boolean)).toEqual(['2', '3', '4']);
    expect(qpdfJson<QpdfLabel[]>(file, 'pagelabels')).toEqual([]);
    expect(await viewerLabels(file)).toBeNull();
  });

  it('nests each part’s chapters, and their headings, under the part; front and back matter at the top', () => {
    const file = out('caspian.pdf');
    const pages = pdftotext(file);
    const outline = qpdfJson<QpdfOutline[]>(file, 'outlines');
    expect(outline.map((entry) => entry.title)).toEqual(['The Caspian Crossroads', 'Contents', 'Preface', ...PARTS, 'Colophon']);
    PARTS.forEach((part, partIndex) => {
      const entry = outline.find((item) => item.title === part)!;
      // The part's bookmark goes to its title page.
      expect(squash(pages[entry.destpageposfrom1 - 1]!)).toBe(squash(part));
      const chapters = [0, 1].map((offset) => partIndex * 2 + offset);
      expect(entry.kids.map((kid) => kid.title)).toEqual(chapters.map((index) => CHAPTERS[index]));
      entry.kids.forEach((chapter, offset) => {
        const index = chapters[offset]!;
        expect(chapter.kids.map((kid) => kid.title)).toEqual(subheadings(path.join(FIXTURES, 'book-folder', 'chapters', `${CHAPTER_FILES[index]}.md`)));
        expect(chapter.kids.every((kid) => kid.kids.length === 0)).toBe(true);
        expect(squash(pages[chapter.destpageposfrom1 - 1]!)).toContain(squash(CHAPTERS[index]!));
      });
    });
    for (const title of ['Contents', 'Preface', 'Colophon']) expect(outline.find((item) => item.title === title)!.kids).toEqual([]);
  });

  it('keeps a book without parts flat: its chapters at the top', () => {
    const outline = qpdfJson<QpdfOutline[]>(out('book.pdf'), 'outlines');
    const chapters = outline.filter((entry) => entry.kids.length > 0);
    expect(chapters.map((entry) => entry.kids[0]!.title)).toEqual(['01-corridors', '02-energy', '03-memory'].map((name) => subheadings(path.join(FIXTURES, 'book', 'chapters', `${name}.md`))[0]));
  });
});
