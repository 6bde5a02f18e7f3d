// `avim-press review`: for each PDF named, or each manuscript (built first, by the normal build, into
// the output folder), a review sheet beside the PDF: every page a numbered thumbnail, the pages the
// build warned about framed (sheet.ts). The marks come from the manifest's record of the PDF's page
// problems (the build ties each problem found on the pages to its page); a PDF the manifest beside it
// does not record gets a sheet without marks and an information message that says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { sha256 } from '../batch/inputs.js';
import { readManifest, type ManifestArtifact } from '../batch/manifest.js';
import type { BuildEvent, BuildOptions, BuildResult } from '../build.js';
import { loadProject, type Project } from '../load/project.js';
import { problem } from '../problems/problem.js';
import { launchBrowser } from '../render/browser.js';
import { writeAtomic } from '../write/atomic-write.js';
import { drawSheets, type Sheet, type SheetProblem, type Thumbnail } from './sheet.js';

export interface ReviewOptions {
  /** PDFs and manuscripts (or folders of manuscripts); default: the configured manuscript folder. */
  inputs: string[];
  /** Where the sheets go (and, for manuscripts, the build's output); default: beside each PDF, the build's output folder. */
  out?: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** The build's events, for a manuscript built first. */
  onEvent?: (event: BuildEvent) => void;
  /** The build (src/build.ts, given by the command line: orchestration comes after this folder). */
  build: (options: BuildOptions) => Promise<BuildResult>;
}

export interface ReviewMark {
  page: number;
  problems: SheetProblem[];
}

export interface ReviewedDocument {
  /** The manuscript (relative to the working folder), or the PDF when nothing records its manuscript. */
  document: string;
  pdf: string;
  /** The first sheet (the only one up to PAGES_PER_SHEET pages). */
  sheet: string;
  sheets: Omit<Sheet, 'png'>[];
  pages: number;
  marks: ReviewMark[];
  /** Where each page's frame is on its sheet. */
  thumbnails: Thumbnail[];
  /** The marks come from a record of the build's problems (false: no record, no marks). */
  recorded: boolean;
}

export interface ReviewResult {
  reviewed: ReviewedDocument[];
  /** Inputs that gave no sheet: a manuscript that failed to build, a PDF that is not there. */
  failures: { input: string; reason: string }[];
  /** Information about the inputs (a PDF with no record), as messages on files. */
  notes: VFile[];
}

interface Target {
  pdf: string;
  document: string;
  record: ManifestArtifact | undefined;
  outDir: string;
  /** A file to say things about this input on. */
  file: VFile;
}

