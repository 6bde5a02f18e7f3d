// Chromium's print of laid-out pages, in chunks when the publication is long. Its print costs more per
// page the more pages the document lays out: 803 pages took 13.7–16.9 s printed whole and 8.1–12.4 s in
// chunks of 100, each printed with the other pages folded away (in-page/print-range.ts); 403 pages took
// the same time either way (docs/speed.md, "Printing in chunks"). The chunks' PDFs are joined by
// merge-printed.ts. The chunk size is fixed, not the machine's, so the bytes do not depend on it.
import type { Page } from 'puppeteer';
import type { LayoutMarkers } from './engine/layout-markers.js';
import type { InPageWindow } from './in-page-api.js';

declare const window: InPageWindow;

export interface PrintChunks {
  /** Publications of at least this many pages print in chunks. */
  from: number;
  /** Pages per chunk. */
  pages: number;
}

export const PRINT_CHUNKS: PrintChunks = { from: 500, pages: 100 };

const PRINT_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false } as const;

/** The laid-out pages printed: one PDF, or one per chunk in page order. The page is left showing the last chunk. */
export async function printPages(page: Page, pageCount: number, markers: LayoutMarkers, chunks: PrintChunks = PRINT_CHUNKS): Promise<Uint8Array[]> {
  if (pageCount < chunks.from || pageCount <= chunks.pages) return [await page.pdf(PRINT_OPTIONS)];
  const printed: Uint8Array[] = [];
  for (let first = 0; first < pageCount; first += chunks.pages) {
    await page.evaluate((markers, first, end) => window.avimPressInPage.showPagesForPrint(markers, first, end), markers, first, Math.min(pageCount, first + chunks.pages));
    printed.push(await page.pdf(PRINT_OPTIONS));
  }
  return printed;
}
