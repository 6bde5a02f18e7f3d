// In the page, before pagination: a Paged.js handler for where a page breaks inside text. Paged.js
// 0.4.3 lays a page out as a column (what does not fit flows into the next column, to the right),
// finds the first thing past it and breaks there. What it gets wrong, all seen here:
// - Text passed over: it takes a break at a text node's very start for no break (offset 0 is false
//   to it) and breaks later, leaving the node's first lines past the page, on no page at all (a text
//   node just after a footnote call at the foot of a page). The break goes back to the first word
//   that is not on the page. (Not seen again since notes are spans: docs/layout-engine.md.)
// - Words: it breaks inside a word hyphenated across the page's last line and appends a hyphen,
//   which can push that line past the page, where it is lost. The break goes back to the start of
//   that line: a page ends on a whole line, never inside a word.
// - Orphans and widows (CSS `orphans`, `widows` of the paragraph): Chromium's column fragmentation
//   honours them, but not once notes change the page's height; fewer lines than that are not left
//   at the foot of a page or carried to the next; the paragraph then moves whole, with a heading
//   before it (headings are `break-after: avoid`).
// A line's place is therefore (column, height). A break only ever moves earlier, never later: text
// between Paged.js's break and a later one would be on no page.
import { paged } from './paged-internals.js';

