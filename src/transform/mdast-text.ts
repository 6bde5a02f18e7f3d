// Small helpers over mdast shared by the import plugins.
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The plain text of a node, whitespace collapsed. */
export function plainText(node: RootContent | Paragraph): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** A paragraph whose only content is strong (bold) text: `**Name**`. */
export function isBoldLine(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'strong';
}
