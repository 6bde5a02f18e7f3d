// Pandoc's inline notes, `text^[the note's text]`, as real footnotes. micromark has no extension for
// them in remark 15 (the old remark-footnotes one is gone), and without a note definition CommonMark
// leaves `^[...]` as text around whatever inline nodes the brackets enclose — so the brackets are
// matched here, across sibling nodes, and the enclosed content becomes a footnoteDefinition.
import type { FootnoteDefinition, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const INLINE_PREFIX = 'inline-note-';

export default function remarkInlineNotes() {
  return (tree: Root, file: VFile) => {
    const definitions: FootnoteDefinition[] = [];
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const children = node.children as PhrasingContent[];
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!;
        if (child.type !== 'text') continue;
        const start = child.value.indexOf('^[');
        if (start < 0) continue;
        const match = findClose(children, index, start + 2);
        if (!match) {
          const place = child.position?.start;
          file.message('Inline note `^[` is never closed with `]`', {
            place: place ? { line: place.line, column: place.column + start } : undefined,
            ruleId: 'note-unclosed',
            source: 'avim-press',
          }).fatal = true;
          continue;
        }
        const label = `${INLINE_PREFIX}${definitions.length + 1}`;
        const content = extract(children, index, start, match);
        definitions.push({
          type: 'footnoteDefinition',
          identifier: label,
          label,
          children: [{ type: 'paragraph', children: content }],
          position: child.position,
        });
        // Replace [text before][^[ ... ]][text after] with [before][reference][after].
        const before = child.value.slice(0, start);
        const closing = children[match.index] as Text;
        const after = closing.value.slice(match.offset + 1);
        const replacement: PhrasingContent[] = [];
        if (before) replacement.push({ type: 'text', value: before, position: child.position });
        replacement.push({ type: 'footnoteReference', identifier: label, label, position: child.position });
        if (after) replacement.push({ type: 'text', value: after });
        children.splice(index, match.index - index + 1, ...replacement);
      }
    });
    tree.children.push(...definitions);
  };
}

interface Close {
  /** Index of the text node holding the closing bracket. */
  index: number;
  /** Offset of the bracket in that node. */
  offset: number;
}

/** The `]` that closes the note, counting nested brackets in text (links are whole nodes). */
function findClose(children: PhrasingContent[], index: number, from: number): Close | undefined {
  let depth = 0;
  for (let current = index; current < children.length; current++) {
    const node = children[current]!;
    if (node.type !== 'text') continue;
    const text = node.value;
    for (let offset = current === index ? from : 0; offset < text.length; offset++) {
      if (text[offset] === '[') depth++;
      else if (text[offset] === ']') {
        if (depth === 0) return { index: current, offset };
        depth--;
      }
    }
  }
  return undefined;
}

/** The phrasing content between `^[` and its `]`. */
function extract(children: PhrasingContent[], index: number, start: number, close: Close): PhrasingContent[] {
  const first = children[index] as Text;
  if (close.index === index) return [{ type: 'text', value: first.value.slice(start + 2, close.offset) }];
  const content: PhrasingContent[] = [];
  const head = first.value.slice(start + 2);
  if (head) content.push({ type: 'text', value: head });
  content.push(...children.slice(index + 1, close.index));
  const tail = (children[close.index] as Text).value.slice(0, close.offset);
  if (tail) content.push({ type: 'text', value: tail });
  return content;
}
