// `avim-press review` through the real CLI and real Chromium: the sheet's PNG has the size of its
// page count's grid, --json lists as many pages as pdfinfo counts, the same PDF gives the same PNG
// bytes, a PDF with no manifest record gets a sheet without marks and says so, and a manuscript made
// to strand headings at the foot of pages gets a mark on exactly the pages (by pdftotext) that end
// with such a heading, the frame there drawn in the mark colour (the PNG's pixels read in Chromium).
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import type { ReviewedDocument } from '../../src/review/review.js';
import { ROOT, runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { pdfinfo, pdftotext } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const ENV = { SOURCE_DATE_EPOCH: '1714521600' };
const MARK_COLOUR = /--mark-colour:\s*#([0-9a-f]{6})/i.exec(readFileSync(path.join(ROOT, 'styles', 'review.css'), 'utf8'))![1]!;
const MARK_RGB = [0, 2, 4].map((offset) => parseInt(MARK_COLOUR.slice(offset, offset + 2), 16));

/** The PNG's pixel size, from its IHDR chunk (bytes 16–23). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function reviewJson(args: string[], cwd: string) {
  const run = runCli(['review', '--json', ...args], { cwd, env: ENV });
  const documents = run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReviewedDocument);
  return { ...run, documents };
}

/** The sheet is its page count's grid: min(8, pages) columns, as many rows as that takes, every frame in its cell. */
function expectGrid(document: ReviewedDocument, cwd: string, pages: number) {
  expect(document.pages).toBe(pages);
  expect(document.thumbnails.map((thumbnail) => thumbnail.page)).toEqual(Array.from({ length: pages }, (_, index) => index + 1));
  const [sheet] = document.sheets;
  expect(document.sheets).toHaveLength(1);
  expect(sheet!.columns).toBe(Math.min(8, pages));
  expect(sheet!.rows).toBe(Math.ceil(pages / sheet!.columns));
  expect(pngSize(path.join(cwd, document.sheet))).toEqual({ width: sheet!.width, height: sheet!.height });
  const [first] = document.thumbnails;
  const columnStep = sheet!.columns > 1 ? document.thumbnails[1]!.x - first!.x : 0;
  const rowStep = sheet!.rows > 1 ? document.thumbnails[sheet!.columns]!.y - first!.y : 0;
  for (const thumbnail of document.thumbnails) {
    const index = thumbnail.page - 1;
    expect([thumbnail.x, thumbnail.y, thumbnail.width, thumbnail.height]).toEqual([
      first!.x + (index % sheet!.columns) * columnStep,
      first!.y + Math.floor(index / sheet!.columns) * rowStep,
      first!.width,
      first!.height,
    ]);
  }
  const last = document.thumbnails.at(-1)!;
  // The image holds the last row and little more (the page number under it, the margin).
  expect(last.y + last.height).toBeLessThanOrEqual(sheet!.height);
  expect(sheet!.height - (last.y + last.height)).toBeLessThan(80);
  expect(sheet!.width - (first!.x + sheet!.columns * columnStep)).toBeLessThan(80);
}

/** The RGBA of pixels of a PNG, decoded by Chromium into a canvas. */
async function pixels(file: string, points: { x: number; y: number }[]): Promise<number[][]> {
  const { browser } = await launchBrowser();
  try {
    const page = await browser.newPage();
    const url = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    // Run in the page (this program has no DOM types): the PNG decoded by Chromium, read back pixel by pixel.
    const read = `(async () => {
      const image = new Image();
      image.src = ${JSON.stringify(url)};
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return ${JSON.stringify(points)}.map(({ x, y }) => Array.from(context.getImageData(x, y, 1, 1).data));
    })()`;
    return (await page.evaluate(read)) as number[][];
  } finally {
    await browser.close();
  }
}

/** The middle of a frame's left border: the mark colour on a marked page. */
const frameBorder = (thumbnail: ReviewedDocument['thumbnails'][number]) => ({ x: thumbnail.x + 2, y: thumbnail.y + Math.round(thumbnail.height / 2) });

describe('review sheet of the sample', () => {
  const project = tempProject({ prefix: 'avim-press-review-' });
  copyFileSync(SAMPLE, path.join(project, 'manuscript', 'china-central-asia.md'));
  let run: ReturnType<typeof reviewJson>;
  beforeAll(() => {
    run = reviewJson(['manuscript/china-central-asia.md'], project);
  });

  it('builds the manuscript and writes dist/<slug>.review.png, a grid of pdfinfo’s page count', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.documents).toHaveLength(1);
    const [document] = run.documents;
    expect([document!.document, document!.pdf, document!.sheet, document!.recorded]).toEqual([
      'manuscript/china-central-asia.md',
      'dist/china-central-asia.pdf',
      'dist/china-central-asia.review.png',
      true,
    ]);
    expect(document!.marks).toEqual([]);
    expectGrid(document!, project, Number(pdfinfo(path.join(project, document!.pdf)).Pages));
    // An English manuscript's sheet speaks English (templates/locales/en.yaml).
    expect(document!.sheets.map((sheet) => sheet.caption)).toEqual([`china-central-asia.pdf · ${document!.pages} pages · no page marked`]);
  });

  it('draws the same PNG again for the same PDF, and reviews a PDF by its manifest record', () => {
    const first = readFileSync(path.join(project, 'dist', 'china-central-asia.review.png'));
    const again = reviewJson(['dist/china-central-asia.pdf'], project);
    expect(again.status, again.stderr).toBe(0);
    expect(again.documents.map((document) => [document.document, document.recorded, document.marks])).toEqual([['manuscript/china-central-asia.md', true, []]]);
    expect(readFileSync(path.join(project, 'dist', 'china-central-asia.review.png')).equals(first)).toBe(true);
  });

  it('reviews a PDF no manifest records without marks, and says so', () => {
    const elsewhere = tempDir('avim-press-review-pdf-');
    copyFileSync(path.join(project, 'dist', 'china-central-asia.pdf'), path.join(elsewhere, 'paper.pdf'));
    const out = path.join(elsewhere, 'sheets');
    const alone = reviewJson([path.join(elsewhere, 'paper.pdf'), '--out', out], project);
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.documents.map((document) => [document.recorded, document.marks, document.pages])).toEqual([[false, [], run.documents[0]!.pages]]);
    expect(alone.stderr).toMatch(/paper\.pdf:1:1: info: paper\.pdf has no record of its build's page problems in .*manifest\.json: the sheet marks no page \(review-unrecorded\)/);
    expect(existsSync(path.join(out, 'paper.review.png'))).toBe(true);
  });
});

