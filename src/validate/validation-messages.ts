// What the validators found in an EPUB, as messages on a file (the manuscript's, or the EPUB's own
// for `check`), each at the file inside the EPUB and the line the validator names, under the
// validator's own rule id (RSC-005) and name as its source; a validator that could not run is said.
import type { VFile } from 'vfile';
import { foreignProblem, problem } from '../problems/problem.js';
import type { EpubValidation } from './validate-epub.js';

/** @param epub the EPUB's path as the messages name it (relative to the working folder). */
export function addValidationMessages(file: VFile, epub: string, validation: EpubValidation): void {
  for (const report of validation.reports) {
    for (const found of report.problems) {
      foreignProblem(file, found.message.replace(/\s+/g, ' ').trim(), {
        ruleId: found.id,
        source: report.validator,
        severity: found.severity === 'warning' ? 'warning' : 'error',
        inFile: found.path ? `${epub}/${found.path}` : epub,
        ...(found.line && found.line > 0 ? { place: { line: found.line, ...(found.column && found.column > 0 ? { column: found.column } : {}) } } : {}),
      });
    }
  }
  for (const skipped of validation.skipped) {
    const message = problem(file, `${skipped}: this EPUB was not checked by it`, { ruleId: 'validator-missing', severity: 'warning' });
    message.file = epub;
  }
}
