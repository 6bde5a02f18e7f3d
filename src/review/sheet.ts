// Draw a PDF's review sheets: its pages as numbered thumbnails in a grid (templates/review/sheet.ejs,
// styles/review.css), drawn by pdf.js inside a sandboxed page of the run's Chromium (the PDF's bytes
// handed in, nothing loaded from anywhere), the pages with problems framed, one PNG screenshot per
// sheet. The same PDF and marks give the same PNG bytes: a fixed viewport and scale, no date. Its
// words are the locale's of the PDF's language (its /Lang; English when it has none avim-press knows).
// A long PDF gets several sheets of at most PAGES_PER_SHEET pages each, so no image grows past
// about 3,500 px: `<slug>.review.png`, then `<slug>.review-2.png` and so on.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { LANGUAGES, type LanguageCode } from '../load/frontmatter-schema.js';
import type { Browser } from 'puppeteer';
import type { Project } from '../load/project.js';
import { PACKAGE_ROOT } from '../load/tool-version.js';
import { Templates } from '../load/templates.js';
import { loadTypefaces } from '../load/typefaces.js';
import { withPageFonts } from '../render/font-subsets.js';
import { pageScript } from '../render/pdf/page-scripts.js';
import { openSandboxedPage } from '../render/pdf/sandbox.js';
import type { ReviewPageWindow } from './review-page-api.js';

