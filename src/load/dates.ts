// The dates an artifact carries, never from the build's clock (two builds of the same manuscript must
// give the same bytes, and a book printed in 2027 from a 2024 manuscript is not "© 2027"):
//   the publication date and the copyright year: the front matter's `date`, else SOURCE_DATE_EPOCH,
//     else the manuscript's last git commit, else the file's modification time;
//   the modification date (dcterms:modified, the PDF's dates): SOURCE_DATE_EPOCH, else the last
//     commit, else the front matter's date, else the file's time.
// Which one was used is said, as information at the manuscript.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { problem } from '../problems/problem.js';

export interface BuildClock {
  /** SOURCE_DATE_EPOCH, in seconds, when set. */
  sourceDateEpoch?: number;
}

export function readClock(env: NodeJS.ProcessEnv = process.env): BuildClock {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return {};
  if (!/^\d+$/.test(value)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${value}"`);
  return { sourceDateEpoch: Number(value) };
}

export type DateSource = 'front matter' | 'SOURCE_DATE_EPOCH' | 'git commit' | 'file time';

export interface PublicationDates {
  /** The year the copyright line ends with. */
  year: number;
  /** The publication date for metadata (YYYY, YYYY-MM or YYYY-MM-DD): as written, else the day of `yearSource`. */
  issued: string;
  yearSource: DateSource;
  /** When the artifacts say they were made. */
  modified: Date;
  modifiedSource: DateSource;
}

/** The date of the manuscript's last commit, when the dates will need it (without SOURCE_DATE_EPOCH):
 * asked of git at once, while the manuscript is transformed (a process: 10-15 ms waited for otherwise). */
export function commitDateLookup(file: VFile, clock: BuildClock): Promise<Date | null> {
  return clock.sourceDateEpoch === undefined ? lastCommitDate(file.path) : Promise.resolve(null);
}

/** The dates of a manuscript; `written` is its front matter's `date`, when it gives one; `commit` what
 * commitDateLookup found. */
export function publicationDates(file: VFile, written: string | undefined, clock: BuildClock, commit: Date | null): PublicationDates {
  const epoch = clock.sourceDateEpoch !== undefined ? new Date(clock.sourceDateEpoch * 1000) : undefined;
  const committed = () => commit ?? undefined;
  const fileTime = () => statSync(file.path).mtime;
  const writtenDate = written ? new Date(`${written.length === 4 ? `${written}-01-01` : written.length === 7 ? `${written}-01` : written}T00:00:00Z`) : undefined;

  const [yearDate, yearSource]: [Date, DateSource] = writtenDate
    ? [writtenDate, 'front matter']
    : epoch
      ? [epoch, 'SOURCE_DATE_EPOCH']
      : committed()
        ? [committed()!, 'git commit']
        : [fileTime(), 'file time'];
  const [modified, modifiedSource]: [Date, DateSource] = epoch
    ? [epoch, 'SOURCE_DATE_EPOCH']
    : committed()
      ? [committed()!, 'git commit']
      : writtenDate
        ? [writtenDate, 'front matter']
        : [fileTime(), 'file time'];
  const day = (date: Date) => date.toISOString().slice(0, 10);
  // SOURCE_DATE_EPOCH was asked for; a date found otherwise is said.
  if (yearSource === 'git commit' || yearSource === 'file time') {
    const from = yearSource === 'git commit' ? "the manuscript's last git commit" : "the manuscript file's modification time";
    problem(file, `No \`date\` in the front matter: dated ${day(yearDate)} from ${from} (give \`date\` to fix it)`, { ruleId: 'date-source', severity: 'info' });
  }
  return { year: yearDate.getUTCFullYear(), issued: written ?? day(yearDate), yearSource, modified, modifiedSource };
}

/** The date of the last commit that touched the file, or null outside a git work tree. */
function lastCommitDate(file: string): Promise<Date | null> {
  return new Promise((resolve) => {
    execFile('git', ['log', '-1', '--format=%ct', '--', path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8', timeout: 10_000 }, (error, stdout) => {
      const seconds = stdout.trim();
      resolve(!error && /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000) : null);
    });
  });
}
