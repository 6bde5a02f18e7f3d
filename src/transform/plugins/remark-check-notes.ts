// Lint the notes as remark-lint rules do: each problem is a message at the node's position.
//   note-undefined (error)   a call [^x] with no note x
//   note-unused (warning)    a note never called
//   note-duplicate (error)   two notes with one label
//   note-empty (error)       a note with no content
import type { FootnoteDefinition, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';
import type { RuleId } from '../../problems/rules.js';
import { pointInText } from '../text-position.js';

// micromark only parses [^x] as a call when a note x exists; what is left as text is a dangling call.
const danglingCall = /\[\^([^\]\s]+)\]/g;

export default function remarkCheckNotes() {
  return (tree: Root, file: VFile) => {
    const error = (reason: string, place: FootnoteDefinition['position'] | Point, ruleId: RuleId) => problem(file, reason, { place, ruleId });
    const definitions = new Map<string, FootnoteDefinition>();
    const called = new Set<string>();

    visit(tree, (node) => {
      if (node.type === 'footnoteReference') called.add(node.identifier);
      if (node.type === 'footnoteDefinition') {
        const first = definitions.get(node.identifier);
        if (first) {
          error(`Note "${node.label ?? node.identifier}" is defined twice (first at line ${first.position?.start.line})`, node.position, 'note-duplicate');
        } else definitions.set(node.identifier, node);
        if (toString(node).trim() === '') {
          error(`Note "${node.label ?? node.identifier}" is empty`, node.position, 'note-empty');
        }
      }
      if (node.type === 'text') {
        for (const match of node.value.matchAll(danglingCall)) {
          error(`Call to note "${match[1]}", but no such note is defined`, pointInText(file, node.position?.start, node.value, match.index), 'note-undefined');
        }
      }
    });

    for (const [identifier, definition] of definitions) {
      if (!called.has(identifier)) {
        problem(file, `Note "${definition.label ?? identifier}" is never called in the text`, { place: definition.position, ruleId: 'note-unused', severity: 'warning' });
      }
    }
  };
}
