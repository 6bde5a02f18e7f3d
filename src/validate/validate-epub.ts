// Validate one EPUB with every validator at hand: epubcheck-ts always, Java EPUBCheck when installed.
import { readFileSync } from 'node:fs';
import { epubcheckJava, findJavaEpubcheck } from './epubcheck-java.js';
import { epubcheckTs } from './epubcheck-ts.js';
import type { ValidationReport } from './report.js';

export interface EpubValidation {
  reports: ValidationReport[];
  /** Validators that were not found and so did not run (a note for the user). */
  skipped: string[];
}

export async function validateEpub(file: string, env: NodeJS.ProcessEnv = process.env): Promise<EpubValidation> {
  const reports = [await epubcheckTs(new Uint8Array(readFileSync(file)))];
  const skipped: string[] = [];
  const jar = findJavaEpubcheck(env);
  if (jar) reports.push(await epubcheckJava(file, jar));
  else skipped.push('EPUBCheck (Java): not installed (apt-get install epubcheck, or set EPUBCHECK_JAR)');
  return { reports, skipped };
}
