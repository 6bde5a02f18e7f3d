// Heading levels go down one at a time: a `######` right under a `###` (documentation written on
// GitHub does it, for labels such as "Parameters") leaves levels out of the outline a screen reader
// moves through (DAISY Ace: heading-order) and of the PDF's tagged structure. The level is the
// author's to choose and stays as written (it sets the look); the warning says which to use. The
// title, set by the template, counts as the first level-1 heading.
import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';

export default function rehypeCheckHeadingLevels() {
  return (tree: Root, file: VFile) => {
    let previous = { level: 1, text: '' };
    visit(tree, 'element', (node) => {
      const level = headingRank(node);
      if (level === undefined) return;
      const text = toString(node).trim();
      if (level > previous.level + 1) {
        const after = previous.text ? `under a level-${previous.level} heading (“${previous.text}”)` : 'right under the title';
        const skipped = level - previous.level === 2 ? `level ${previous.level + 1}` : `levels ${previous.level + 1}–${level - 1}`;
        problem(file, `The heading “${text}” is level ${level} ${after}: the outline a screen reader follows skips ${skipped} (make it ${'#'.repeat(previous.level + 1)})`, {
          place: node.position,
          ruleId: 'heading-skip',
          severity: 'warning',
        });
      }
      previous = { level, text };
    });
  };
}
