// Captions that lists of figures and tables, and cross-references, can point to. A table's caption
// is written as pandoc writes it (GFM tables have none): a paragraph `Table: The caption` just
// before the table becomes the table's <caption>. A figure's is raw HTML's <figure><figcaption>.
// Every captioned figure and table without an id gets `figure-N` / `table-N` (in the file's order),
// so `[Table 2](#table-2)` leads to it.
import type { Element, ElementContent, ElementData, Root } from 'hast';
import { visit } from 'unist-util-visit';

const CAPTION_PREFIX = /^\s*[Tt]able:\s*/;

declare module 'hast' {
  interface ElementData {
    /** The id was made here (figure-N, table-N), not written: a book numbers it again per chapter. */
    generatedId?: boolean;
  }
}

export default function rehypeCaptions() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      node.children = withTableCaptions(node.children);
    });
    tree.children = withTableCaptions(tree.children as ElementContent[]);
    const taken = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    const counts = { figure: 0, table: 0 };
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName !== 'figure' && node.tagName !== 'table') || !captionOf(node)) return;
      const kind = node.tagName;
      const number = ++counts[kind];
      if (typeof node.properties.id === 'string') return;
      let id = `${kind}-${number}`;
      for (let n = 2; taken.has(id); n++) id = `${kind}-${number}-${n}`;
      taken.add(id);
      node.properties.id = id;
      // (A parser's augmentation types `position` in ElementData as always there; it is optional.)
      node.data = { ...(node.data as ElementData), generatedId: true };
    });
  };
}

/** A figure's <figcaption> or a table's <caption>, when it has one. */
export function captionOf(node: Element): Element | undefined {
  const tag = node.tagName === 'figure' ? 'figcaption' : node.tagName === 'table' ? 'caption' : undefined;
  return node.children.find((child): child is Element => child.type === 'element' && child.tagName === tag);
}

/** The siblings with each `Table: …` paragraph that comes just before a table (white space between
 * them aside) moved into that table as its caption. */
function withTableCaptions(children: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'element' && child.tagName === 'table' && !captionOf(child)) {
      let index = result.length - 1;
      while (index >= 0 && result[index]!.type === 'text' && (result[index] as { value: string }).value.trim() === '') index--;
      const previous = result[index];
      if (previous?.type === 'element' && previous.tagName === 'p' && startsWithPrefix(previous)) {
        result.splice(index);
        child.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: withoutPrefix(previous.children), ...(previous.position ? { position: previous.position } : {}) });
      }
    }
    result.push(child);
  }
  return result;
}

function startsWithPrefix(paragraph: Element): boolean {
  const first = paragraph.children[0];
  if (first?.type !== 'text' || !CAPTION_PREFIX.test(first.value)) return false;
  // "Table:" alone is no caption.
  return first.value.replace(CAPTION_PREFIX, '').trim() !== '' || paragraph.children.length > 1;
}

function withoutPrefix(children: ElementContent[]): ElementContent[] {
  const [first, ...rest] = children;
  if (first?.type !== 'text') return children;
  const value = first.value.replace(CAPTION_PREFIX, '');
  return value === '' ? rest : [{ ...first, value }, ...rest];
}
