// What a validator found in one EPUB (validate/validation-messages.ts makes them messages, which the
// reporter prints like the build's own: `book.epub/OEBPS/body.xhtml:12:4: error: … (RSC-005, EPUBCheck 4.2.6)`).
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

export function formatSummary(epub: string, report: ValidationReport): string {
  const errors = countErrors(report);
  const warnings = countWarnings(report);
  return `${epub}: ${report.validator}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}
