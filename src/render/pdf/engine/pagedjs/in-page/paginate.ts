// In the page: lay the publication out into pages with Paged.js (its browser build and the patches
// already evaluated in the page). Paged.js lays out the content of the body's
// template[data-ref="pagedjs-content"] as it is (no re-parse, which would undo place-footnotes.ts), so
// the print HTML's publication template becomes that.
import { PRINT_CONTAINERS } from '../../layout-markers.js';
import { paged } from './paged-internals.js';

export async function paginate(settings: { hyphenGlyph: string }): Promise<{ pages: number }> {
  const template = document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.publication);
  if (!template) throw new Error('the print document has no publication template');
  template.dataset.ref = 'pagedjs-content';
  const flow = await new (paged().Previewer)(settings).preview();
  continuePageNumbers();
  return { pages: flow.total };
}

/** A page where the numbering starts again (a book's first arabic page: `counter-reset: page 1` in
 * print.css) gets Paged.js's rule `counter-reset: page 1`, which Chromium scopes to that page alone: the
 * next page went on from the page before it. The contents' numbers are already reckoned the intended
 * way; the folios are made to agree by setting the one page counter there instead of starting another. */
function continuePageNumbers(): void {
  for (const start of Array.from(document.querySelectorAll<HTMLElement>('[data-counter-page-reset]:not([data-split-from])'))) {
    const page = start.closest<HTMLElement>('.pagedjs_page');
    if (!page) continue;
    page.style.setProperty('counter-reset', 'none');
    page.style.setProperty('counter-increment', 'none');
    page.style.setProperty('counter-set', `page ${Number(start.dataset.counterPageReset) || 0}`);
  }
}

/** After pagination: undo what Paged.js adds that the PDF must not carry: its own footnote calls (empty,
 * since ::footnote-call is none and the numbers are in the text) and the random ids it gives notes,
 * which Chromium would write out as named destinations and make every build's bytes differ. */
export function removeNoteMarks(): void {
  document.querySelectorAll('[data-footnote-call]').forEach((call) => call.remove());
  document.querySelectorAll('[data-note="footnote"][id^="note-"]').forEach((note) => note.removeAttribute('id'));
}
