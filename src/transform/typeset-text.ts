// Typographic quotes, apostrophes and dashes for a single text outside the Markdown body (a title, a
// name, a role): the same transform as the body's, in the document's language.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

export function typesetText(value: string, typeset: (tree: Root) => void): string {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
  typeset(tree);
  return toString(tree);
}
