// The reference EPUBCheck (Java), when Java and the jar are installed (Debian: `apt-get install
// epubcheck`; elsewhere EPUBCHECK_JAR names the jar). Its JSON report is read, not its console text.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ValidationProblem, ValidationReport } from './report.js';

const run = promisify(execFile);
const DEBIAN_JAR = '/usr/share/java/epubcheck.jar';

interface JsonReport {
  messages: { ID: string; severity: string; message: string; locations: { path: string; line: number; column: number }[] }[];
  checker: { checkerVersion: string };
}

/** The jar to run, or undefined when Java or EPUBCheck is missing. */
export function findJavaEpubcheck(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const jar = env.EPUBCHECK_JAR || DEBIAN_JAR;
  if (!existsSync(jar)) return undefined;
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0 ? jar : undefined;
}

export async function epubcheckJava(file: string, jar: string): Promise<ValidationReport> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'avim-press-epubcheck-'));
  const json = path.join(dir, 'report.json');
  try {
    // Exit status 1 means "found errors": the report says which.
    await run('java', ['-jar', jar, '--quiet', '--json', json, file], { maxBuffer: 64 * 1024 * 1024 }).catch((error: unknown) => {
      if (!existsSync(json)) throw new Error(`EPUBCheck did not run: ${(error as Error).message}`);
    });
    const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
    const problems: ValidationProblem[] = [];
    for (const message of report.messages) {
      const severity = message.severity.toLowerCase();
      if (severity !== 'fatal' && severity !== 'error' && severity !== 'warning') continue;
      const location = message.locations[0];
      // A location is a path inside the EPUB, or the EPUB's own name for the container as a whole.
      const inside = location && location.path !== path.basename(file) ? location.path : undefined;
      problems.push({
        severity: severity,
        id: message.ID,
        message: message.locations.length > 1 ? `${message.message} (and ${message.locations.length - 1} more)` : message.message,
        ...(inside ? { path: inside } : {}),
        ...(location && location.line > 0 ? { line: location.line } : {}),
        ...(location && location.column > 0 ? { column: location.column } : {}),
      });
    }
    return { validator: `EPUBCheck ${report.checker.checkerVersion}`, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
