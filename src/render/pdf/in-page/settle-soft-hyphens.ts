// In the page, after pagination: keep a soft hyphen only where Chromium broke the line at it, and
// delete every other one: a soft hyphen left inside an unbroken word stays in the PDF's text layer and
// breaks search and copy. At a line break it is right (PDF 2.0, 14.8.2.2.3: a hyphen added by line
// breaking is a soft hyphen in the text). A break is where the letters either side sit on different
// lines (the soft hyphen's own width says nothing: inside an "ff" ligature it gets a share of the
// glyph). Pages do not end inside a word (the engine's break rules). Deleting a soft hyphen that was
// not drawn moves nothing (writing "-" in place of a drawn one did, through kerning); the function
// checks that every changed element kept its box, and names (with its manuscript line) any that did not.
import type { HyphenSettling } from '../in-page-api.js';
import { snippet, sourcePlace } from './source-place.js';

export function settleSoftHyphens(): HyphenSettling {
  const SOFT = '\u00AD';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(SOFT)) nodes.push(node as Text);
  }
  const range = document.createRange();
  const middle = (rect: DOMRect | undefined): number => (rect ? rect.top + rect.height / 2 : NaN);
  /** The middle of the line a character sits on (its last box: a range may also hold the hyphen drawn before it). */
  const lineMiddle = (node: Text, index: number): number => {
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const rects = range.getClientRects();
    return middle(rects[rects.length - 1]);
  };
  /** Does the text between two offsets sit on more than one line? One measurement per word, not per soft hyphen. */
  const spansLines = (node: Text, start: number, end: number): boolean => {
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = Array.from(range.getClientRects()).filter((rect) => rect.height > 0);
    return rects.some((rect) => Math.abs(middle(rect) - middle(rects[0])) > 1);
  };
  // Measure everything first, then write: a read after each write would lay the page out again.
  const plans = nodes.map((node) => {
    const broken = new Set<number>();
    const words = /\S*\u00AD\S*/g;
    for (let word = words.exec(node.data); word; word = words.exec(node.data)) {
      const end = word.index + word[0].length;
      if (!spansLines(node, word.index, end)) continue;
      for (let index = node.data.indexOf(SOFT, word.index); index !== -1 && index < end - 1; index = node.data.indexOf(SOFT, index + 1)) {
        if (index > 0 && lineMiddle(node, index + 1) - lineMiddle(node, index - 1) > 1) broken.add(index);
      }
    }
    const parent = node.parentElement!;
    return { node, broken, parent, box: parent.getBoundingClientRect() };
  });
  let broken = 0;
  let removed = 0;
  for (const plan of plans) {
    let text = '';
    for (let index = 0; index < plan.node.data.length; index++) {
      const character = plan.node.data[index]!;
      if (character !== SOFT) text += character;
      else if (plan.broken.has(index)) {
        text += SOFT;
        broken += 1;
      } else removed += 1;
    }
    plan.node.data = text;
  }
  const moved = new Set<Element>();
  for (const plan of plans) {
    const box = plan.parent.getBoundingClientRect();
    if (Math.abs(box.height - plan.box.height) > 0.5 || Math.abs(box.top - plan.box.top) > 0.5) moved.add(plan.parent);
  }
  return {
    broken,
    removed,
    moved: Array.from(moved, (element) => {
      const place = sourcePlace(element);
      return { text: snippet(element.textContent, 40), ...(place ? { place } : {}) };
    }),
  };
}
