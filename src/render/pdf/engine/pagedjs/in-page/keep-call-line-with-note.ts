// In the page, before pagination: a fix to Paged.js 0.4.3's footnotes, in its Footnotes handler.
// When a note does not fit below its call, Paged.js gives the note the room below the call's text,
// measured to the bottom of the call's glyphs, not of its line: whether the line still fits is left
// to rounding. Seen both ways: the line (and the note) pushed to the next page with the page below
// it empty, and the line kept with no room for the note, which went whole to the next page. Now:
// with room for two lines of the note below the call's line, the line stays and the note starts
// there and continues on the next page; with less, the call's line goes to the next page, surely.
import { footnotesHandler } from './paged-internals.js';

export function keepCallLineWithNote(): void {
  const footnotes = footnotesHandler();
  // The patch wraps Paged.js's own method and calls it with its `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = footnotes.prototype.moveFootnote;
  footnotes.prototype.moveFootnote = function (node, pageArea, needsNoteCall) {
    const inner = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_inner_content')!;
    const before = inner.style.height;
    original.call(this, node, pageArea, needsNoteCall);
    if (!needsNoteCall) return;
    // Only Paged.js's "room down to the call" case sets the inner height (until the page is done).
    if (!node.isConnected || !inner.style.height || inner.style.height === before) return;
    const height = parseFloat(pageArea.style.getPropertyValue('--pagedjs-footnotes-height'));
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
}
