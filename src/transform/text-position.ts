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
  const found = source === undefined || lineText === '' ? undefined : findInSource(source, lineText, offset - lastBreak - 1);
  return { line, column: (found ?? offset - lastBreak - 1) + 1 };
}

// What the typographic pass turns source text into: a text node holds "–" where the file has "--".
const TYPOGRAPHIC: [RegExp, string][] = [
  [/---/y, '—'],
  [/--/y, '–'],
  [/\.\.\./y, '…'],
  [/["']/y, "'"],
];
const QUOTES = /[‘’‚‛“”„«»"]/g;

/**
 * The 0-based index in `source` of the character at `index` of `text` (a line of a text node), found
 * by matching the line against the source with the typographic replacements undone; undefined when
 * the line is not there (escapes, entities).
 */
function findInSource(source: string, text: string, index: number): number | undefined {
  const direct = source.indexOf(text);
  if (direct >= 0) return direct + index;
  // The source in typographic form, each of its characters remembering where it came from.
  let normal = '';
  const from: number[] = [];
  for (let at = 0; at < source.length;) {
    const rule = TYPOGRAPHIC.find(([pattern]) => {
      pattern.lastIndex = at;
      return pattern.test(source);
    });
    const taken = rule ? rule[0].lastIndex - at : 1;
    normal += rule ? rule[1] : source[at];
    from.push(at);
    at += taken;
  }
  const wanted = text.replace(QUOTES, "'");
  const found = normal.indexOf(wanted);
  return found < 0 ? undefined : from[found + index];
}

/**
 * The line and column of a character in a block's text that has no position of its own (a code
 * block's): `firstLine` is the manuscript line of the text's first line; each line's column is found
 * in the source line (behind a quote's "> " or a list's indent).
 */
export function pointInBlockText(file: VFile, firstLine: number, value: string, offset: number): Point {
  const before = value.slice(0, offset);
  const line = firstLine + before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  let where = locations.get(file);
  if (!where) locations.set(file, (where = location(file)));
  const from = where.toOffset({ line, column: 1 });
  const to = where.toOffset({ line: line + 1, column: 1 });
  const source = from === undefined ? '' : String(file.value).slice(from, to ?? undefined);
  const lineText = value.slice(lineStart).split('\n')[0]!;
  const found = lineText === '' ? undefined : findInSource(source, lineText, offset - lineStart);
  return { line, column: (found ?? offset - lineStart) + 1 };
}

/** The manuscript line where a code block's text begins: after its opening fence, if it has one. */
export function codeTextFirstLine(file: VFile, blockStart: Point): number {
  let where = locations.get(file);
  if (!where) locations.set(file, (where = location(file)));
  const from = where.toOffset({ line: blockStart.line, column: blockStart.column });
  const opening = from === undefined ? '' : String(file.value).slice(from, from + 3);
  return opening === '```' || opening === '~~~' ? blockStart.line + 1 : blockStart.line;
}
