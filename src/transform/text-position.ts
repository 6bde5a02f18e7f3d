// The manuscript line and column of a character inside a text node. A text node knows where it
// starts; after a line break inside it, the next source line may begin with a prefix the text does
// not hold (a block quote's "> ", a list item's indent), so the line's text is found in the source
// line itself (vfile-location gives the source lines).
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

const locations = new WeakMap<VFile, ReturnType<typeof location>>();

export function pointInText(file: VFile, start: Point | undefined, value: string, offset: number): Point | undefined {
  if (!start) return undefined;
  const before = value.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  if (lastBreak < 0) return { line: start.line, column: start.column + offset };
  const line = start.line + before.split('\n').length - 1;
  let where = locations.get(file);
  if (!where) locations.set(file, (where = location(file)));
  const lineStart = where.toOffset({ line, column: 1 });
  const lineEnd = where.toOffset({ line: line + 1, column: 1 });
  const source = lineStart === undefined ? undefined : String(file.value).slice(lineStart, lineEnd ?? undefined);
  // The text of this line as the node holds it (micromark drops a continuation line's leading spaces).
  const lineText = value.slice(lastBreak + 1).split('\n')[0]!;
  const found = source === undefined || lineText === '' ? -1 : source.indexOf(lineText);
  return { line, column: (found < 0 ? 0 : found) + (offset - lastBreak - 1) + 1 };
}
