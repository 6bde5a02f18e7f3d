// In the page, before pagination: fixes to Paged.js 0.4.3's footnotes, in its Footnotes handler.
// - When a note does not fit below its call, Paged.js gives the note the room below the call's text,
//   measured to the bottom of the call's glyphs, not of its line: whether the line still fits is left
//   to rounding. Seen both ways: the line (and the note) pushed to the next page with the page below
//   it empty, and the line kept with no room for the note, which went whole to the next page. Now:
//   with room for two lines of the note below the call's line, the line stays and the note starts
//   there and continues on the next page; with less, the call's line goes to the next page, surely.
// - The part of a long note carried to the next page gets all the room it wants; when it fills the
//   page, no text fits, the text's break point repeats, and Paged.js stops ("Layout repeated"),
//   dropping the rest of the document (seen with notes longer than a page). A carried part may take
//   at most three quarters of the page; the rest of it goes on to the page after.
// - Paged.js cuts a note that overflows its area after the last line whose top is inside the area,
//   then grows the area to that line's bottom: over text already laid out, which is lost (seen).
//   Measured against an area one note line shorter, the cut leaves the area as it was.
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
    const noteLine = parseFloat(getComputedStyle(node.firstElementChild ?? node).lineHeight) || line;
    const content = inner.parentElement!;
    const style = getComputedStyle(content);
    const extras = ['marginTop', 'marginBottom', 'paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce(
      (sum, property) => sum + (parseFloat(style[property as 'marginTop']) || 0),
      0,
    );
    // The room this note would have: the area less the call's line, the area's own spacing and the notes above it.
    const above = node.getBoundingClientRect().top - inner.getBoundingClientRect().top;
    const keep = height - line - extras - above >= 2 * noteLine;
    const areaHeight = keep ? height - line : height + line;
    pageArea.style.setProperty('--pagedjs-footnotes-height', `${Math.max(0, areaHeight)}px`);
    if (keep) inner.style.height = `${Math.max(0, parseFloat(inner.style.height) - line)}px`;
  };
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
