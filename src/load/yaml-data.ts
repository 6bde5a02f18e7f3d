// Parse YAML (front matter, brand file, config file) and validate it against a zod schema, reporting
// every problem on the VFile at the exact line and column of the offending key or value.
import leven from 'leven';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { problem } from '../problems/problem.js';

export interface YamlOrigin {
  /** 1-based line of the YAML text's first line in the file (front matter starts after `---`). */
  line: number;
  /** Rule-id prefix: `frontmatter`, `brand`, `config`, `locale`. */
  ruleId: 'frontmatter' | 'brand' | 'config' | 'locale';
  /** Where the file is reported from (vfile's `source` field). */
  source: string;
}

type Position = { line: number; column: number };

export function parseYamlData<Schema extends z.ZodType>(text: string, schema: Schema, file: VFile, origin: YamlOrigin): z.output<Schema> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + origin.line - 1, column: col };
  };
  const report = (reason: string, place: Position, rule: 'yaml' | 'unknown-key' | 'missing' | 'invalid') => {
    problem(file, reason, { place, ruleId: `${origin.ruleId}-${rule}`, source: origin.source });
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      report(`Invalid YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]), 'yaml');
    }
    return undefined;
  }

  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  for (const issue of result.error.issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = closest(key, knownKeysAt(schema, path));
        const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
        report(`Unknown key "${[...path, key].join('.')}"${hint}`, at(keyOffset(doc.getIn(path, true), key) ?? 0), 'unknown-key');
      }
      continue;
    }
    const node = doc.getIn(path, true) as YamlNode | undefined;
    const name = path.length > 0 ? `"${path.join('.')}"` : 'The data';
    const missing = node === undefined && issue.code === 'invalid_type';
    const reason = missing && path.length > 0 ? `Missing ${name}: ${issue.message}` : `${name} ${issue.message}`;
    const offset = node?.range?.[0] ?? keyOffset(doc.getIn(path.slice(0, -1), true), String(path.at(-1))) ?? 0;
    report(reason, at(offset), missing ? 'missing' : 'invalid');
  }
  return undefined;
}

function keyOffset(parent: unknown, key: string): number | undefined {
  if (!isMap(parent)) return undefined;
  for (const pair of parent.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair.key.range?.[0];
  }
  return undefined;
}

function closest(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = leven(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** The keys an object schema accepts at a path, looking through optional, default, array and union. */
function knownKeysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  const objects = objectSchemasAt(schema, path);
  return [...new Set(objects.flatMap((object) => Object.keys(object.shape)))];
}

function objectSchemasAt(schema: z.ZodType, path: (string | number)[]): z.ZodObject[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodUnion) return inner.options.flatMap((option) => objectSchemasAt(option as z.ZodType, path));
  if (path.length === 0) return inner instanceof z.ZodObject ? [inner] : [];
  const [head, ...rest] = path;
  if (inner instanceof z.ZodArray && typeof head === 'number') return objectSchemasAt(inner.element as z.ZodType, rest);
  if (inner instanceof z.ZodObject && typeof head === 'string' && head in inner.shape) {
    return objectSchemasAt(inner.shape[head] as z.ZodType, rest);
  }
  return [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodNullable || current instanceof z.ZodPipe) {
    current = (current instanceof z.ZodPipe ? current.in : current.unwrap()) as z.ZodType;
  }
  return current;
}

/** Where a front-matter value's text is in the file, to locate problems found later inside it. */
export interface ValuePlace {
  /** The file line and column where the value's text begins (a block scalar: its first content line). */
  line: number;
  column: number;
  /** `|`: the text keeps its lines, so every position inside it maps exactly; else only its start does. */
  literal: boolean;
  /** The column (1-based) at which a literal block's lines begin. */
  indentColumn: number;
}

/**
 * The place of every scalar value in a YAML text, by its dotted path ("title", "author.0.bio"), given
 * the file line of the text's first line.
 */
export function valuePlaces(text: string, firstLine: number): Map<string, ValuePlace> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const places = new Map<string, ValuePlace>();
  const lines = text.split('\n');
  const visitNode = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) visitNode(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visitNode(item, [...path, String(index)]));
    } else if (isScalar(node) && node.range) {
      const start = lineCounter.linePos(node.range[0]);
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      // A block's text begins on the line after its indicator, at the block's indentation.
      const contentLine = block ? start.line + 1 : start.line;
      const indent = block ? /^ */.exec(lines[contentLine - 1] ?? '')![0].length : start.col - 1 + (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0);
      places.set(path.join('.'), {
        line: contentLine + firstLine - 1,
        column: indent + 1,
        literal: node.type === 'BLOCK_LITERAL' || (node.type === 'PLAIN' && !String(node.source ?? node.value).includes('\n')),
        indentColumn: indent + 1,
      });
    }
  };
  visitNode(doc.contents, []);
  return places;
}
