// A book from many files (tests/fixtures/book: a manuscript whose front matter lists three chapter
// files), built through the real CLI: the printed contents page's numbers against the pages where
// pdftotext finds each heading, chapters on odd pages, blank pages bare, notes numbered through the
// book or per chapter, problems at the chapter file's own lines, the EPUB's chapter files and nav.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { javaEpubcheck, javaEpubcheckAvailable, openEpub } from '../helpers/epub.js';
import { readPdf } from '../helpers/pdf.js';
import { pdftotext, squash } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'book');
const CHAPTER_TITLES = ['The Middle Corridor Comes of Age', 'Power Lines Across the Steppe', 'Monuments and Textbooks'];
const ENV = { SOURCE_DATE_EPOCH: '1714521600' };
/** The contents page: after the half title (i), its blank back, the title page (iii) and the copyright page (iv). */
const CONTENTS_PAGE = 5;

/** A project whose manuscript/ folder holds the book and its chapters/ folder. */
/** The fixture book in a project of its own; `notes` adds that setting to the book's front matter. */
function bookProject(notes?: string): string {
  const project = tempProject({ prefix: 'avim-press-book-' });
  cpSync(FIXTURE, path.join(project, 'manuscript'), { recursive: true });
  if (notes) {
    const book = path.join(project, 'manuscript', 'book.md');
    writeFileSync(book, readFileSync(book, 'utf8').replace('pageSize: A5', `pageSize: A5\nnotes: ${notes}`));
  }
  return project;
}

function build(project: string, ...args: string[]) {
  return runCli(['build', 'manuscript/book.md', '--out', 'dist', ...args], { cwd: project, env: ENV });
}

/** The printed contents page: each entry's title and page number (pdftotext -layout, one per line). */
function contentsEntries(page: string): { title: string; page: number; depth: number }[] {
  return [...page.matchAll(/^( *)(\S.*?\S) {2,}(\d+)$/gm)].map((match) => ({ title: match[2]!, page: Number(match[3]), depth: match[1]!.length > 0 ? 2 : 1 }));
}

