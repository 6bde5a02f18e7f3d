// In the page, before pagination: a fix to Paged.js 0.4.3's footnotes, in its Footnotes handler.
// Paged.js cuts a note that overflows its area after the last line whose top is inside the area,
// then grows the area to that line's bottom: over text already laid out, which is lost (seen).
// Measured against an area one note line shorter, the cut leaves the area as it was.
import { footnotesHandler } from './paged-internals.js';

export function cutNoteOverflowEarlier(): void {
  const footnotes = footnotesHandler();
  // The patch wraps Paged.js's own method and calls it with its `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const afterPageLayout = footnotes.prototype.afterPageLayout;
  footnotes.prototype.afterPageLayout = function (pageElement, ...rest) {
    const area = pageElement.querySelector<HTMLElement>('.pagedjs_footnote_area');
    const content = area?.querySelector<HTMLElement>('.pagedjs_footnote_content');
    const inner = content?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
    if (content && inner && inner.scrollHeight > content.clientHeight + 1) {
      const line = parseFloat(getComputedStyle(inner.firstElementChild ?? inner).lineHeight) || 0;
      content.style.height = `${Math.max(0, content.clientHeight - line)}px`;
    }
    afterPageLayout.call(this, pageElement, ...rest);
  };
}
