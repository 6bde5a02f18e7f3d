// Lint the notes as remark-lint rules do: each problem is a message at the node's position.
//   note-undefined (error)   a call [^x] with no note x
//   note-unused (warning)    a note never called
//   note-duplicate (error)   two notes with one label
//   note-empty (error)       a note with no content
import type { FootnoteDefinition, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

// micromark only parses [^x] as a call when a note x exists; what is left as text is a dangling call.
const danglingCall = /\[\^([^\]\s]+)\]/g;

export default function remarkCheckNotes() {
  return (tree: Root, file: VFile) => {
    const error = (reason: string, place: FootnoteDefinition['position'], ruleId: string) => {
      const message = file.message(reason, { place, ruleId, source: 'avim-press' });
      message.fatal = true;
    };
    const definitions = new Map<string, FootnoteDefinition>();
    const called = new Set<string>();

    visit(tree, (node) => {
      if (node.type === 'footnoteReference') called.add(node.identifier);
      if (node.type === 'footnoteDefinition') {
        const first = definitions.get(node.identifier);
        if (first) {
          error(
            `Note "${node.label ?? node.identifier}" is defined twice (first at line ${first.position?.start.line})`,
            node.position,
            'note-duplicate',
          );
        } else definitions.set(node.identifier, node);
        if (toString(node).trim() === '') {
          error(`Note "${node.label ?? node.identifier}" is empty`, node.position, 'note-empty');
        }
      }
      if (node.type === 'text') {
        for (const match of node.value.matchAll(danglingCall)) {
          const start = node.position?.start;
          // Positions inside a text node: exact when the text has no escapes or line breaks before the call.
          const place = start ? { line: start.line, column: start.column + match.index } : undefined;
          error(`Call to note "${match[1]}", but no such note is defined`, place ? { start: place, end: place } : undefined, 'note-undefined');
        }
      }
    });

    for (const [identifier, definition] of definitions) {
      if (!called.has(identifier)) {
        file.message(`Note "${definition.label ?? identifier}" is never called in the text`, {
          place: definition.position,
          ruleId: 'note-unused',
          source: 'avim-press',
        });
      }
    }
  };
}
