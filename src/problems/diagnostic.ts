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
  /** The PDF page (from 1), for a problem found on the laid-out pages. */
  page?: number;
}

export function toDiagnostic(message: VFileMessage, cwd = process.cwd()): Diagnostic {
  return { file: displayPath(message.file, cwd), ...placeOf(message) };
}

function placeOf(message: VFileMessage): Omit<Diagnostic, 'file'> {
  return {
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: severityOf(message),
    ruleId: message.ruleId ?? 'internal',
    source: message.source ?? 'avim-press',
    reason: message.reason,
    ...(message.url ? { url: message.url } : {}),
    ...(message.page !== undefined ? { page: message.page } : {}),
  };
}

/** A path as people read it: relative inside the working folder, else as it is (absolute, or as given). */
function displayPath(file: string | undefined, cwd: string): string {
  if (!file) return '<input>';
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
