// A long publication prints in chunks of pages, each with the other pages folded away, and the chunks'
// PDFs are joined (src/render/pdf/print-chunks.ts, in-page/print-range.ts, merge-printed.ts). The
// joined PDF must be the one a single print makes: the same pages and text (folios of every chunk
// included), links that find their targets in other chunks, the same tagged structure, every font
// embedded under a name of its own, and the same bytes from one build to the next. Forced here on the
// book fixture in chunks of three pages and on a book of the real-world corpus in chunks of two (the
// chunks start at 500 pages in a build).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFString } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClock } from '../../src/load/dates.js';
import { loadProject } from '../../src/load/project.js';
import { publish } from '../../src/publication/publish.js';
import { launchBrowser } from '../../src/render/browser.js';
import { pagedjsEngine } from '../../src/render/pdf/engine/pagedjs/pagedjs-engine.js';
import type { PrintChunks } from '../../src/render/pdf/print-chunks.js';
import { LAYOUT_PARTS, renderPdf } from '../../src/render/pdf/render-pdf.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { corpusBook } from '../helpers/books.js';
import { pdffonts, pdfImageCount, pdfinfo, pdfStructure, pdftotext, pdfWords, qpdfCheck } from '../helpers/poppler.js';

const BOOK = path.join(ROOT, 'tests', 'fixtures', 'book-folder', 'book.yaml');
const dir = tempDir();

/** Every link's target: the page (from 1) its named destination is on. */
async function links(file: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(file);
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  return pdf.getPages().flatMap((page, index) =>
    (page.node.Annots()?.asArray() ?? []).flatMap((ref) => {
      const annotation = pdf.context.lookup(ref, PDFDict);
      const uri = annotation.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'));
      if (uri) return [`page ${index + 1} → ${uri.toString()}`];
      const name = annotation.lookupMaybe(PDFName.of('Dest'), PDFName);
      if (!name) return [];
      const target = dests?.lookupMaybe(name, PDFArray)?.get(0);
      return [`page ${index + 1} → ${name.decodeText()} on page ${target instanceof PDFRef ? pageOf.get(target.toString()) : 'none'}`];
    }),
  );
}

/** The structure's ID tree (a table's header cells, named by its other cells): for each id, the element
 * it names, and whether that element carries the id. */
async function structureIds(file: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(file);
  const ids: string[] = [];
  const walk = (node: PDFDict | undefined) => {
    const names = node?.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let at = 0; names && at + 1 < names.size(); at += 2) {
      const id = (names.lookup(at) as PDFString).decodeText();
      const element = names.lookup(at + 1, PDFDict);
      ids.push(`${element.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText()} ${(element.lookup(PDFName.of('ID')) as PDFString).decodeText() === id ? 'found by its id' : 'under another id'}`);
    }
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let at = 0; kids && at < kids.size(); at++) walk(kids.lookup(at, PDFDict));
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('IDTree'), PDFDict));
  return ids;
}

