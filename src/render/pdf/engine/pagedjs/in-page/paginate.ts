// In the page: lay the publication out into pages with Paged.js (its browser build and the patches
// already evaluated in the page). Paged.js lays out the content of the body's
// template[data-ref="pagedjs-content"] as it is (no re-parse, which would undo place-footnotes.ts), so
// the print HTML's publication template becomes that.
import { PRINT_CONTAINERS } from '../../layout-markers.js';
import { atPageHandler, paged, type AtPageHandler } from './paged-internals.js';

/** The @page handler of this page's layout, kept to shape the margin boxes of pages that change side
 * when a book's parts are joined (join-pages.ts). */
export let pageRules: AtPageHandler | undefined;

export async function paginate(settings: { hyphenGlyph: string }): Promise<{ pages: number }> {
  const handler = atPageHandler().prototype;
  const finalizePage: unknown = Reflect.get(handler, 'finalizePage');
  const keep = (rules: AtPageHandler) => (pageRules = rules);
  handler.finalizePage = function (this: AtPageHandler, ...args) {
    keep(this);
    Reflect.apply(finalizePage as AtPageHandler['finalizePage'], this, args);
  };
  const template = document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.publication);
  if (!template) throw new Error('the print document has no publication template');
  template.dataset.ref = 'pagedjs-content';
  const flow = await new (paged().Previewer)(settings).preview();
  return { pages: flow.total };
}

/** After pagination: undo what Paged.js adds that the PDF must not carry: its own footnote calls (empty,
 * since ::footnote-call is none and the numbers are in the text) and the random ids it gives notes,
 * which Chromium would write out as named destinations and make every build's bytes differ. */
export function removeNoteMarks(): void {
  document.querySelectorAll('[data-footnote-call]').forEach((call) => call.remove());
  document.querySelectorAll('[data-note="footnote"][id^="note-"]').forEach((note) => note.removeAttribute('id'));
}
