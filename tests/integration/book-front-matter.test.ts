// A book folder (tests/fixtures/book-folder: book.yaml with two parts, a preface file, four chapters,
// one in Turkish) and an anthology (tests/fixtures/anthology: `chapters:` in front matter, each chapter
// by its own author), built through the real CLI: the front matter pages and their roman folios, arabic
// from the body's first page, the contents' numbers against the pages pdftotext finds the headings on,
// part pages and chapter openers bare of running heads, an anthology's verso heads, the EPUB's parts and
// languages, and book.yaml's errors at their lines.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { javaEpubcheck, javaEpubcheckAvailable, openEpub } from '../helpers/epub.js';
import { pdftotext, squash } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const ENV = { SOURCE_DATE_EPOCH: '1714521600' };
const PARTS = ['Ports and Routes', 'Law and Language'];
const CHAPTERS = ['Ports on an Inland Sea', 'The Ferry Problem', 'A Sea Divided by Treaty', 'Alfabe Değişiklikleri ve Okurlar'];
const ROMAN = /^[ivxlc]+$/;

/** The folio of each page: the last line of its text when that line is a number alone (pdftotext -layout). */
function folios(layoutPages: string[]): (string | undefined)[] {
  return layoutPages.map((page) => {
    const last = page.trimEnd().split('\n').at(-1)?.trim() ?? '';
    return /^(\d+|[ivxlc]+)$/.test(last) ? last : undefined;
  });
}

/** The first line of a page's text: its running head, or on a page without one the first line of text. */
const firstLine = (page: string) =>
  page
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim() ?? '';

/** The printed contents: each entry's title and page number, roman or arabic (pdftotext -layout). */
function contentsEntries(page: string): { title: string; page: string }[] {
  return [...page.matchAll(/^ *(\S.*?\S) {2,}(\d+|[ivxlc]+)$/gm)].map((match) => ({ title: match[1]!, page: match[2]! }));
}

