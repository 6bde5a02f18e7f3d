// A table column's alignment (GFM `|:--|--:|`, or a raw `<td align>`) as a class the stylesheets
// align by: XHTML5 has no `align` attribute (EPUBCheck reports RSC-005), and inline styles are not
// the manuscript's to set. `align-left`, `align-center`, `align-right` on th and td.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const ALIGNMENTS = new Set(['left', 'center', 'right']);

export default function rehypeTableAlignment() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties.align;
      delete node.properties.align;
      if (typeof align !== 'string' || !ALIGNMENTS.has(align.toLowerCase())) return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, `align-${align.toLowerCase()}`];
    });
  };
}
