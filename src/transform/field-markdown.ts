// Markdown inside a front-matter value (an author's bio) parsed where it stands: every node's position
// is moved to the manuscript's own line and column (exact for a `|` block, whose lines are kept; the
// start line otherwise), so a problem found in it later points at the manuscript, like the body's.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { ValuePlace } from '../load/yaml-data.js';

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseFieldMarkdown(text: string, place: ValuePlace | undefined, manuscript: VFile): Root {
  const tree = parser.runSync(parser.parse(new VFile({ path: manuscript.path, value: text }))) as Root;
  if (!place) {
    visit(tree, (node) => void delete node.position);
    return tree;
  }
  const where = location(manuscript);
  const move = (point: Point): Point => {
    const moved = place.literal ? { line: place.line + point.line - 1, column: (point.line === 1 ? place.column : place.indentColumn) + point.column - 1 } : { line: place.line, column: place.column };
    const offset = where.toOffset(moved);
    return offset === undefined ? moved : { ...moved, offset };
  };
  visit(tree, (node) => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
  });
  return tree;
}
