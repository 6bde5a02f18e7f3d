// Cross-references, lists of figures and tables, and the EPUB's page list, through the real CLI on the
// fixture book (tests/fixtures/book) with a few lines added in its temporary copy: a link from chapter 1
// to a heading of chapter 3, a captioned table (pandoc's `Table:`) and a captioned figure in chapter 2
// with a link to the table. Each printed page number is checked against the page where pdftotext finds
// the target; each EPUB page-break marker against the words at the top of that print page.
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAce } from '../helpers/ace.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { javaEpubcheck, javaEpubcheckAvailable, openEpub } from '../helpers/epub.js';
import { pdftotext, squash } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'book');
const ENV = { SOURCE_DATE_EPOCH: '1714521600' };
const TABLE_CAPTION = 'Electricity generated in 2022, by source (per cent)';
const FIGURE_CAPTION = 'The Central Asian power ring in 2024';

function referencingBook(): string {
  const project = tempProject({ prefix: 'avim-press-book-references-' });
  cpSync(FIXTURE, path.join(project, 'manuscript'), { recursive: true });
  const chapter = (name: string) => path.join(project, 'manuscript', 'chapters', name);
  appendFileSync(chapter('01-corridors.md'), '\nThe monuments of [Heroes in stone](#heroes-in-stone) and [the second essay](#chapter-2) tell the same story.\n');
  appendFileSync(
    chapter('02-energy.md'),
    [
      '',
      `Table: ${TABLE_CAPTION}`,
      '',
      '| Country    | Gas | Coal | Water |',
      '| ---------- | --: | ---: | ----: |',
      '| Kazakhstan |  20 |   68 |     9 |',
      '| Uzbekistan |  85 |    5 |     9 |',
      '',
      '<figure>',
      '<p>Tashkent, Bishkek, Dushanbe and Almaty, linked again.</p>',
      `<figcaption>${FIGURE_CAPTION}</figcaption>`,
      '</figure>',
      '',
      'As [the table](#table-1) shows, the sources differ.',
      '',
    ].join('\n'),
  );
  return project;
}

