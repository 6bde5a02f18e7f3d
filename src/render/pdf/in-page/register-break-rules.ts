// In the page, before pagination: a Paged.js handler for where a page may break inside text, which
// Paged.js 0.4.3 leaves to chance.
// - Words: Paged.js breaks at the first letter it finds below the page, and reads a letter after a
//   drawn hyphen as still on the line above (seen: "emphas-" / "ized"). The break goes back to the
//   word's last break point (soft hyphen) before it, else to the word's start.
// - Orphans and widows (CSS `orphans`, `widows` of the paragraph): fewer lines than that are not left
//   at the foot of a page or carried to the next; the paragraph then moves whole, with a heading
//   before it (headings are `break-after: avoid`).
export function registerBreakRules(): void {
  interface PagedGlobal {
    Handler: new (...args: unknown[]) => object;
    registerHandlers(...handlers: unknown[]): void;
  }
  const { Paged } = globalThis as unknown as { Paged: PagedGlobal };
  const SOFT = '\u00AD';
  const BLOCK = 'p, li, dd, dt, figcaption, blockquote';

  /** Middles of the lines a block's text sits on, top to bottom. */
  const lineMiddles = (block: Element): number[] => {
    const range = document.createRange();
    range.selectNodeContents(block);
    const middles: number[] = [];
    for (const rect of Array.from(range.getClientRects())) {
      if (rect.height === 0 || rect.width === 0) continue;
      const middle = rect.top + rect.height / 2;
      if (!middles.some((known) => Math.abs(known - middle) < rect.height / 2)) middles.push(middle);
    }
    return middles.sort((a, b) => a - b);
  };

  /** Where a line starts: the first word (text position) whose middle is at or below `middle`. */
  const lineStart = (block: Element, middle: number): { node: Text; offset: number } | undefined => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let offset = 0; offset < node.data.length; offset++) {
        if (/\s/.test(node.data[offset]!) || (offset > 0 && !/\s/.test(node.data[offset - 1]!))) continue;
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rects = range.getClientRects();
        const rect = rects[rects.length - 1];
        if (rect && rect.top + rect.height / 2 >= middle - 1) return { node, offset };
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

  class BreakRules extends Paged.Handler {
    onOverflow(overflow: Range | undefined, rendered: Element): Range | undefined {
      if (!overflow) return undefined;
      let result = overflow;
      const container = overflow.startContainer;
      let offset = overflow.startOffset;
      if (container.nodeType === Node.TEXT_NODE) {
        // Words: back to the last soft hyphen in the word, else to the word's start.
        const text = (container as Text).data;
        if (offset > 0 && offset < text.length && /\S/.test(text[offset - 1]!) && /\S/.test(text[offset]!)) {
          let index = offset - 1;
          while (index >= 0 && /\S/.test(text[index]!) && text[index] !== SOFT) index -= 1;
          offset = index + 1;
          result = overflow.cloneRange();
          result.setStart(container, offset);
        }
      }
      // Orphans and widows, when the break falls inside a paragraph's text.
      const first = container.nodeType === Node.TEXT_NODE ? container : container.childNodes[offset];
      const block = (first?.nodeType === Node.TEXT_NODE ? first.parentElement : (first as Element | undefined))?.closest(BLOCK);
      if (!first || !block || block === first || !rendered.contains(block)) return result;
      const style = getComputedStyle(block);
      const orphans = Number(style.orphans) || 2;
      const widows = Number(style.widows) || 2;
      const lines = lineMiddles(block);
      const probe = document.createRange();
      if (first.nodeType === Node.TEXT_NODE) {
        const length = (first as Text).data.length;
        probe.setStart(first, Math.min(offset, length - 1));
        probe.setEnd(first, Math.min(offset + 1, length));
      } else probe.selectNode(first);
      const rects = Array.from(probe.getClientRects()).filter((rect) => rect.height > 0);
      const at = first.nodeType === Node.TEXT_NODE ? rects[rects.length - 1] : rects[0];
      if (!at) return result;
      const breakMiddle = at.top + at.height / 2;
      const before = lines.filter((middle) => middle < breakMiddle - 1);
      const after = lines.length - before.length;
      if (before.length === 0) return result;
      let keep = before.length;
      if (after < widows) keep = before.length - (widows - after);
      if (keep >= orphans && keep === before.length) return result;
      if (keep >= orphans) {
        const start = lineStart(block, before[keep]!);
        if (start) {
          result = overflow.cloneRange();
          result.setStart(start.node, start.offset);
          return result;
        }
      }
      // Too few lines would stay: the paragraph (and the headings above it) moves to the next page.
      const moving = keepWithPrevious(block);
      if (!hasContentBefore(moving, rendered)) return result;
      result = overflow.cloneRange();
      result.setStartBefore(moving);
      return result;
    }
  }
  Paged.registerHandlers(BreakRules);
}