describe('review sheet of the book fixture', () => {
  it('has every page of the book, as pdfinfo counts them, in its grid', () => {
    const project = tempProject({ prefix: 'avim-press-review-book-' });
    cpSync(path.join(ROOT, 'tests', 'fixtures', 'book'), path.join(project, 'manuscript'), { recursive: true });
    const run = reviewJson(['manuscript/book.md'], project);
    expect(run.status, run.stderr).toBe(0);
    const [document] = run.documents;
    expect(run.documents).toHaveLength(1);
    const pages = Number(pdfinfo(path.join(project, document!.pdf)).Pages);
    expect(pages).toBeGreaterThan(8);
    expectGrid(document!, project, pages);
  });
});

describe('review sheets of a long PDF', () => {
  it('puts 96 pages on a sheet and the rest on <name>.review-2.png, each sheet of a sane size', async () => {
    const folder = tempDir('avim-press-review-long-');
    const pdf = await PDFDocument.create();
    // 100 A5 pages, each with a bar as long as its number: pages that differ.
    for (let number = 1; number <= 100; number++) pdf.addPage([420, 595]).drawRectangle({ x: 40, y: 500, width: 3 * number, height: 20, color: rgb(0, 0, 0) });
    writeFileSync(path.join(folder, 'long.pdf'), await pdf.save({ useObjectStreams: false }));
    const run = reviewJson(['long.pdf'], folder);
    expect(run.status, run.stderr).toBe(0);
    const [document] = run.documents;
    expect(document!.pages).toBe(100);
    expect(document!.sheets.map((sheet) => [sheet.path, sheet.firstPage, sheet.lastPage, sheet.columns, sheet.rows])).toEqual([
      ['long.review.png', 1, 96, 8, 12],
      ['long.review-2.png', 97, 100, 4, 1],
    ]);
    for (const sheet of document!.sheets) {
      expect(pngSize(path.join(folder, sheet.path))).toEqual({ width: sheet.width, height: sheet.height });
      expect(sheet.height).toBeLessThanOrEqual(4000);
      expect(sheet.width).toBeLessThanOrEqual(1600);
    }
    expect(document!.thumbnails.filter((thumbnail) => thumbnail.sheet === 2).map((thumbnail) => thumbnail.page)).toEqual([97, 98, 99, 100]);
    // No /Lang: English.
    expect(document!.sheets.map((sheet) => sheet.caption)).toEqual(['long.pdf · 100 pages · no page marked · sheet 1 of 2', 'long.pdf · 100 pages · no page marked · sheet 2 of 2']);
  });

  it('numbers a Turkish PDF’s sheets in Turkish (its /Lang)', async () => {
    const folder = tempDir('avim-press-review-long-tr-');
    const pdf = await PDFDocument.create();
    for (let number = 1; number <= 97; number++) pdf.addPage([420, 595]);
    pdf.setLanguage('tr-TR');
    writeFileSync(path.join(folder, 'uzun.pdf'), await pdf.save({ useObjectStreams: false }));
    const run = reviewJson(['uzun.pdf'], folder);
    expect(run.status, run.stderr).toBe(0);
    expect(run.documents[0]!.sheets.map((sheet) => sheet.caption)).toEqual(['uzun.pdf · 97 sayfa · işaretli sayfa yok · pafta 1/2', 'uzun.pdf · 97 sayfa · işaretli sayfa yok · pafta 2/2']);
  });
});