function build(project: string, ...args: string[]) {
  const run = runCli(['build', 'manuscript/book.md', '--out', 'dist', ...args], { cwd: project, env: ENV });
  if (run.status !== 0) throw new Error(`the book did not build:\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** The folio each page prints: the last line of its text when that line is a number alone (pdftotext -layout). */
function folios(layoutPages: string[]): (string | undefined)[] {
  return layoutPages.map((page) => {
    const last = page.trimEnd().split('\n').at(-1)?.trim() ?? '';
    return /^(\d+|[ivxlc]+)$/.test(last) ? last : undefined;
  });
}

/** The page (from 1) after the front matter whose text has `words`, -1 when none. */
function pageWith(pages: string[], words: string, after: number): number {
  return pages.findIndex((page, index) => index >= after && squash(page).includes(squash(words))) + 1;
}

/** An EPUB document's text after a place as print shows it (no visually hidden heading), tags gone,
 * entities of the kind the EPUB writes decoded. */
function textAfter(xhtml: string, at: number): string {
  return xhtml
    .slice(at)
    .replace(/<(\w+)[^>]*class="visually-hidden"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('cross-references, lists of figures and tables, and the page list of a book', () => {
  let project: string;
  let pages: string[];
  let layoutPages: string[];
  let frontPages: number;
  let pageFolios: (string | undefined)[];
  /** The folio printed on a physical page (from 1). */
  const folioOf = (page: number) => pageFolios[page - 1];

  beforeAll(() => {
    project = referencingBook();
    build(project);
    pages = pdftotext(path.join(project, 'dist', 'book.pdf'));
    layoutPages = pdftotext(path.join(project, 'dist', 'book.pdf'), true);
    pageFolios = folios(layoutPages);
    // The front matter (half title, title and copyright pages, contents, lists) ends where folio 1 is.
    frontPages = pageFolios.indexOf('1');
  });

  it('prints "(page N)" after a link to a heading in a later chapter, N the folio of the page the heading is on', () => {
    expect(frontPages).toBeGreaterThan(3);
    const heading = pageWith(pages, 'Heroes in stone The new history', frontPages);
    const chapter2 = pageWith(pages, 'Power Lines Across the Steppe Selin Kaya', frontPages);
    expect(heading).toBeGreaterThan(frontPages);
    const text = squash(pages.join(''));
    expect(text).toContain(squash(`The monuments of Heroes in stone (page ${folioOf(heading)}) and the second essay (page ${folioOf(chapter2)}) tell the same story.`));
    expect(text).toContain(squash(`As the table (page ${folioOf(pageWith(pages, TABLE_CAPTION, frontPages))}) shows`));
  });

  it('lists the figures and the tables after the contents, each number the page of its caption', () => {
    const figures = layoutPages.findIndex((page) => /^\s*List of Figures\s*$/m.test(page));
    const tables = layoutPages.findIndex((page) => /^\s*List of Tables\s*$/m.test(page));
    const contents = layoutPages.findIndex((page) => /^\s*Contents\s*$/m.test(page));
    // After the contents, before the body, in roman like the rest of the front matter.
    expect(contents).toBeGreaterThan(0);
    expect([figures > contents, tables > figures, tables < frontPages]).toEqual([true, true, true]);
    expect(folioOf(figures + 1)).toMatch(/^[ivx]+$/);
    const listed = (page: string, caption: string) => new RegExp(`${caption.replace(/[()]/g, '\\$&')}\\s+(\\w+)`).exec(page)?.[1];
    expect(listed(layoutPages[figures]!, FIGURE_CAPTION)).toBe(folioOf(pageWith(pages, FIGURE_CAPTION, frontPages)));
    expect(listed(layoutPages[tables]!, TABLE_CAPTION)).toBe(folioOf(pageWith(pages, TABLE_CAPTION, frontPages)));
    expect(pageWith(pages, FIGURE_CAPTION, frontPages)).toBeGreaterThan(frontPages);
  });

  it('keeps the cross-reference a working link in the EPUB, into the other chapter file', async () => {
    const { text } = await openEpub(path.join(project, 'dist', 'book.epub'));
    // The chapters are body-1 … body-3 (the preface is a document of its own).
    expect(await text('OEBPS/body-1.xhtml')).toContain('<a href="body-3.xhtml#heroes-in-stone">Heroes in stone</a>');
    expect(await text('OEBPS/body-3.xhtml')).toMatch(/<h2 id="heroes-in-stone">/);
    expect(await text('OEBPS/body-2.xhtml')).toContain('<a href="#table-2-1">the table</a>');
    const nav = await text('OEBPS/toc.xhtml');
    expect(nav).toMatch(new RegExp(`<nav epub:type="loi"[\\s\\S]*<a href="body-2\\.xhtml#figure-2-1">${FIGURE_CAPTION}</a>`));
    expect(nav).toMatch(/<nav epub:type="lot"[\s\S]*<a href="body-2\.xhtml#table-2-1">Electricity generated/);
  });

  it("marks where each print page starts in the EPUB: the words after each marker open that page's text", async () => {
    const { zip, text } = await openEpub(path.join(project, 'dist', 'book.epub'));
    const nav = await text('OEBPS/toc.xhtml');
    const list = /<nav epub:type="page-list"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? '';
    const entries = [...list.matchAll(/<a href="([^"#]+)#(page-[^"]+)">([^<]+)<\/a>/g)].map((match) => ({ file: match[1]!, id: match[2]!, label: match[3]! }));
    // Every page with text has an entry, in order, except the contents and lists (the EPUB has its own),
    // the half title (a printed book's page only) and blank pages.
    const withText = pages
      .map((page, index) => ({ page: index + 1, text: page.replace(/\d+|\b[ivx]+\b|Eurasia in Transition|AVİM/g, '').trim() }))
      .filter((page) => page.text !== '' && !/^(Contents|List of)/.test(page.text))
      .map((page) => page.page);
    expect(entries.length).toBe(withText.length);
    expect(entries.length).toBeGreaterThan(10);
    entries.forEach((entry, index) => {
      const page = withText[index]!;
      // Labelled with the folio the page prints (roman in the front matter, arabic from 1 in the body).
      if (folioOf(page) !== undefined) expect({ page, label: entry.label }).toEqual({ page, label: folioOf(page) });
    });
    expect(entries.some((entry) => /^[ivx]+$/.test(entry.label))).toBe(true);
    for (const [index, entry] of entries.entries()) {
      const page = withText[index]!;
      const xhtml = await zip.file(`OEBPS/${entry.file}`)!.async('string');
      const at = xhtml.indexOf(`id="${entry.id}"`);
      expect(at, entry.id).toBeGreaterThan(0);
      expect(xhtml.slice(at - 80, at)).toMatch(/epub:type="pagebreak"|role="doc-pagebreak"/);
      const words = textAfter(xhtml, xhtml.indexOf('>', at) + 1)
        .split(' ')
        .slice(0, 6)
        .join(' ');
      // At the page's start, after its running head when it has one (pdftotext puts the head first).
      const head = squash(layoutPages[page - 1]!.trimStart().split('\n')[0] ?? '');
      const position = squash(pages[page - 1]!).indexOf(squash(words));
      expect({ page, words, found: position === 0 || position === head.length }).toEqual({ page, words, found: true });
    }
    const opf = await text('OEBPS/content.opf');
    expect(opf).toContain('<meta property="schema:accessibilityFeature">printPageNumbers</meta>');
    expect(opf).toMatch(/<dc:source id="print-source">urn:uuid:[^<]+<\/dc:source>\s*<meta refines="#print-source" property="source-of">pagination<\/meta>/);
  });

  it('passes EPUBCheck and DAISY Ace with the markers and lists', async (context) => {
    const epub = path.join(project, 'dist', 'book.epub');
    const ace = await runAce(epub);
    expect(ace.violations).toEqual([]);
    expect(ace.outcome).toBe('pass');
    if (!javaEpubcheckAvailable()) return context.skip();
    const checked = javaEpubcheck(epub);
    expect(checked.errors, checked.output).toBe(0);
    expect(checked.warnings, checked.output).toBe(0);
  });

  it('gives the same EPUB bytes when built again, and none of the page list when only the EPUB is built', async () => {
    const epub = path.join(project, 'dist', 'book.epub');
    const first = readFileSync(epub);
    build(project, '--force');
    expect(readFileSync(epub).equals(first)).toBe(true);
    build(project, '--force', '--format', 'epub');
    const { text } = await openEpub(epub);
    expect(await text('OEBPS/toc.xhtml')).not.toContain('page-list');
    expect(await text('OEBPS/body-2.xhtml')).not.toContain('doc-pagebreak');
  });
});
