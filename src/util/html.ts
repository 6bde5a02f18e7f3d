// hast to HTML text, the unified way (rehype-stringify): the print page, the section templates'
// HTML inputs (biographies, notes) and anything else that needs markup from a tree.
import type { Nodes, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const stringifier = unified().use(rehypeStringify);

export function hastToHtml(tree: Nodes): string {
  const root: Root = tree.type === 'root' ? tree : { type: 'root', children: [tree] };
  return stringifier.stringify(root);
}
