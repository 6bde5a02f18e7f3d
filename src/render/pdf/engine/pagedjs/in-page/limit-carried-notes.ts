// In the page, before pagination: a fix to Paged.js 0.4.3's footnotes, in its Footnotes handler.
// The part of a long note carried to the next page gets all the room it wants, however much: with a
// note longer than a page, no text fits, and Paged.js stops ("Layout repeated", dropping the rest of
// the document) or, as re-measured, gives the note an area taller than the page, warns "Unable to
// layout item" and cuts off the page's text (docs/layout-engine.md). A carried part may take at most
// three quarters of the page; the rest of it goes on to the page after.
import { footnotesHandler } from './paged-internals.js';

const CARRIED_SHARE = 0.75;

export function limitCarriedNotes(): void {
  const footnotes = footnotesHandler();
  // The patch wraps Paged.js's own method and calls it with its `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = footnotes.prototype.moveFootnote;
  footnotes.prototype.moveFootnote = function (node, pageArea, needsNoteCall) {
    original.call(this, node, pageArea, needsNoteCall);
    // Only a carried part (already called on an earlier page) comes without a call.
    if (needsNoteCall) return;
    const height = parseFloat(pageArea.style.getPropertyValue('--pagedjs-footnotes-height'));
    const limit = pageArea.getBoundingClientRect().height * CARRIED_SHARE;
    if (height > limit) pageArea.style.setProperty('--pagedjs-footnotes-height', `${limit}px`);
  };
}