describe('review sheet of a Turkish manuscript', () => {
  it('speaks Turkish: the words of templates/locales/tr.yaml, the numbers the PDF’s', () => {
    const project = tempProject({ prefix: 'avim-press-review-tr-' });
    copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'tr-analiz.md'), path.join(project, 'manuscript', 'tr-analiz.md'));
    const run = reviewJson(['manuscript/tr-analiz.md'], project);
    expect(run.status, run.stderr).toBe(0);
    const [document] = run.documents;
    const pages = Number(pdfinfo(path.join(project, document!.pdf)).Pages);
    expect(pages).toBeGreaterThan(1);
    const marked = document!.marks.length;
    const marks = marked === 0 ? 'işaretli sayfa yok' : `${marked} sayfa işaretli`;
    expect(document!.sheets.map((sheet) => sheet.caption)).toEqual([`tr-analiz.pdf · ${pages} sayfa · ${marks}`]);
  });
});

describe('marks where the build warned', () => {
  const SECTIONS = 30;
  const project = tempProject({ prefix: 'avim-press-review-marks-', copy: ['styles'] });
  // The project's print.css lets a heading end a page (avim-press's says avoid): some heading is left
  // last on its page, as in pdf-layout-problems.test.ts.
  const css = path.join(project, 'styles', 'print.css');
  writeFileSync(css, readFileSync(css, 'utf8').replace('line-height: 1.2; break-after: avoid;', 'line-height: 1.2; break-after: auto;'));
  const sentences = (count: number, of: number) => Array.from({ length: count }, (_, index) => `Sentence ${index} of section ${of} goes on about the region and its cooperation.`).join(' ');
  const sections = Array.from({ length: SECTIONS }, (_, index) => `## Section ${index + 1} on a subject of some length\n\n${sentences(2 + ((index * 7) % 11), index)}\n`);
  mkdirSync(path.join(project, 'manuscript'), { recursive: true });
  writeFileSync(path.join(project, 'manuscript', 'headings.md'), ['---\ntitle: Headings\n---\n', ...sections].join('\n'));
  let run: ReturnType<typeof reviewJson>;
  beforeAll(() => {
    run = reviewJson(['manuscript/headings.md'], project);
  });

  it('marks exactly the pages whose text ends with a section heading, each with its layout-break warning', () => {
    expect(run.status, run.stderr).toBe(0);
    const [document] = run.documents;
    const pages = pdftotext(path.join(project, document!.pdf));
    // The body's last line on the page (the folio, a number alone, is not text of the body).
    const lastLine = (page: string) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !/^\d+$/.test(line))
        .at(-1);
    const stranded = pages.flatMap((page, index) => (/^Section \d+ on a subject of some length$/.test(lastLine(page) ?? '') ? [index + 1] : []));
    expect(stranded.length).toBeGreaterThan(0);
    expect(document!.marks.map((mark) => mark.page)).toEqual(stranded);
    for (const mark of document!.marks) {
      const heading = lastLine(pages[mark.page - 1]!);
      expect(mark.problems.map((found) => [found.file, found.ruleId, found.severity, found.reason])).toEqual([
        ['manuscript/headings.md', 'layout-break', 'warning', `The heading "${heading}" is last on page ${mark.page}, cut off from its text`],
      ]);
    }
    expectGrid(document!, project, pages.length);
  });

  it('draws a marked page’s frame in the mark colour, an unmarked page’s not', async () => {
    const [document] = run.documents;
    const marked = document!.marks.map((mark) => mark.page);
    const unmarked = document!.thumbnails.find((thumbnail) => !marked.includes(thumbnail.page))!;
    const framed = document!.thumbnails.filter((thumbnail) => marked.includes(thumbnail.page));
    const found = await pixels(path.join(project, document!.sheet), [...framed, unmarked].map(frameBorder));
    for (const pixel of found.slice(0, -1)) expect(pixel).toEqual([...MARK_RGB, 255]);
    expect(found.at(-1)).toEqual([255, 255, 255, 255]);
  });
});
