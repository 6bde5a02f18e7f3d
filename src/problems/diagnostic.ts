// A problem as plain data, for events and machine output (`--json`): where (file, line, column), how
// bad, which rule, who found it, what. Made from the vfile message; formatting it is the reporter's job.
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { severityOf, type Severity } from './problem.js';

export interface Diagnostic {
  /** The file, relative to the working folder: a manuscript, a brand file, or a file inside an EPUB. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  ruleId: string;
  /** Who found it: avim-press, or a validator ("EPUBCheck 4.2.6"). */
  source: string;
  reason: string;
  /** Where the rule is explained. */
  url?: string;
}

export function toDiagnostic(message: VFileMessage, cwd = process.cwd()): Diagnostic {
  const file = message.file ? (path.isAbsolute(message.file) ? path.relative(cwd, message.file) || message.file : message.file) : '<input>';
  return {
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: severityOf(message),
    ruleId: message.ruleId ?? 'internal',
    source: message.source ?? 'avim-press',
    reason: message.reason,
    ...(message.url ? { url: message.url } : {}),
  };
}
