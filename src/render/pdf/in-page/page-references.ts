// In the page, after pagination (and after the parts of a book laid out apart are joined): each link
// to a place in the publication learns the folio of the page that place is on, in the attribute
// styles/print.css shows after the contents' entries and cross-references ("(page 12)"). Engines fill
// CSS target-counter() only within the document they laid out (Paged.js not at all for an id that starts
// with a digit); a book laid out in parts needs it across
// them, and the folio printed (roman in the front matter) is the number a reader looks for.
import type { LayoutMarkers } from '../engine/layout-markers.js';
import { PAGE_REFERENCE_ATTRIBUTE } from '../in-page-api.js';
import { printedFolios } from './folios.js';

/** Fills every link whose target is on a page; returns how many. */
export function fillPageReferences(markers: LayoutMarkers): number {
  const pages = Array.from(document.querySelectorAll(markers.page));
  const folios = printedFolios(pages, markers);
  const indexOf = new Map(pages.map((page, index) => [page, index]));
  let filled = 0;
  for (const link of Array.from(document.querySelectorAll(`${markers.page} a[href^="#"]`))) {
    let id = link.getAttribute('href')!.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Kept as written: a malformed escape is nobody's id but its own.
    }
    const page = document.getElementById(id)?.closest(markers.page);
    const index = page ? indexOf.get(page) : undefined;
    if (index === undefined) continue;
    link.setAttribute(PAGE_REFERENCE_ATTRIBUTE, folios[index]!);
    filled += 1;
  }
  return filled;
}
