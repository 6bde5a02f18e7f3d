// @likecoin/epubcheck-ts: the pure TypeScript port of EPUBCheck; runs everywhere, on the bytes. It
// misses some of what EPUBCheck 4.2.6 reports (docs/validators.md), so the Java one runs too when installed.
// Loaded when first used: it takes 0.18 s to import, and a build without --validate never needs it.
import type { ProblemSeverity, ValidationReport } from './report.js';

const REPORTED: ProblemSeverity[] = ['fatal', 'error', 'warning'];

export async function epubcheckTs(bytes: Uint8Array): Promise<ValidationReport> {
  const { EpubCheck, VERSION } = await import('@likecoin/epubcheck-ts');
  const result = await EpubCheck.validate(bytes);
  const problems = result.messages
    .filter((message) => REPORTED.includes(String(message.severity).toLowerCase() as ProblemSeverity))
    .map((message) => ({
      severity: String(message.severity).toLowerCase() as ProblemSeverity,
      id: message.id,
      message: message.message,
      ...(message.location?.path ? { path: message.location.path } : {}),
      ...(message.location?.line ? { line: message.location.line } : {}),
      ...(message.location?.column ? { column: message.location.column } : {}),
    }));
  return { validator: `epubcheck-ts ${VERSION}`, problems };
}