declare const window: ReviewPageWindow;
// page.evaluate callbacks run in the page; the Node program has no DOM types, so this much is declared.
declare const document: { fonts: { ready: Promise<unknown> }; querySelector(selector: string): PageElement; querySelectorAll(selector: string): ArrayLike<PageElement> };
interface PageElement {
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  textContent: string | null;
  querySelector(selector: string): PageElement;
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The grid: thumbnails this wide (CSS px), at most this many columns and rows a sheet. */
export const THUMBNAIL_WIDTH = 160;
export const COLUMNS = 8;
export const ROWS_PER_SHEET = 12;
export const PAGES_PER_SHEET = COLUMNS * ROWS_PER_SHEET;
/** A page far taller than wide (a strip) is shrunk into a box at most this proportion. */
const TALLEST = 1.6;
/** Device pixels per CSS pixel of the screenshot, and of the thumbnails drawn (sharper, then scaled). */
const SCREEN_SCALE = 1;
const DRAW_SCALE = 2;

export interface SheetProblem {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  reason: string;
}

export interface Thumbnail {
  page: number;
  /** Which sheet (from 1) and where on it (px) the page's frame is. */
  sheet: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Sheet {
  path: string;
  /** The header's line under the title, as the sheet shows it ("x.pdf · 5 pages · no page marked"). */
  caption: string;
  width: number;
  height: number;
  columns: number;
  rows: number;
  firstPage: number;
  lastPage: number;
}

export interface DrawnSheets {
  pages: number;
  sheets: (Sheet & { png: Uint8Array })[];
  thumbnails: Thumbnail[];
}

/** The sheet file names: `<base>.review.png`, then `<base>.review-2.png` ... */
export function sheetName(base: string, index: number): string {
  return index === 0 ? `${base}.review.png` : `${base}.review-${index + 1}.png`;
}

/** The PDF's language (its /Lang's primary subtag), when avim-press has labels for it. */
function pdfLanguage(pdf: PDFDocument): LanguageCode {
  const tag = pdf.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText() ?? '';
  const primary = tag.split('-')[0]!.toLowerCase();
  return LANGUAGES.find((lang) => lang === primary) ?? 'en';
}

/** A label's `{name}`s replaced by the numbers given. */
const fill = (label: string, values: Record<string, number>) => label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** A file of the project's own styles or templates, else avim-press's. */
function ownOrPackage(dir: string, name: string, packageDir: string): string {
  return existsSync(path.join(dir, name)) ? dir : packageDir;
}

export async function drawSheets(pdfBytes: Uint8Array, options: { browser: Browser; project: Project; base: string; pdfName: string; problems: Map<number, SheetProblem[]> }): Promise<DrawnSheets> {
  const { project } = options;
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false, ignoreEncryption: true });
  const pages = pdf.getPageCount();
  const title = pdf.getTitle() || options.pdfName;
  const lang = pdfLanguage(pdf);
  const first = pdf.getPage(0).getSize();
  const thumbnailHeight = Math.round(THUMBNAIL_WIDTH * Math.min(TALLEST, first.height / first.width));
  const cssFile = path.join(ownOrPackage(project.stylesDir, 'review.css', path.join(PACKAGE_ROOT, 'styles')), 'review.css');
  const templates = existsSync(path.join(project.templatesDir, 'review', 'sheet.ejs')) ? project.templates : new Templates(path.join(PACKAGE_ROOT, 'templates'));
  const css = readFileSync(cssFile, 'utf8');
  const script = await pageScript('review');
  const base64 = Buffer.from(pdfBytes).toString('base64');
  const sheetCount = Math.max(1, Math.ceil(pages / PAGES_PER_SHEET));
  const marked = [...options.problems.keys()].filter((page) => page >= 1 && page <= pages).length;
  const result: DrawnSheets = { pages, sheets: [], thumbnails: [] };
  const { page } = await openSandboxedPage(options.browser);
  try {
    await page.setViewport({ width: 2000, height: 1000, deviceScaleFactor: SCREEN_SCALE });
    for (let index = 0; index < sheetCount; index++) {
      const numbers = Array.from({ length: Math.min(PAGES_PER_SHEET, pages - index * PAGES_PER_SHEET) }, (_, offset) => index * PAGES_PER_SHEET + offset + 1);
      const columns = Math.min(COLUMNS, numbers.length);
      const render = (fontCss: string) =>
        templates.render('review/sheet.ejs', {
          title,
          lang,
          labels: project.labels[lang],
          fill,
          pdf: options.pdfName,
          pages,
          marked,
          sheet: index + 1,
          sheets: sheetCount,
          columns,
          thumbnailWidth: THUMBNAIL_WIDTH,
          thumbnailHeight,
          thumbnails: numbers.map((number) => ({ page: number, problems: options.problems.get(number) ?? [] })),
          css: [fontCss, css].join('\n'),
        });
      await page.setContent(await withPageFonts(loadTypefaces(project.brand), lang, render), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.evaluate(script);
      await page.evaluate((data, scale) => window.avimPressReview.drawPages(data, scale), base64, DRAW_SCALE);
      const box = await page.evaluate(() => {
        const sheet = document.querySelector('.sheet').getBoundingClientRect();
        const frames = Array.from(document.querySelectorAll('.thumbnail'), (item) => {
          const frame = item.querySelector('.frame').getBoundingClientRect();
          return { page: Number(item.getAttribute('data-page')), x: frame.x - sheet.x, y: frame.y - sheet.y, width: frame.width, height: frame.height };
        });
        return { width: sheet.width, height: sheet.height, frames, caption: document.querySelector('.sheet-header p').textContent };
      });
      const width = Math.ceil(box.width);
      const height = Math.ceil(box.height);
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, captureBeyondViewport: true, omitBackground: false });
      const name = sheetName(options.base, index);
      result.sheets.push({
        path: name,
        caption: (box.caption ?? '').replace(/\s+/g, ' ').trim(),
        width: width * SCREEN_SCALE,
        height: height * SCREEN_SCALE,
        columns,
        rows: Math.ceil(numbers.length / columns),
        firstPage: numbers[0]!,
        lastPage: numbers.at(-1)!,
        png,
      });
      for (const frame of box.frames)
        result.thumbnails.push({ page: frame.page, sheet: index + 1, x: Math.round(frame.x), y: Math.round(frame.y), width: Math.round(frame.width), height: Math.round(frame.height) });
    }
  } finally {
    await page.close();
  }
  return result;
}
