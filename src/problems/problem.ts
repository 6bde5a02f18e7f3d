// Every problem the tool finds is a vfile message on the document's file, made here the way
// unified-lint-rule makes them: `source` (who found it), `ruleId` (what rule), `fatal` (true for an
// error, false for a warning, undefined for information) and `url` (where the rule is explained).
// Stages add messages; only the reporter (src/report) turns them into text.
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { ruleUrl, type RuleId } from './rules.js';

declare module 'vfile-message' {
  interface VFileMessage {
    /** The PDF page (from 1) a problem found on the laid-out pages is on: the review sheet marks it. */
    page?: number | undefined;
  }
}

export type Severity = 'error' | 'warning' | 'info';

export interface ProblemOptions {
  ruleId: RuleId;
  /** Where in the file: a point or a range (line and column are 1-based). */
  place?: Point | Position | { line: number; column?: number } | undefined;
  severity?: Severity;
  /** Who found it: avim-press (default), or a validator ("EPUBCheck 4.2.6"). */
  source?: string;
  /** Which file of an artifact it is in, when not the manuscript (an EPUB's OEBPS/body.xhtml). */
  note?: string;
  /** The PDF page (from 1) it is on, for a problem found on the laid-out pages. */
  page?: number | undefined;
  cause?: Error;
}

/** Add a problem to the file and return it. */
export function problem(file: VFile, reason: string, options: ProblemOptions): VFileMessage {
  const place = normalisePlace(options.place);
  const message = file.message(reason, {
    ...(place ? { place } : {}),
    ruleId: options.ruleId,
    source: options.source ?? 'avim-press',
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
  });
  const severity = options.severity ?? 'error';
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  message.url = ruleUrl(options.ruleId);
  if (options.note) message.note = options.note;
  if (options.page !== undefined) message.page = options.page;
  return message;
}

export const severityOf = (message: VFileMessage): Severity => (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info');

export const isError = (message: VFileMessage): boolean => message.fatal === true;

function normalisePlace(place: ProblemOptions['place']): Point | Position | undefined {
  if (!place) return undefined;
  if ('start' in place) return place;
  return { line: place.line, column: place.column ?? 1 };
}

/** A stage stopped on errors: they are on the file as messages, for the reporter to print. */
export class FatalProblems extends Error {
  constructor(
    readonly file: VFile,
    readonly messages: VFileMessage[],
  ) {
    super(messages.map((message) => message.reason).join('\n'));
    this.name = 'FatalProblems';
  }
}

/** Throw when the file carries an error (or, strict, a warning); the messages stay on the file. */
export function failOnErrors(file: VFile, strict = false): void {
  const failing = file.messages.filter((message) => isError(message) || (strict && message.fatal === false));
  if (failing.length > 0) throw new FatalProblems(file, failing);
}

/**
 * A problem another tool found (a validator: EPUBCheck's RSC-005), under that tool's own rule id, in
 * a file of an artifact (`dist/book.epub/OEBPS/body.xhtml`) rather than the manuscript.
 */
export function foreignProblem(
  file: VFile,
  reason: string,
  options: { ruleId: string; source: string; severity: Severity; inFile: string; place?: { line: number; column?: number } | undefined },
): VFileMessage {
  const place = normalisePlace(options.place);
  const message = file.message(reason, { ...(place ? { place } : {}), ruleId: options.ruleId, source: options.source });
  message.fatal = options.severity === 'error' ? true : options.severity === 'warning' ? false : undefined;
  message.file = options.inFile;
  return message;
}