describe('a long publication printed in chunks', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function printed(chunks: PrintChunks, name: string, source = BOOK, project = loadProject(ROOT)) {
    const { publication, file } = await publish(source, project, readClock({ SOURCE_DATE_EPOCH: '1700000000' }), {});
    const result = await renderPdf(publication, project, browser, file, pagedjsEngine, () => {}, LAYOUT_PARTS, chunks);
    const pdf = path.join(dir, `${name}.pdf`);
    writeFileSync(pdf, result.bytes);
    return { result, pdf };
  }

  /** `source` printed whole and in chunks of `size` pages: the same PDF to a reader's tools. */
  async function bothWays(size: number, source = BOOK, project = loadProject(ROOT)) {
    const whole = await printed({ from: Infinity, pages: size }, `whole-${size}`, source, project);
    const chunked = await printed({ from: 0, pages: size }, `chunked-${size}`, source, project);
    expect(whole.result.pages).toBeGreaterThan(size * 3);
    expect(chunked.result.pages).toBe(whole.result.pages);
    expect([whole.result.printChunks, chunked.result.printChunks]).toEqual([1, Math.ceil(whole.result.pages / size)]);
    // The same text on every page, running heads and folios (roman, then arabic) of every chunk included,
    // each word where it was. (Not `pdftotext -layout`: it spaces lines by the fonts' metrics, which a
    // chunk's subsets give otherwise, and put a blank line in or out where every word stood the same.)
    expect(pdftotext(chunked.pdf)).toEqual(pdftotext(whole.pdf));
    const wholeWords = pdfWords(whole.pdf);
    const chunkedWords = pdfWords(chunked.pdf);
    chunkedWords.forEach(({ words }, page) => {
      expect(words.map((word) => word.text)).toEqual(wholeWords[page]!.words.map((word) => word.text));
      const moved = words.filter((word, at) => {
        const was = wholeWords[page]!.words[at]!;
        return [word.xMin - was.xMin, word.yMin - was.yMin, word.xMax - was.xMax, word.yMax - was.yMax].some((delta) => Math.abs(delta) > 0.05);
      });
      expect(moved, `words moved on page ${page + 1}`).toEqual([]);
    });
    // Links to headings and notes in other chunks (the contents page's, the notes' back links) find them.
    const chunkedLinks = await links(chunked.result.bytes);
    expect(chunkedLinks.length).toBeGreaterThan(10);
    expect(chunkedLinks.filter((link) => link.endsWith('none'))).toEqual([]);
    expect(chunkedLinks).toEqual(await links(whole.result.bytes));
    // The same tagged structure: headings, paragraphs, lists, links, figures and tables in reading order
    // (the chunks add only containers of no meaning, NonStruct). (An annotation's object number differs,
    // "Object 95 0", and an element's id, Chromium's node number.)
    const meaningful = (file: string) =>
      pdfStructure(file)
        .map((line) =>
          line
            .trim()
            .replace(/^Object \d+ \d+$/, 'Object')
            .replace(/node\d+/g, 'node'),
        )
        .filter((line) => !/^(NonStruct|Document)\b/.test(line));
    expect(meaningful(chunked.pdf).length).toBeGreaterThan(50);
    expect(meaningful(chunked.pdf)).toEqual(meaningful(whole.pdf));
    expect(pdfinfo(chunked.pdf).Tagged).toBe('yes');
    // (An element's id is Chromium's node number, which differs from print to print.)
    expect(await structureIds(chunked.result.bytes)).toEqual(await structureIds(whole.result.bytes));
    // Every subset embedded, each under a tag of its own (each chunk's print starts its tags again).
    const fonts = pdffonts(chunked.pdf);
    expect(fonts.length).toBeGreaterThan(pdffonts(whole.pdf).length);
    expect(fonts.every((font) => font.embedded && font.subset)).toBe(true);
    expect(new Set(fonts.map((font) => font.name)).size).toBe(fonts.length);
    expect(pdfImageCount(chunked.pdf)).toBe(pdfImageCount(whole.pdf));
    expect(qpdfCheck(chunked.pdf)).toMatchObject({ ok: true });
    return { whole, chunked };
  }

  it('joins the chunks into the PDF one print makes: pages, text, links, structure and fonts', async () => {
    const { chunked } = await bothWays(3);
    // The same bytes from one build to the next.
    const again = await printed({ from: 0, pages: 3 }, 'again');
    expect(Buffer.from(again.result.bytes).equals(Buffer.from(chunked.result.bytes))).toBe(true);
  }, 240_000);

  it('joins a book of the real-world corpus (Turkish, tables, notes, code, links, images) printed in chunks of two pages', async () => {
    const book = corpusBook();
    const { chunked } = await bothWays(2, book, loadProject(path.dirname(path.dirname(book))));
    // Its tables' header cells are found by the ids its other cells name them by, its image prints,
    // and its links out of the book stay links.
    expect(await structureIds(chunked.result.bytes)).toContain('TH found by its id');
    expect(pdfImageCount(chunked.pdf)).toBeGreaterThan(0);
    expect((await links(chunked.result.bytes)).some((link) => link.includes('(http'))).toBe(true);
  }, 240_000);
});
