// In the page, before each chunk of a long print (render/pdf/print-chunks.ts): only the pages from
// `first` to `end` (0-based, end excluded) are printed. Chromium's print costs more per page the more
// pages the document lays out (docs/speed.md: 100 pages took 1.3 s alone and 3.9–4.9 s as part of 803),
// so the other pages keep a box of no size: the page counter still counts them (the folios stay right),
// and they hold nothing and break nowhere. Not `display: none`, which counts nothing.
import type { LayoutMarkers } from '../engine/layout-markers.js';

const HIDDEN = 'data-avim-print-hidden';
const LAST = 'data-avim-print-last';
const STYLE_ID = 'avim-print-range';
// More specific than the engine's own print rules for its pages (height: 100% !important).
const RULES = `html body [${HIDDEN}] { height: 0 !important; min-height: 0 !important; max-height: 0 !important; overflow: hidden !important; break-after: auto !important; break-before: auto !important; }
html body [${HIDDEN}] > * { display: none !important; }
html body [${LAST}] { break-after: auto !important; }`;

export function showPagesForPrint(markers: LayoutMarkers, first: number, end: number): void {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = RULES;
    document.head.append(style);
  }
  const pages = Array.from(document.querySelectorAll<HTMLElement>(markers.page));
  pages.forEach((page, index) => {
    page.toggleAttribute(HIDDEN, index < first || index >= end);
    // The last page shown breaks to nothing: a break there would print a blank page before the hidden ones.
    page.toggleAttribute(LAST, index === end - 1 && end < pages.length);
  });
}
