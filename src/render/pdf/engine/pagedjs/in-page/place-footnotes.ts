// In the page, before pagination: move each note (a span holding paragraphs, footnote-element.ts) from
// the footnotes template to just after its first call in the publication, where Paged.js (float:
// footnote) takes it to the foot of the call's page. Done on the DOM because the HTML parser cannot:
// a <p> inside a <p> closes the first one.
import { PRINT_CONTAINERS } from '../../layout-markers.js';

export function placeFootnotes(): number {
  const store = document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.footnotes);
  const content = document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.publication)?.content;
  if (!store) return 0;
  if (!content) throw new Error('the print document has no publication template');
  let placed = 0;
  for (const note of Array.from(store.content.querySelectorAll<HTMLElement>('.footnote'))) {
    const call = content.getElementById(note.dataset.call ?? '');
    if (!call) throw new Error(`footnote for ${note.dataset.call ?? '?'} has no call in the text`);
    // A note first called from inside another note goes after that note, not into it: Paged.js
    // cannot float a footnote inside a footnote (it loses the text).
    (call.closest('.footnote') ?? call.closest('sup') ?? call).after(note);
    placed += 1;
  }
  store.remove();
  return placed;
}
