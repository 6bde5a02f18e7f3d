// In the page, after pagination: what the engine laid out but no page shows. Paged.js can lose text
// without an error: it stops when it thinks it is looping ("Layout repeated"), and text pushed past a
// page's area by a note laid out later is clipped (both seen). Every element of the publication must
// be on a page, and no text may lie outside the area that shows it. Each find carries its manuscript line.
import type { LayoutMarkers } from '../engine/layout-markers.js';
import { PRINT_CONTAINERS } from '../engine/layout-markers.js';
import type { LostText } from '../in-page-api.js';
import { snippet, sourcePlace } from './source-place.js';

/** Enough to show what went wrong; the first few are what matters. */
const MOST = 5;

/** `withSource`: compare the source with the pages too (false once the source is let go: only the
 * pages' feet are looked at, a check run again after the page numbers of links are filled in). */
export function findLostText(markers: LayoutMarkers, withSource = true): LostText[] {
  const lost: LostText[] = [];
  const source = withSource ? document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.publication)?.content : undefined;
  const pages = Array.from(document.querySelectorAll(markers.page));
  if ((withSource && !source) || pages.length === 0) return [{ kind: 'not-laid-out', text: '' }];
  const shown = new Set<string | null>();
  if (source) for (const page of pages) for (const element of Array.from(page.querySelectorAll(`[${markers.sourceRef}]`))) shown.add(element.getAttribute(markers.sourceRef));
  for (const element of source ? Array.from(source.querySelectorAll(`[${markers.sourceRef}]`)) : []) {
    if (shown.has(element.getAttribute(markers.sourceRef))) continue;
    const place = sourcePlace(element);
    lost.push({ kind: 'not-on-page', element: element.tagName.toLowerCase(), text: snippet(element.textContent, 60), ...(place ? { place } : {}) });
    if (lost.length >= MOST) return lost;
  }
  const range = document.createRange();
  pages.forEach((page, index) => {
    for (const box of Array.from(page.querySelectorAll(`${markers.pageContent}, ${markers.pageFootnotes}`))) {
      const bounds = box.getBoundingClientRect();
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        const outside = Array.from(range.getClientRects()).some((rect) => rect.width > 0 && (rect.left >= bounds.right - 0.5 || rect.top >= bounds.bottom - 0.5));
        if (!outside) continue;
        const place = sourcePlace(node);
        lost.push({ kind: 'cut-off', page: index + 1, text: snippet(node.textContent, 60), ...(place ? { place } : {}) });
      }
    }
  });
  return lost.slice(0, MOST);
}
