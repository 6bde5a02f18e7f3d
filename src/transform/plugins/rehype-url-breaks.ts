// A web address shown as text is one long word: a line cannot break inside it, so it runs into the
// margin or off a phone's screen, or leaves a gappy justified line before it. It gets break
// opportunities (<wbr>, which adds no character, so the address a reader copies is unchanged) where
// style guides break addresses: after a slash, an underscore or =, &, ?, #, and before a dot.
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

const ADDRESS = /^(https?:\/\/|www\.)\S{20,}$/i;
// Split points: the position right after / _ = & ? # (not inside "//"), or right before a dot.
const BREAK = /(?<=[_=&?#])|(?<=[^/:]\/)(?!\/)|(?=\.(?!$))/g;

export default function rehypeUrlBreaks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      node.children = node.children.flatMap((child) => (child.type === 'text' && ADDRESS.test(child.value) ? withBreaks(child) : [child]));
    });
  };
}

function withBreaks(text: Text): ElementContent[] {
  const parts = text.value.split(BREAK).filter(Boolean);
  const start = text.position?.start;
  const out: ElementContent[] = [];
  let offset = 0;
  parts.forEach((part, index) => {
    if (index > 0) out.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
    const piece: Text = { type: 'text', value: part };
    // Each piece keeps its place in the manuscript (an address is on one line).
    if (start) {
      const at = { line: start.line, column: start.column + offset, ...(start.offset !== undefined ? { offset: start.offset + offset } : {}) };
      piece.position = { start: at, end: { ...at, column: at.column + part.length, ...(at.offset !== undefined ? { offset: at.offset + part.length } : {}) } };
    }
    out.push(piece);
    offset += part.length;
  });
  return out;
}