describe('a book from many files', () => {
  let project: string;
  let run: ReturnType<typeof runCli>;
  let pages: string[];
  let layoutPages: string[];

  beforeAll(() => {
    project = bookProject();
    run = build(project);
    if (run.status !== 0) throw new Error(`the book did not build:\n${run.stdout}\n${run.stderr}`);
    pages = pdftotext(path.join(project, 'dist', 'book.pdf'));
    layoutPages = pdftotext(path.join(project, 'dist', 'book.pdf'), true);
  });

  it('builds a PDF and an EPUB from the book file and its three chapter files', () => {
    expect(run.stdout).toMatch(/^dist\/book\.pdf {2}\d+ pages/m);
    expect(run.stdout).toMatch(/^dist\/book\.epub /m);
    expect(run.stderr).toBe('');
    // After the half title, title, copyright and contents pages: the preface (the book file's own text),
    // then each chapter, in order.
    const text = squash(pages.slice(CONTENTS_PAGE).join(''));
    const order = ['Preface', ...CHAPTER_TITLES, 'the shared past is a bridge or a border'].map((words) => text.indexOf(squash(words)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The chapter author under the chapter's title.
    expect(squash(pages.find((page) => page.includes('Power Lines Across the Steppe') && !page.includes('Contents'))!)).toContain(squash('Power Lines Across the Steppe Selin Kaya'));
  });

  it('prints a contents page after the title page whose every number is the page where that heading is', async () => {
    expect(layoutPages[CONTENTS_PAGE - 1]).toMatch(/^\s*Contents\s*$/m);
    const entries = contentsEntries(layoutPages[CONTENTS_PAGE - 1]!);
    // Arabic folios count from the first chapter's page (the front matter's are roman).
    const offset = pages.findIndex((page, index) => index >= CONTENTS_PAGE && page.includes(CHAPTER_TITLES[0]!));
    // Three chapters, each with its three `##` headings; the chapter author listed under the title.
    expect(entries.filter((entry) => entry.depth === 1).map((entry) => entry.title)).toEqual(CHAPTER_TITLES);
    expect(entries).toHaveLength(12);
    expect(layoutPages[CONTENTS_PAGE - 1]).toMatch(/^\s*Selin Kaya\s*$/m);
    for (const entry of entries) {
      // The first page after the contents page that has the heading's words is the page listed.
      const found = pages.findIndex((page, index) => index >= CONTENTS_PAGE && squash(page).includes(squash(entry.title))) + 1;
      expect({ title: entry.title, page: found }).toEqual({ title: entry.title, page: entry.page + offset });
    }
    // Linked: each entry is a link to the page it names (the preface's first, on page vii).
    const { links } = await readPdf(path.join(project, 'dist', 'book.pdf'));
    const fromContents = links.filter((link) => link.page === CONTENTS_PAGE);
    expect(fromContents.map((link) => link.destPage)).toEqual([7, ...entries.map((entry) => entry.page + offset)]);
  });

  it('starts every chapter on an odd page; the pages left blank for it carry no folio and no running head', () => {
    const starts = CHAPTER_TITLES.map((title) => pages.findIndex((page, index) => index >= CONTENTS_PAGE && page.includes(title)) + 1);
    expect(starts.every((page) => page % 2 === 1)).toBe(true);
    const blank = pages.map((page, index) => (page.trim() === '' ? index + 1 : 0)).filter(Boolean);
    // The fixture's preface and first chapter end on odd pages: a blank left page follows each (and the
    // half title, and the contents page, so that the title page and the preface are on the right).
    expect(blank.length).toBeGreaterThanOrEqual(4);
    for (const page of blank) expect([3, 7, ...starts]).toContain(page + 1);
    // Every other page after the contents has text besides a folio and a running head.
    const bare = pages.slice(CONTENTS_PAGE).filter((page) => page.trim() !== '' && page.replace(/\d+|\b[ivx]+\b|Eurasia in Transition|AVİM|Selin Kaya/g, '').trim() === '');
    expect(bare).toEqual([]);
  });

  it("puts a chapter author's biography on the author page", async () => {
    const authorPage = pages.find((page) => page.includes('About the Author'));
    expect(squash(authorPage ?? '')).toContain(squash('Selin Kaya Energy analyst Selin Kaya studied electrical engineering in Ankara'));
    const { text } = await openEpub(path.join(project, 'dist', 'book.epub'));
    expect(await text('OEBPS/author.xhtml')).toContain('Selin Kaya studied electrical engineering');
  });

  it('numbers the notes through the book', () => {
    const text = squash(pages.join(''));
    expect(text).toContain(squash('1 Before 2022 the corridor carried'));
    expect(text).toContain(squash('2 The road map was agreed'));
    expect(text).toContain(squash('3 The Unified Energy System of Central Asia'));
    expect(text).toContain(squash('4 The Coordination Dispatch Centre'));
  });

  it('makes an EPUB with one file per chapter, listed in its navigation, that EPUBCheck passes', async (context) => {
    const epub = path.join(project, 'dist', 'book.epub');
    const { zip, text } = await openEpub(epub);
    const bodyFiles = Object.keys(zip.files)
      .filter((name) => /OEBPS\/body-\d+\.xhtml$/.test(name))
      .sort();
    // One file per chapter, each opening with its title (the preface has its own, preface.xhtml).
    expect(bodyFiles).toHaveLength(3);
    expect(await text('OEBPS/preface.xhtml')).toContain('<title>Preface</title>');
    for (const [index, title] of CHAPTER_TITLES.entries()) {
      const chapter = await text(bodyFiles[index]!);
      expect(chapter).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
      expect(chapter).toContain('role="doc-chapter"');
    }
    expect(await text(bodyFiles[1]!)).toContain('<p class="chapter-author">Selin Kaya</p>');
    const nav = await text('OEBPS/toc.xhtml');
    const listed = [...nav.matchAll(/<a href="(body-\d+\.xhtml)">([^<]*)<\/a>/g)].map((match) => [match[1], match[2]]);
    expect(listed).toEqual(CHAPTER_TITLES.map((title, index) => [`body-${index + 1}.xhtml`, title]));
    if (!javaEpubcheckAvailable()) return context.skip();
    const checked = javaEpubcheck(epub);
    expect(checked.errors, checked.output).toBe(0);
    expect(checked.warnings, checked.output).toBe(0);
  });

  it('is up to date while nothing changed, and is built again when a chapter file changes', () => {
    expect(build(project).stdout).toMatch(/^built 0, skipped 1, failed 0/m);
    const manifest = JSON.parse(readFileSync(path.join(project, 'dist', 'manifest.json'), 'utf8')) as { artifacts: { inputs: { path: string }[] }[] };
    expect(manifest.artifacts[0]!.inputs.map((input) => input.path)).toEqual(
      expect.arrayContaining(['manuscript/chapters/01-corridors.md', 'manuscript/chapters/02-energy.md', 'manuscript/chapters/03-memory.md']),
    );
    const chapter = path.join(project, 'manuscript', 'chapters', '03-memory.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\nA closing sentence added by the editor.\n`);
    const again = build(project, '--format', 'epub');
    expect(again.stdout).toMatch(/^built 1, skipped 0, failed 0/m);
  });
});

describe('a book whose contents run over several pages', () => {
  it('numbers them right, and starts the text on a right-hand page after a bare blank one', () => {
    // Twelve chapters of eight sections: a contents of 108 entries, which ends on an odd page here.
    const project = tempProject({ prefix: 'avim-press-long-book-' });
    const sentence = (chapter: number, section: number) => `Chapter ${chapter}, section ${section}: the text of a section, long enough to fill a few lines of a page in the book.`;
    const chapters = Array.from({ length: 12 }, (_, index) => index + 1);
    mkdirSync(path.join(project, 'manuscript', 'chapters'));
    for (const chapter of chapters) {
      const sections = Array.from({ length: 8 }, (_, index) => `## Section ${index + 1} of chapter ${chapter}\n\n${sentence(chapter, index + 1).repeat(3)}\n`);
      writeFileSync(path.join(project, 'manuscript', 'chapters', `${chapter}.md`), `# Chapter ${chapter} of the long book\n\n${sections.join('\n')}`);
    }
    writeFileSync(path.join(project, 'manuscript', 'book.md'), `---\ntitle: A Long Book\npageSize: A5\nchapters:\n${chapters.map((chapter) => `  - chapters/${chapter}.md`).join('\n')}\n---\n`);
    const run = build(project, '--format', 'pdf');
    expect(run.status, run.stderr).toBe(0);
    const file = path.join(project, 'dist', 'book.pdf');
    const pages = pdftotext(file);
    const layoutPages = pdftotext(file, true);
    const firstText = pages.findIndex((page) => page.includes('Chapter 1, section 1')) + 1;
    const contentsPages = layoutPages.slice(CONTENTS_PAGE - 1, firstText - 1).filter((page) => contentsEntries(page).length > 0);
    const entries = contentsPages.flatMap(contentsEntries);
    expect(entries).toHaveLength(108);
    // When the contents end on an odd page, the page after them is left blank for the text to start on the right.
    const lastContents = CONTENTS_PAGE - 1 + contentsPages.length;
    if (lastContents % 2 === 1) expect(pages[lastContents]!.trim()).toBe('');
    expect(firstText % 2).toBe(1);
    // Arabic folios from 1 at the first chapter.
    for (const entry of entries) {
      const found = pages.findIndex((page, index) => index >= lastContents && squash(page).includes(squash(entry.title))) + 1;
      expect({ title: entry.title, page: found }).toEqual({ title: entry.title, page: entry.page + firstText - 1 });
    }
    expect(entries.filter((entry) => entry.depth === 1).every((entry) => entry.page % 2 === 1)).toBe(true);
    expect(pages.slice(CONTENTS_PAGE).filter((page) => page.trim() !== '' && page.replace(/\d+|\b[ivx]+\b|A Long Book|Chapter \d+ of the long book|AVİM/g, '').trim() === '')).toEqual([]);
  });
});

describe('a book with problems', () => {
  it('reports an undefined note call in chapter 2 at chapter 2 file, line and column', () => {
    const project = bookProject();
    const chapter = path.join(project, 'manuscript', 'chapters', '02-energy.md');
    const lines = readFileSync(chapter, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('most often strained.'));
    const column = lines[line]!.indexOf('most often strained.') + 'most often strained'.length + 1;
    lines[line] = lines[line]!.replace('most often strained.', 'most often strained[^nowhere].');
    writeFileSync(chapter, lines.join('\n'));
    const run = build(project);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`manuscript/chapters/02-energy.md:${line + 1}:${column}: error: Call to note "nowhere", but no such note is defined (note-undefined)`);
    expect(existsSync(path.join(project, 'dist', 'book.pdf'))).toBe(false);
  });

  it('warns at a `#` heading inside a chapter, which would split it', () => {
    const project = bookProject();
    const chapter = path.join(project, 'manuscript', 'chapters', '01-corridors.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('---\n\nFor most', '---\n\n# The Middle Corridor Comes of Age\n\nFor most'));
    const run = build(project, '--format', 'epub');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('manuscript/chapters/01-corridors.md:5:1: warning: A `#` heading inside a chapter starts a new chapter');
  });

  it('reports a missing chapter file at its entry in the book file', () => {
    const project = bookProject();
    const book = path.join(project, 'manuscript', 'book.md');
    writeFileSync(book, readFileSync(book, 'utf8').replace('  - chapters/03-memory.md', '  - chapters/03-memory.md\n  - chapters/04-missing.md'));
    const line = readFileSync(book, 'utf8').split('\n').indexOf('  - chapters/04-missing.md') + 1;
    const run = build(project);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`manuscript/book.md:${line}:5: error: The chapter file chapters/04-missing.md does not exist (looked for manuscript/chapters/04-missing.md) (chapter-missing)`);
  });

  it('restarts the notes in each chapter with notes: {numbering: chapter}, ids still unique', async (context) => {
    const project = bookProject('{ numbering: chapter }');
    const run = build(project, '--format', 'epub');
    expect(run.status, run.stderr).toBe(0);
    const epub = path.join(project, 'dist', 'book.epub');
    const { text } = await openEpub(epub);
    const notesOf = async (file: string) => [...(await text(file)).matchAll(/<aside id="([^"]+)"[\s\S]*?class="note-number"[^>]*>(\d+)\.<\/a>/g)].map((match) => [match[1], match[2]]);
    expect(await notesOf('OEBPS/body-1.xhtml')).toEqual([
      ['fn-1-1', '1'],
      ['fn-1-2', '2'],
    ]);
    expect(await notesOf('OEBPS/body-2.xhtml')).toEqual([
      ['fn-2-1', '1'],
      ['fn-2-2', '2'],
    ]);
    expect(await text('OEBPS/body-2.xhtml')).toMatch(/<a href="#fn-2-1" id="fnref-2-1"[^>]*>1<\/a>/);
    if (!javaEpubcheckAvailable()) return context.skip();
    const checked = javaEpubcheck(epub);
    expect(checked.errors, checked.output).toBe(0);
  });

  it('gathers endnotes under their chapters, numbered per chapter, with notes: {placement: endnotes, numbering: chapter}', async (context) => {
    const project = bookProject('{ placement: endnotes, numbering: chapter }');
    const run = build(project, '--format', 'epub');
    expect(run.status, run.stderr).toBe(0);
    const epub = path.join(project, 'dist', 'book.epub');
    const notes = await (await openEpub(epub)).text('OEBPS/notes.xhtml');
    const shown = [...notes.matchAll(/<h3 class="notes-chapter">([^<]+)<\/h3>|<li id="([^"]+)" value="(\d+)"/g)].map((match) => match[1] ?? `${match[2]} ${match[3]}`);
    expect(shown).toEqual([CHAPTER_TITLES[0], 'fn-1-1 1', 'fn-1-2 2', CHAPTER_TITLES[1], 'fn-2-1 1', 'fn-2-2 2']);
    if (!javaEpubcheckAvailable()) return context.skip();
    const checked = javaEpubcheck(epub);
    expect(checked.errors, checked.output).toBe(0);
  });
});