function toRoman(value: number): string {
  const numerals: [number, string][] = [
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let roman = '';
  for (const [amount, numeral] of numerals) while (rest >= amount) [rest, roman] = [rest - amount, roman + numeral];
  return roman;
}

describe('a book folder with parts, a preface and a chapter in Turkish', () => {
  let project: string;
  let run: ReturnType<typeof runCli>;
  let pages: string[];
  let layoutPages: string[];
  let pageFolios: (string | undefined)[];
  /** The physical page (1-based) where the body starts: the first part's title page, folio 1. */
  let bodyStart: number;
  /** The folio a physical page has: roman before the body, arabic from 1 at its first page. */
  const expectedFolio = (physical: number) => (physical < bodyStart ? toRoman(physical) : String(physical - bodyStart + 1));
  const pageOf = (words: string, after = 0) => pages.findIndex((page, index) => index >= after && squash(page).includes(squash(words))) + 1;

  beforeAll(() => {
    project = tempProject({ prefix: 'avim-press-book-folder-' });
    cpSync(path.join(FIXTURES, 'book-folder'), path.join(project, 'manuscript', 'caspian'), { recursive: true });
    // The whole manuscript folder: the book folder inside it is found as one book.
    run = runCli(['build', '--out', 'dist'], { cwd: project, env: ENV });
    if (run.status !== 0) throw new Error(`the book did not build:\n${run.stdout}\n${run.stderr}`);
    pages = pdftotext(path.join(project, 'dist', 'caspian.pdf'));
    layoutPages = pdftotext(path.join(project, 'dist', 'caspian.pdf'), true);
    pageFolios = folios(layoutPages);
    bodyStart = pageOf(PARTS[0]!, 5);
  });

  it('builds the folder as one book named after it, its chapter files not as articles, every file an input', () => {
    expect(run.stdout).toMatch(/^built 1, skipped 0, failed 0/m);
    expect(run.stderr).toBe('');
    expect(readdirSync(path.join(project, 'dist')).sort()).toEqual(['caspian.epub', 'caspian.pdf', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(path.join(project, 'dist', 'manifest.json'), 'utf8')) as { artifacts: { source: string; inputs: { path: string }[] }[] };
    expect(manifest.artifacts[0]!.source).toBe('manuscript/caspian/book.yaml');
    expect(manifest.artifacts[0]!.inputs.map((input) => input.path)).toEqual(
      expect.arrayContaining([
        'manuscript/caspian/book.yaml',
        'manuscript/caspian/preface.md',
        ...['01-ports', '02-ferries', '03-convention', '04-alfabe'].map((name) => `manuscript/caspian/chapters/${name}.md`),
      ]),
    );
  });

  it('opens with a half title, the title page on the right, the copyright page on its back, then contents and preface', () => {
    expect(squash(pages[0]!)).toBe(squash('The Caspian Crossroads'));
    expect(pages[1]!.trim()).toBe('');
    expect(pages[2]).toContain('Trade, Law and Language around an Inland Sea');
    const copyright = squash(pages[3]!);
    for (const words of ['© 2009–2025 Center for Eurasian Studies (AVİM). All rights reserved.', 'Edition: 1, March 2025', 'ISBN (PDF): 978-605-9542-01-2', 'ISBN (EPUB): 978-605-9542-02-9']) {
      expect(copyright).toContain(squash(words));
    }
    // The cataloguing record: authors, title / authors, publisher and year, each ISBN.
    expect(copyright).toContain(squash('Cataloging-in-Publication Data Deniz Arslan; Emre Yıldız (Editor)'));
    expect(copyright).toContain(squash('The Caspian Crossroads: Trade, Law and Language around an Inland Sea / Deniz Arslan, Emre Yıldız. — Center for Eurasian Studies (AVİM), 2025.'));
    expect(layoutPages[4]).toMatch(/^\s*Contents\s*$/m);
    expect(pageOf('This book gathers four studies')).toBe(7);
  });

  it('numbers the front matter in roman and the body in arabic from 1, blank, half-title and part pages bare', () => {
    expect(bodyStart % 2).toBe(1);
    pageFolios.forEach((folio, index) => {
      const physical = index + 1;
      if (folio === undefined) return;
      expect({ page: physical, folio }).toEqual({ page: physical, folio: expectedFolio(physical) });
    });
    // Roman on the copyright, contents and preface pages; the half title, its blank back and the title page have none.
    expect(pageFolios.slice(0, 7)).toEqual([undefined, undefined, undefined, 'iv', 'v', undefined, 'vii']);
    expect(pageFolios.slice(0, bodyStart - 1).every((folio) => folio === undefined || ROMAN.test(folio))).toBe(true);
    // Every page of the body but its part-title and blank pages has its arabic folio.
    const partPages = PARTS.map((part) => pageOf(part, bodyStart - 1));
    pages.forEach((page, index) => {
      const physical = index + 1;
      // (The colophon, the last page, has no folio, as in an article.)
      if (physical < bodyStart || page.trim() === '' || partPages.includes(physical) || page.includes('Produced with avim-press')) return;
      expect({ page: physical, folio: pageFolios[index] }).toEqual({ page: physical, folio: expectedFolio(physical) });
    });
    for (const page of partPages) expect(squash(pages[page - 1]!)).toBe(squash(PARTS[partPages.indexOf(page)]!));
    expect(pages.filter((page, index) => index + 1 >= bodyStart && page.trim() === '').length).toBeGreaterThan(0);
  });

  it('prints contents whose every number, roman or arabic, is the folio of the page where that heading is', () => {
    const entries = contentsEntries(layoutPages[4]!);
    expect(entries.map((entry) => entry.title)).toEqual([
      'Preface',
      PARTS[0]!.toUpperCase(),
      CHAPTERS[0],
      'Baku and Alat',
      'Aktau and Kuryk',
      'Turkmenbashi',
      CHAPTERS[1],
      'A small fleet',
      'Schedules instead of queues',
      PARTS[1]!.toUpperCase(),
      CHAPTERS[2],
      'The Aktau convention',
      'What remains open',
      'Fish, oil and sturgeon',
      'Ships of other flags',
      'A convention that works',
      CHAPTERS[3],
      'Azerbaycan’ın deneyimi',
      'Kazakistan’ın ertelemeleri',
    ]);
    expect(entries[0]!.page).toMatch(ROMAN);
    for (const entry of entries) {
      const title = PARTS.find((part) => part.toUpperCase() === entry.title) ?? entry.title;
      const physical = pageOf(title, 5);
      expect({ title, folio: entry.page }).toEqual({ title, folio: expectedFolio(physical) });
    }
  });

  it('starts each part and chapter on an odd page, with no running head on it; heads the pages after it', () => {
    for (const title of [...PARTS, ...CHAPTERS]) {
      const physical = pageOf(title, bodyStart - 1);
      expect({ title, odd: physical % 2 === 1 }).toEqual({ title, odd: true });
      // The opening page begins with the title itself: nothing above it.
      expect(firstLine(layoutPages[physical - 1]!)).toBe(title);
    }
    // A right-hand page in a chapter is headed by its short title, a left-hand page by the book's title
    // (or, when the chapter has an author, by the author's name).
    const treaty = pageOf(CHAPTERS[2]!, bodyStart - 1);
    expect(firstLine(layoutPages[treaty]!)).toBe('The Caspian Crossroads');
    expect(firstLine(layoutPages[treaty + 1]!)).toBe('A Sea Divided');
    const ferries = pageOf(CHAPTERS[1]!, bodyStart - 1);
    expect(firstLine(layoutPages[ferries]!)).toBe('Kerem Aydın');
  });

  it('makes an EPUB with the preface, part documents nesting their chapters, the Turkish chapter in Turkish, that EPUBCheck passes', async (context) => {
    const epub = path.join(project, 'dist', 'caspian.epub');
    const { text } = await openEpub(epub);
    const preface = await text('OEBPS/preface.xhtml');
    expect(preface).toContain('<title>Preface</title>');
    expect(preface).toContain('This book gathers four studies');
    // (The print page it starts has its page-break marker before the heading.)
    expect(await text('OEBPS/body-1.xhtml')).toMatch(
      /<section epub:type="part" role="doc-part" aria-labelledby="part-1">\s*(<span role="doc-pagebreak"[^>]*><\/span>)?<h1 id="part-1" class="part-title">Ports and Routes<\/h1>/,
    );
    const turkish = await text('OEBPS/body-6.xhtml');
    expect(turkish).toContain('xml:lang="tr" lang="tr"');
    expect(turkish).toContain('Alfabe Değişiklikleri ve Okurlar');
    expect(await text('OEBPS/body-5.xhtml')).toContain('xml:lang="en" lang="en"');
    const nav = await text('OEBPS/toc.xhtml');
    const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('epub:type="landmarks"'));
    // Preface, then each part with its chapters inside its list item.
    expect(squash(toc.replace(/<[^>]+>/g, ' '))).toContain(squash(`Preface ${PARTS[0]} ${CHAPTERS[0]} Baku and Alat`));
    expect(toc).toMatch(new RegExp(`<a href="body-4.xhtml">${PARTS[1]}</a>\\s*<ol>\\s*<li><a href="body-5.xhtml">${CHAPTERS[2]}</a>`));
    if (!javaEpubcheckAvailable()) return context.skip();
    const checked = javaEpubcheck(epub);
    expect(checked.errors, checked.output).toBe(0);
    expect(checked.warnings, checked.output).toBe(0);
  });
});

describe('an anthology: a book whose chapters each have their own author', () => {
  let project: string;
  let layoutPages: string[];

  beforeAll(() => {
    project = tempProject({ prefix: 'avim-press-anthology-' });
    cpSync(path.join(FIXTURES, 'anthology'), path.join(project, 'manuscript'), { recursive: true });
    const run = runCli(['build', 'manuscript/anthology.md', '--out', 'dist'], { cwd: project, env: ENV });
    if (run.status !== 0) throw new Error(`the anthology did not build:\n${run.stdout}\n${run.stderr}`);
    layoutPages = pdftotext(path.join(project, 'dist', 'anthology.pdf'), true);
  });

  it("heads a chapter's left-hand pages with its author, lists the authors in the contents and on the author page", () => {
    const opening = layoutPages.findIndex((page) => firstLine(page) === 'The Straits in Wartime') + 1;
    expect(opening % 2).toBe(1);
    expect(folios(layoutPages)[opening - 1]).toBe('1');
    expect(firstLine(layoutPages[opening]!)).toBe('Mehmet Çelik');
    const contents = layoutPages.find((page) => /^\s*Contents\s*$/m.test(page))!;
    expect(contents).toMatch(/^\s*Zeynep Kara\s*$/m);
    const authors = layoutPages.find((page) => page.includes('About the Authors'))!;
    // The author page is the book's: its left-hand head is the book's title, not the last chapter's author.
    expect(firstLine(authors)).toBe('Black Sea Notes');
    expect(squash(authors)).toContain(squash('Can Öztürk Analyst Can Öztürk follows energy and digital infrastructure'));
  });

  it('makes an EPUB that EPUBCheck passes, with no half title and the notes restarting in each chapter', async (context) => {
    const epub = path.join(project, 'dist', 'anthology.epub');
    const { zip, text } = await openEpub(epub);
    expect(Object.keys(zip.files).some((name) => name.includes('half-title'))).toBe(false);
    expect(await text('OEBPS/body-2.xhtml')).toMatch(/<a href="#fn-2-1" id="fnref-2-1"[^>]*>1<\/a>/);
    if (!javaEpubcheckAvailable()) return context.skip();
    const checked = javaEpubcheck(epub);
    expect(checked.errors, checked.output).toBe(0);
    expect(checked.warnings, checked.output).toBe(0);
  });
});

describe('a book folder with problems', () => {
  function folderProject(edit: (yaml: string) => string): { project: string; yaml: string } {
    const project = tempProject({ prefix: 'avim-press-book-folder-bad-' });
    cpSync(path.join(FIXTURES, 'book-folder'), path.join(project, 'manuscript', 'caspian'), { recursive: true });
    const file = path.join(project, 'manuscript', 'caspian', 'book.yaml');
    const yaml = edit(readFileSync(file, 'utf8'));
    writeFileSync(file, yaml);
    return { project, yaml };
  }
  const lineOf = (yaml: string, text: string) => yaml.split('\n').findIndex((line) => line.includes(text)) + 1;

  it('reports a missing chapter of a part at its line in book.yaml', () => {
    const { project, yaml } = folderProject((text) => text.replace('chapters/03-convention.md', 'chapters/03-treaty.md'));
    const run = runCli(['build', 'manuscript/caspian', '--out', 'dist', '--format', 'epub'], { cwd: project, env: ENV });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `manuscript/caspian/book.yaml:${lineOf(yaml, '03-treaty')}:9: error: The chapter file chapters/03-treaty.md does not exist (looked for manuscript/caspian/chapters/03-treaty.md) (chapter-missing)`,
    );
  });

  it('reports an unknown key at its line, with the key it was meant to be', () => {
    const { project, yaml } = folderProject((text) => text.replace('subtitle:', 'subtitel:'));
    const run = runCli(['build', 'manuscript/caspian', '--out', 'dist', '--format', 'epub'], { cwd: project, env: ENV });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`manuscript/caspian/book.yaml:${lineOf(yaml, 'subtitel:')}:1: error: Unknown key "subtitel"; did you mean "subtitle"?`);
  });

  it('counts limits.maxNotes over the whole book, not per chapter', () => {
    const { project } = folderProject((text) => text);
    const config = path.join(project, 'avim-press.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}limits:\n  maxNotes: 5\n`);
    const run = runCli(['build', 'manuscript/caspian', '--out', 'dist', '--format', 'epub'], { cwd: project, env: ENV });
    expect(run.status).toBe(1);
    // Ten notes in all (the preface's one, two or three in each chapter): each file is under the limit, the book is not.
    expect(run.stderr).toMatch(/manuscript\/caspian\/book\.yaml:\d+:\d+: error: The book has 10 notes; the limit is 5 \(split the book, or raise limits\.maxNotes\) \(limit\)/);
  });
});
