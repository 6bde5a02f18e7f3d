// In the page, after pagination: page breaks that the print rules forbid and the layout should have
// avoided: a paragraph left with fewer lines than its CSS `orphans` at the foot of a page or `widows`
// at the head of the next (the engine marks the two pieces of a split element), or a heading last on
// its page, cut off from the text it heads. Each fault carries its manuscript line.
import type { LayoutMarkers } from '../engine/layout-markers.js';
import type { BreakFault } from '../in-page-api.js';
import { snippet, sourcePlace } from './source-place.js';

export function findBreakFaults(markers: LayoutMarkers): BreakFault[] {
  const BLOCK = 'p, li, dd, dt, figcaption, blockquote';
  const range = document.createRange();
  /** Lines of an element's text: full-height boxes make the lines; smaller ones (superscripts,
   * raised into the line above's height) count only where no line holds their middle. */
  const lines = (element: Element): number => {
    range.selectNodeContents(element);
    const boxes = Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0);
    const tallest = Math.max(0, ...boxes.map((box) => box.height));
    const found: DOMRect[] = [];
    for (const box of boxes.filter((box) => box.height >= tallest * 0.9)) if (!found.some((line) => Math.abs(line.top - box.top) < 1)) found.push(box);
    for (const box of boxes) {
      const middle = box.top + box.height / 2;
      if (!found.some((line) => middle >= line.top - 1 && middle <= line.bottom + 1)) found.push(box);
    }
    return found.length;
  };
  const faults: BreakFault[] = [];
  const fault = (kind: BreakFault['kind'], page: number, element: Element) => {
    const place = sourcePlace(element);
    faults.push({ kind, page, text: snippet(element.textContent, 40), ...(place ? { place } : {}) });
  };
  document.querySelectorAll(markers.page).forEach((page, index) => {
    for (const element of Array.from(page.querySelectorAll(`${markers.pageContent} :is(${BLOCK})`))) {
      const style = getComputedStyle(element);
      if (element.hasAttribute(markers.continues) && lines(element) < Number(style.orphans)) fault('orphan', index + 1, element);
      if (element.hasAttribute(markers.continuation) && lines(element) < Number(style.widows)) fault('widow', index + 1, element);
    }
    const content = page.querySelector(markers.pageContent);
    for (const heading of Array.from(content?.querySelectorAll('h1, h2, h3, h4, h5, h6') ?? [])) {
      const after = document.createRange();
      after.setStartAfter(heading);
      after.setEndAfter(content!.lastChild!);
      if (after.toString().trim() === '' && !heading.closest('.visually-hidden, .part-title-page, .part-colophon, .part-half-title, h1.part-title')) fault('heading', index + 1, heading);
    }
  });
  return faults;
}