export function registerBreakRules(): void {
  const Paged = paged();
  const BLOCK = 'p, li, dd, dt, figcaption, blockquote';
  type Place = [column: number, middle: number];

  const before = (a: Place, b: Place) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1] - 1);

  /** Where a box sits in the flow: past the page's right edge is the overflow column. */
  const placeOf = (rect: DOMRect, bounds: DOMRect): Place => [rect.left >= bounds.right - 1 ? 1 : 0, rect.top + rect.height / 2];

  /** The lines a block's own text sits on, in flow order: boxes that overlap in height (a
   * superscript call and its line) are one line. A note not yet moved to the foot of the page (its
   * call is past the page) is not the block's text. */
  const linesOf = (block: Element, bounds: DOMRect): Place[] => {
    const range = document.createRange();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const boxes: { column: number; top: number; bottom: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('[data-note]')) continue;
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.height > 0 && rect.width > 0) boxes.push({ column: placeOf(rect, bounds)[0], top: rect.top, bottom: rect.bottom });
      }
    }
    // Full-height boxes make the lines; smaller ones (superscripts, raised into the line above's
    // height) belong to the line their middle is in.
    const tallest = Math.max(0, ...boxes.map((box) => box.bottom - box.top));
    const lines: { column: number; top: number; bottom: number }[] = [];
    const lineAt = (column: number, y: number) => lines.find((line) => line.column === column && y >= line.top - 1 && y <= line.bottom + 1);
    for (const box of boxes.filter((box) => box.bottom - box.top >= tallest * 0.9)) {
      if (!lines.some((line) => line.column === box.column && Math.abs(line.top - box.top) < 1)) lines.push({ ...box });
    }
    for (const box of boxes) if (!lineAt(box.column, (box.top + box.bottom) / 2)) lines.push({ ...box });
    lines.sort((a, b) => a.column - b.column || a.top - b.top);
    return lines.map((line): Place => [line.column, (line.top + line.bottom) / 2]);
  };

  /** Where a line starts: the first word (text position) at or after the line's place. */
  const lineStart = (block: Element, line: Place, bounds: DOMRect): { node: Text; offset: number } | undefined => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('[data-note]')) continue;
      for (let offset = 0; offset < node.data.length; offset++) {
        if (/\s/.test(node.data[offset]!) || (offset > 0 && !/\s/.test(node.data[offset - 1]!))) continue;
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rects = range.getClientRects();
        const rect = rects[rects.length - 1];
        if (rect && !before(placeOf(rect, bounds), line)) return { node, offset };
      }
    }
    return undefined;
  };

  /** The first word, before `limit`, that lies outside the page (in the overflow column or below). */
  const firstOutside = (rendered: Element, bounds: DOMRect, limit: Range): { node: Text; offset: number } | undefined => {
    const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const outside = (rect: DOMRect) => rect.width > 0 && (rect.left >= bounds.right - 1 || rect.top >= bounds.bottom - 1);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (limit.comparePoint(node, 0) > 0) break;
      if (!node.data.trim()) continue;
      range.selectNodeContents(node);
      if (!Array.from(range.getClientRects()).some(outside)) continue;
      for (let offset = 0; offset < node.data.length; offset++) {
        if (/\s/.test(node.data[offset]!) || (offset > 0 && !/\s/.test(node.data[offset - 1]!))) continue;
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        if (Array.from(range.getClientRects()).some(outside)) return { node, offset };
      }
    }
    return undefined;
  };

  /** The element to break before when a block moves whole: the block, or the headings just above it. */
  const keepWithPrevious = (block: Element): Element => {
    let start = block;
    while (start.previousElementSibling && /^H[1-6]$/.test(start.previousElementSibling.tagName)) start = start.previousElementSibling;
    return start;
  };

  /** Is there anything on the page before this element (else moving it gains nothing)? */
  const hasContentBefore = (element: Element, rendered: Element): boolean => {
    const range = document.createRange();
    range.setStart(rendered, 0);
    range.setEndBefore(element);
    return range.toString().trim().length > 0 || range.cloneContents().querySelector('img, svg, table') !== null;
  };

  /** The break, moved to `start` if that is earlier than Paged.js's own. */
  const earlier = (overflow: Range, start: (range: Range) => void): Range => {
    const moved = overflow.cloneRange();
    start(moved);
    return moved.compareBoundaryPoints(Range.START_TO_START, overflow) <= 0 ? moved : overflow;
  };

  class BreakRules extends Paged.Handler {
    onOverflow(overflow: Range | undefined, rendered: Element, bounds: DOMRect): Range | undefined {
      if (!overflow) return undefined;
      const missed = firstOutside(rendered, bounds, overflow);
      if (missed) {
        overflow = earlier(overflow, (range) => range.setStart(missed.node, missed.offset));
      }
      let result = overflow;
      if (overflow.startContainer.nodeType === Node.TEXT_NODE) {
        // Words: back to the word's start, and if the word was hyphenated across the line above,
        // to the start of that line, so the page ends with a whole line.
        const node = overflow.startContainer as Text;
        let index = overflow.startOffset;
        if (index > 0 && index < node.data.length && /\S/.test(node.data[index - 1]!) && /\S/.test(node.data[index]!)) {
          while (index > 0 && /\S/.test(node.data[index - 1]!)) index -= 1;
          const probe = document.createRange();
          probe.setStart(node, index);
          probe.setEnd(node, index + 1);
          const rect = Array.from(probe.getClientRects())
            .filter((box) => box.height > 0)
            .pop();
          const block = node.parentElement?.closest(BLOCK);
          const line = rect && block ? lineStart(block, placeOf(rect, bounds), bounds) : undefined;
          const start = line && line.node === node && line.offset <= index ? line : { node, offset: index };
          result = earlier(overflow, (range) => range.setStart(start.node, start.offset));
        }
      }
      const container = result.startContainer;
      const offset = result.startOffset;
      // Orphans and widows, when the break falls inside a paragraph's text.
      const first = container.nodeType === Node.TEXT_NODE ? container : container.childNodes[offset];
      const block = (first?.nodeType === Node.TEXT_NODE ? first.parentElement : (first as Element | undefined))?.closest(BLOCK);
      if (!first || !block || block === first || !rendered.contains(block)) return result;
      // Notes whose calls are past the page are still inline in the block, as blocks of their own
      // that split its lines; measure the block as it will be once they have gone to the foot.
      const notes = Array.from(block.querySelectorAll<HTMLElement>('[data-note]'));
      const displays = notes.map((note) => note.style.display);
      notes.forEach((note) => (note.style.display = 'none'));
      try {
        return this.keepLines(block, first, offset, result, rendered, bounds);
      } finally {
        notes.forEach((note, index) => (note.style.display = displays[index]!));
      }
    }

    keepLines(block: Element, first: Node, offset: number, result: Range, rendered: Element, bounds: DOMRect): Range {
      const style = getComputedStyle(block);
      const orphans = Number(style.orphans) || 2;
      const widows = Number(style.widows) || 2;
      const lines = linesOf(block, bounds);
      const probe = document.createRange();
      if (first.nodeType === Node.TEXT_NODE) {
        const length = (first as Text).data.length;
        probe.setStart(first, Math.min(offset, length - 1));
        probe.setEnd(first, Math.min(offset + 1, length));
      } else probe.selectNode(first);
      const rects = Array.from(probe.getClientRects()).filter((rect) => rect.height > 0);
      const at = first.nodeType === Node.TEXT_NODE ? rects[rects.length - 1] : rects[0];
      if (!at) return result;
      const breakPlace = placeOf(at, bounds);
      const kept = lines.filter((line) => before(line, breakPlace));
      const carried = lines.length - kept.length;
      if (kept.length === 0) return result;
      let keep = kept.length;
      if (carried < widows) keep = kept.length - (widows - carried);
      if (keep >= orphans && keep === kept.length) return result;
      if (keep >= orphans) {
        const start = lineStart(block, kept[keep]!, bounds);
        if (start) return earlier(result, (range) => range.setStart(start.node, start.offset));
      }
      // Too few lines would stay: the paragraph (and the headings above it) moves to the next page.
      const moving = keepWithPrevious(block);
      if (!hasContentBefore(moving, rendered)) return result;
      return earlier(result, (range) => range.setStartBefore(moving));
    }
  }
  Paged.registerHandlers(BreakRules);
}
