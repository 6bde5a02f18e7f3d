// Where each print page starts, in terms both renderers share: the section, the number of a text block
// in that section's tree (an element with text of its own, counted in tree order from the publication's
// own hast, before either renderer changes it) and how many characters of that block come before the
// page's first. The PDF renderer marks the blocks in the print HTML and reads the starts off the
// laid-out pages (in-page/page-starts.ts); the EPUB renderer finds the same blocks in its copy of the
// same tree and puts a page-break marker there. Characters are counted without white space, soft
// hyphens and zero-width spaces, which the print adds or moves where lines and pages break.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { PageStart } from './pdf/in-page-api.js';

export type { PageStart };

/** The attribute the print HTML gives each text block: `<section kind>:<number>`. */
export const TEXT_BLOCK_ATTRIBUTE = 'data-text-block';

const NOT_COUNTED = /[\s\u00AD\u200B]/gu;

/** How many characters of `text` count towards a page start's offset. */
export function countedLength(text: string): number {
  return text.replace(NOT_COUNTED, '').length;
}

/** The section's text blocks in tree order: every element with a text child that counts. */
export function textBlocks(tree: Root | Element): Element[] {
  const blocks: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.children.some((child) => child.type === 'text' && countedLength(child.value) > 0)) blocks.push(node);
  });
  return blocks;
}

/** The print side: each of the blocks (found before the tree changed) gets its `kind:number`. */
export function markTextBlocks(blocks: Element[], kind: string): void {
  blocks.forEach((block, index) => {
    block.properties.dataTextBlock = `${kind}:${index}`;
  });
}
