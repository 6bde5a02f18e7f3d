// A long publication prints in chunks of pages, each with the other pages folded away, and the chunks'
// PDFs are joined (src/render/pdf/print-chunks.ts, in-page/print-range.ts, merge-printed.ts). The
// joined PDF must be the one a single print makes: the same pages and text (folios of every chunk
// included), links that find their targets in other chunks, the same tagged structure, every font
// embedded under a name of its own, and the same bytes from one build to the next. Forced here on the
// book fixture in chunks of three pages (the chunks start at 500 pages in a build).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
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
import { pdffonts, pdfinfo, pdfStructure, pdftotext, qpdfCheck } from '../helpers/poppler.js';

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
      const name = annotation.lookupMaybe(PDFName.of('Dest'), PDFName);
      if (!name) return [];
      const target = dests?.lookupMaybe(name, PDFArray)?.get(0);
      return [`page ${index + 1} → ${name.decodeText()} on page ${target instanceof PDFRef ? pageOf.get(target.toString()) : 'none'}`];
    }),
  );
}

describe('a long publication printed in chunks', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function printed(chunks: PrintChunks, name: string) {
    const project = loadProject(ROOT);
    const { publication, file } = await publish(BOOK, project, readClock({ SOURCE_DATE_EPOCH: '1700000000' }), {});
    const result = await renderPdf(publication, project, browser, file, pagedjsEngine, () => {}, LAYOUT_PARTS, chunks);
    const pdf = path.join(dir, `${name}.pdf`);
    writeFileSync(pdf, result.bytes);
    return { result, pdf };
  }

  it('joins the chunks into the PDF one print makes: pages, text, links, structure and fonts', async () => {
    const whole = await printed({ from: Infinity, pages: 3 }, 'whole');
    const chunked = await printed({ from: 0, pages: 3 }, 'chunked');
    expect(whole.result.pages).toBeGreaterThan(9);
    expect(chunked.result.pages).toBe(whole.result.pages);
    expect([whole.result.printChunks, chunked.result.printChunks]).toEqual([1, Math.ceil(whole.result.pages / 3)]);
    // The same text on every page, running heads and folios (roman, then arabic) of every chunk included.
    expect(pdftotext(chunked.pdf, true)).toEqual(pdftotext(whole.pdf, true));
    // Links to headings and notes in other chunks (the contents page's, the notes' back links) find them.
    const chunkedLinks = await links(chunked.result.bytes);
    expect(chunkedLinks.length).toBeGreaterThan(10);
    expect(chunkedLinks.filter((link) => link.endsWith('none'))).toEqual([]);
    expect(chunkedLinks).toEqual(await links(whole.result.bytes));
    // The same tagged structure: headings, paragraphs, lists, links, figures and tables in reading order
    // (the chunks add only containers of no meaning, NonStruct).
    // (An annotation's object number differs: "Object 95 0".)
    const meaningful = (file: string) =>
      pdfStructure(file)
        .map((line) => line.trim().replace(/^Object \d+ \d+$/, 'Object'))
        .filter((line) => !/^(NonStruct|Document)\b/.test(line));
    expect(meaningful(chunked.pdf).length).toBeGreaterThan(50);
    expect(meaningful(chunked.pdf)).toEqual(meaningful(whole.pdf));
    expect(pdfinfo(chunked.pdf).Tagged).toBe('yes');
    // Every subset embedded, each under a tag of its own (each chunk's print starts its tags again).
    const fonts = pdffonts(chunked.pdf);
    expect(fonts.every((font) => font.embedded && font.subset)).toBe(true);
    expect(fonts.length).toBeGreaterThan(pdffonts(whole.pdf).length);
    expect(new Set(fonts.map((font) => font.name)).size).toBe(fonts.length);
    expect(qpdfCheck(chunked.pdf)).toMatchObject({ ok: true });
    // The same bytes from one build to the next.
    const again = await printed({ from: 0, pages: 3 }, 'again');
    expect(Buffer.from(again.result.bytes).equals(Buffer.from(chunked.result.bytes))).toBe(true);
  }, 240_000);
});
