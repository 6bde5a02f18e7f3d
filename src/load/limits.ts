// Inputs too large for the machine are refused up front, with the limit named, instead of being
// discovered by running out of memory or stack. Measured here: a 20 MB manuscript took 37 s and
// 3.4 GB to package; 10 000 nested block quotes overflow the parser's stack; 2 000 nested list
// levels did not parse in 2 minutes.
import type { VFile } from 'vfile';
import { problem } from '../problems/problem.js';

export interface InputLimits {
  /** Bytes of one manuscript (a 300-page book is about 1.5 MB). */
  maxBytes: number;
  /** Nesting of block quotes and lists. */
  maxDepth: number;
  /** Notes in one manuscript. */
  maxNotes: number;
}

export const DEFAULT_LIMITS: InputLimits = { maxBytes: 8 * 1024 * 1024, maxDepth: 64, maxNotes: 5000 };

/** Checks that need no parse: size, and how deep a line nests (block quote markers, list indents). */
export function checkTextLimits(file: VFile, bytes: number, limits: InputLimits = DEFAULT_LIMITS): void {
  if (bytes > limits.maxBytes) {
    const size = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
    problem(file, `The manuscript is ${size(bytes)}; the limit is ${size(limits.maxBytes)} (split it, or raise limits.maxBytes)`, { ruleId: 'limit', place: { line: 1 } });
    return;
  }
  const lines = String(file.value).split('\n');
  let notes = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // Each ">" opens a block quote; about every 2 columns of indent opens a list level.
    const prefix = /^[ \t>]*/.exec(line)![0];
    const quotes = prefix.split('>').length - 1;
    const columns = prefix.replace(/>/g, '').replace(/\t/g, '    ').length;
    const depth = quotes + Math.floor(columns / 2);
    if (depth > limits.maxDepth) {
      problem(file, `Nesting ${depth} levels deep; the limit is ${limits.maxDepth} (block quotes and lists)`, { ruleId: 'limit', place: { line: index + 1 } });
      return;
    }
    // Note definitions ([^x]: ...) and inline notes (^[...]).
    notes += (/^ {0,3}\[\^[^\]]+\]:/.test(line) ? 1 : 0) + (line.split('^[').length - 1);
    if (notes > limits.maxNotes) {
      problem(file, `More than ${limits.maxNotes} notes; the limit is ${limits.maxNotes} (split the manuscript, or raise limits.maxNotes)`, { ruleId: 'limit', place: { line: index + 1 } });
      return;
    }
  }
}
