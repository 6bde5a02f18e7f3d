// Page-bottom footnotes, as Paged.js needs them: each note becomes a <span class="footnote"
// role="doc-footnote"> that the print page moves to its first call before pagination
// (in-page/place-footnotes.ts); Paged.js then floats it to the foot of the page the call lands on. A
// span, not an aside: Paged.js copies a block element into the page empty and fills it later,
// measures the empty note, and (seen with the call in the part of a paragraph carried to the next
// page) pushes the note to the page after. The number is written into the note itself (and
// ::footnote-marker left empty): with `content: counter(footnote)`, Paged.js 0.4.3 gives every marker
// on a page that page's last number (docs/layout-engine.md).
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Labels } from '../../../../load/project.js';
import type { Note } from '../../../../publication/model.js';

export function footnoteElement(note: Note, labels: Labels): Element {
  const number = h('a', { className: ['footnote-number'], id: note.id, href: `#${note.calls[0]}`, role: 'doc-backlink', ariaLabel: `${labels.backToCall} (${note.number})` }, String(note.number));
  const content = structuredClone(note.content);
  const first = content[0];
  // The number opens the note's first paragraph, so the note reads "1 Almaz Kumenov, ...".
  if (first?.tagName === 'p') first.children.unshift(number, { type: 'text', value: ' ' });
  else content.unshift(h('p', [number]));
  return h('span', { className: ['footnote'], role: 'doc-footnote', dataCall: note.calls[0] }, content);
}
