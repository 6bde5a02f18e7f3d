// What a validator found in one EPUB, and how it is printed: like the build's diagnostics,
// `book.epub/OEBPS/body.xhtml:12:4: error: message (RSC-005, EPUBCheck 4.2.6)`.
export type ProblemSeverity = 'fatal' | 'error' | 'warning';

export interface ValidationProblem {
  severity: ProblemSeverity;
  /** The validator's message id: RSC-005, OPF-030 ... */
  id: string;
  message: string;
  /** Path inside the EPUB, when the validator gives one. */
  path?: string;
  line?: number;
  column?: number;
}

export interface ValidationReport {
  /** Name and version: "EPUBCheck 4.2.6", "epubcheck-ts 0.7.0". */
  validator: string;
  problems: ValidationProblem[];
}

export const countErrors = (report: ValidationReport) => report.problems.filter((problem) => problem.severity !== 'warning').length;
export const countWarnings = (report: ValidationReport) => report.problems.filter((problem) => problem.severity === 'warning').length;

export function formatProblem(epub: string, problem: ValidationProblem, validator: string): string {
  const where = problem.path ? `${epub}/${problem.path}${problem.line && problem.line > 0 ? `:${problem.line}${problem.column && problem.column > 0 ? `:${problem.column}` : ''}` : ''}` : epub;
  const severity = problem.severity === 'fatal' ? 'error' : problem.severity;
  return `${where}: ${severity}: ${problem.message.replace(/\s+/g, ' ').trim()} (${problem.id}, ${validator})`;
}

export function formatSummary(epub: string, report: ValidationReport): string {
  const errors = countErrors(report);
  const warnings = countWarnings(report);
  return `${epub}: ${report.validator}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}