export async function review(options: ReviewOptions): Promise<ReviewResult> {
  const { cwd } = options;
  const env = options.env ?? process.env;
  const project = loadProject(cwd);
  const result: ReviewResult = { reviewed: [], failures: [], notes: [] };
  const given = options.inputs.length > 0 ? options.inputs : [project.config.manuscripts];
  const pdfs = given.filter((input) => path.extname(input).toLowerCase() === '.pdf').map((input) => path.resolve(cwd, input));
  const manuscripts = given.filter((input) => path.extname(input).toLowerCase() !== '.pdf').map((input) => path.resolve(cwd, input));
  const targets: Target[] = [];
  if (manuscripts.length > 0) targets.push(...(await builtTargets(manuscripts, project, options, env, result)));
  for (const pdf of pdfs) {
    const target = givenPdfTarget(pdf, options);
    if (typeof target === 'string') result.failures.push({ input: path.relative(cwd, pdf), reason: target });
    else targets.push(target);
  }
  if (targets.length === 0 || options.signal?.aborted) return result;
  const { browser } = await launchBrowser(env);
  const stop = () => void browser.process()?.kill('SIGKILL');
  options.signal?.addEventListener('abort', stop);
  try {
    for (const target of targets) {
      if (options.signal?.aborted) break;
      const bytes = readFileSync(target.pdf);
      const recorded = target.record?.pageProblems !== undefined;
      if (!recorded) {
        problem(
          target.file,
          `${path.basename(target.pdf)} has no record of its build's page problems in ${path.join(path.relative(cwd, path.dirname(target.pdf)) || '.', 'manifest.json')}: the sheet marks no page`,
          {
            ruleId: 'review-unrecorded',
            severity: 'info',
          },
        );
        result.notes.push(target.file);
      }
      const byPage = new Map<number, SheetProblem[]>();
      for (const { page, ...found } of target.record?.pageProblems ?? []) byPage.set(page, [...(byPage.get(page) ?? []), found]);
      const base = path.basename(target.pdf, path.extname(target.pdf));
      const drawn = await drawSheets(bytes, { browser, project, base, pdfName: path.basename(target.pdf), problems: byPage });
      for (const sheet of drawn.sheets) await writeAtomic(path.join(target.outDir, sheet.path), sheet.png);
      const sheets = drawn.sheets.map((sheet) => ({
        path: path.relative(cwd, path.join(target.outDir, sheet.path)),
        caption: sheet.caption,
        width: sheet.width,
        height: sheet.height,
        columns: sheet.columns,
        rows: sheet.rows,
        firstPage: sheet.firstPage,
        lastPage: sheet.lastPage,
      }));
      result.reviewed.push({
        document: target.document,
        pdf: path.relative(cwd, target.pdf),
        sheet: sheets[0]!.path,
        sheets,
        pages: drawn.pages,
        marks: [...byPage.entries()].sort(([a], [b]) => a - b).map(([page, problems]) => ({ page, problems })),
        thumbnails: drawn.thumbnails,
        recorded,
      });
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await browser.close().catch(() => undefined);
  }
  return result;
}

/** Build the manuscripts (the normal build: what is up to date stays), then their PDFs as the manifest records them. */
async function builtTargets(manuscripts: string[], project: Project, options: ReviewOptions, env: NodeJS.ProcessEnv, result: ReviewResult): Promise<Target[]> {
  const { cwd } = options;
  const run = (inputs: string[], force: boolean) =>
    options.build({
      inputs,
      cwd,
      env,
      force,
      ...(options.out ? { out: options.out } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
  const built = await run(manuscripts, false);
  const failures = [...built.failures];
  const failed = (source: string) => failures.some((failure) => path.resolve(cwd, failure.source) === source);
  // What the build wrote or found up to date (a folder named is its manuscripts), sorted.
  const sources = [...new Set([...built.artifacts.map((artifact) => artifact.source), ...built.skipped])]
    .map((source) => path.resolve(cwd, source))
    .filter((source) => !failed(source))
    .sort();
  const recordOf = (source: string) =>
    readManifest(path.resolve(cwd, built.manifest))?.artifacts.find((artifact) => artifact.source === path.relative(project.root, source) && artifact.format === 'pdf');
  // Up to date, but built by a version that recorded no page problems: built again, to have them.
  const unrecorded = sources.filter((source) => recordOf(source) && recordOf(source)!.pageProblems === undefined);
  if (unrecorded.length > 0) failures.push(...(await run(unrecorded, true)).failures);
  for (const failure of failures) result.failures.push({ input: failure.source, reason: failure.reason });
  const targets: Target[] = [];
  for (const source of sources) {
    if (failed(source)) continue;
    const record = recordOf(source);
    if (!record) {
      result.failures.push({ input: path.relative(cwd, source), reason: 'the build recorded no PDF of it' });
      continue;
    }
    const pdf = path.resolve(project.root, record.path);
    targets.push({ pdf, document: path.relative(cwd, source), record, outDir: path.dirname(pdf), file: new VFile({ path: source }) });
  }
  return targets;
}

/** A PDF named: its record in the manifest beside it, found by its bytes' hash (a changed PDF has none). */
function givenPdfTarget(pdf: string, options: ReviewOptions): Target | string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(pdf);
  } catch {
    return 'no such file';
  }
  const hash = sha256(bytes);
  const manifest = readManifest(path.join(path.dirname(pdf), 'manifest.json'));
  const record = manifest?.artifacts.find((artifact) => artifact.format === 'pdf' && artifact.sha256 === hash);
  return {
    pdf,
    document: record ? record.source : path.relative(options.cwd, pdf),
    record,
    outDir: options.out ? path.resolve(options.cwd, options.out) : path.dirname(pdf),
    file: new VFile({ path: pdf }),
  };
}
