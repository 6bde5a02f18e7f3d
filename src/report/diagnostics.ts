// Problems are vfile messages; this formats them as `file:line:column: severity: message (rule-id)`
// and carries them out of a failed stage.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export class DiagnosticError extends Error {
  constructor(
    readonly file: VFile,
    readonly messages: VFileMessage[],
  ) {
    super(messages.map((message) => formatMessage(message, file)).join('\n'));
    this.name = 'DiagnosticError';
  }
}

export function isError(message: VFileMessage): boolean {
  return message.fatal === true;
}

/** gcc style, which editors and CI annotators link to the line. */
export function formatMessage(message: VFileMessage, file: VFile, cwd = process.cwd()): string {
  const name = file.path ? path.relative(cwd, file.path) || file.path : '<input>';
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
  const rule = message.ruleId ? ` (${message.ruleId})` : '';
  return `${name}:${line}:${column}: ${severity}: ${message.reason}${rule}`;
}

/** A fatal problem (an error) on the file, at a line and column. */
export function refuse(file: VFile, reason: string, ruleId: string, line = 1, column = 1): void {
  file.message(reason, { place: { line, column }, ruleId, source: 'avim-press' }).fatal = true;
}

/** Throw when the file carries any error; warnings stay on the file for the report. */
export function failOnErrors(file: VFile, strict = false): void {
  const failing = file.messages.filter((message) => isError(message) || (strict && message.fatal === false));
  if (failing.length > 0) throw new DiagnosticError(file, failing);
}
