// In the page, before pagination: two fixes to Paged.js 0.4.3's footnotes, in its Footnotes handler.
// - When a note does not fit below its call, Paged.js gives the note all the room below the call's
//   text, measured to the bottom of the call's glyphs, not of its line: the line no longer fits and
//   moves to the next page with the call and the note (seen: a page left with one line, the note a
//   page later). The note gets one line less, keeps its call's page, and continues on the next.
// - The part of a long note carried to the next page gets all the room it wants; when it fills the
//   page, no text fits, the text's break point repeats, and Paged.js stops ("Layout repeated"),
//   dropping the rest of the document (seen with notes longer than a page). A carried part may take
//   at most three quarters of the page; the rest of it goes on to the page after.
export function fixFootnotes(): void {
  interface FootnotesHandler {
    moveFootnote(this: unknown, node: HTMLElement, pageArea: HTMLElement, needsNoteCall: boolean): void;
    afterPageLayout(this: unknown, pageElement: HTMLElement, ...rest: unknown[]): void;
  }
  const { Paged } = globalThis as unknown as { Paged: { registeredHandlers: { name: string; prototype: FootnotesHandler }[] } };
  const footnotes = Paged.registeredHandlers.find((handler) => handler.name === 'Footnotes');
  if (!footnotes) throw new Error('Paged.js has no Footnotes handler: the fixes for its footnotes no longer apply');
  const CARRIED_SHARE = 0.75;
  const original = footnotes.prototype.moveFootnote;
  footnotes.prototype.moveFootnote = function (node, pageArea, needsNoteCall) {
    const inner = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_inner_content')!;
    const before = inner.style.height;
    original.call(this, node, pageArea, needsNoteCall);
    const height = parseFloat(pageArea.style.getPropertyValue('--pagedjs-footnotes-height'));
    if (!needsNoteCall) {
      const limit = pageArea.getBoundingClientRect().height * CARRIED_SHARE;
      if (height > limit) pageArea.style.setProperty('--pagedjs-footnotes-height', `${limit}px`);
      return;
    }
    // Only Paged.js's "room down to the call" case sets the inner height (until the page is done).
    if (!node.isConnected || !inner.style.height || inner.style.height === before) return;
    const call = pageArea.querySelector(`[data-footnote-call="${node.dataset.ref ?? ''}"]`);
    const line = parseFloat(getComputedStyle(call?.parentElement ?? pageArea).lineHeight) || 0;
    pageArea.style.setProperty('--pagedjs-footnotes-height', `${Math.max(0, height - line)}px`);
    inner.style.height = `${Math.max(0, parseFloat(inner.style.height) - line)}px`;
  };
  const afterPageLayout = footnotes.prototype.afterPageLayout;
  footnotes.prototype.afterPageLayout = function (pageElement, ...rest) {
    // Paged.js cuts a note that overflows its area after the last line whose top is inside the area,
    // and then grows the area to that line's bottom: over text already laid out, which is lost.
    // Measured against an area one note line shorter, the cut leaves the area as it was.
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
