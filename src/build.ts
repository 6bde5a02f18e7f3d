// One build: load → parse → transform → publication → render (PDF | EPUB) → write → report.
// One browser serves the whole run; a failure in one manuscript does not stop the others.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { loadManuscript, MANUSCRIPT_EXTENSIONS } from './load/manuscript.js';
import { loadProject, type Project } from './load/project.js';
import { buildPublication, readClock, type BuildClock } from './publication/build-publication.js';
import type { Publication } from './publication/model.js';
import { launchBrowser, type BrowserChoice } from './render/browser.js';
import { renderEpub } from './render/epub/render-epub.js';
import { renderPdf } from './render/pdf/render-pdf.js';
import { DiagnosticError, failOnErrors, formatMessage } from './report/diagnostics.js';
import { transformManuscript } from './transform/processor.js';
import { writeAtomic } from './write/atomic-write.js';

export type Format = 'pdf' | 'epub';
export const FORMATS: Format[] = ['pdf', 'epub'];

export interface BuildOptions {
  /** Manuscript files or folders; default: the configured manuscript folder. */
  inputs?: string[];
  /** Output folder; default: the configured one (dist). */
  out?: string;
  formats?: Format[];
  /** The project folder (holds avim-press.config.yaml); default: the working folder. */
  cwd?: string;
  /** Warnings fail the build too. */
  strict?: boolean;
  /** Converting bracket-number notes: auto (default), always, never. */
  importNotes?: 'auto' | 'always' | 'never';
  env?: NodeJS.ProcessEnv;
  /** Called as things happen, for progress output. */
  onEvent?: (event: BuildEvent) => void;
}

export interface Artifact {
  source: string;
  format: Format;
  path: string;
  bytes: number;
  pages?: number;
  milliseconds: number;
}

export type BuildEvent =
  | { type: 'artifact'; artifact: Artifact }
  | { type: 'diagnostic'; source: string; text: string; severity: 'error' | 'warning' | 'info' }
  | { type: 'failure'; source: string; message: string }
  | { type: 'browser'; choice: BrowserChoice; version: string };

export interface BuildResult {
  artifacts: Artifact[];
  failures: { source: string; message: string }[];
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const emit = options.onEvent ?? (() => {});
  const project = loadProject(cwd);
  const clock = readClock(env);
  const formats = options.formats ?? FORMATS;
  const outDir = path.resolve(cwd, options.out ?? project.config.out);
  const sources = await findManuscripts(options.inputs?.length ? options.inputs.map((input) => path.resolve(cwd, input)) : [path.resolve(cwd, project.config.manuscripts)]);

  const result: BuildResult = { artifacts: [], failures: [] };
  let browser: Browser | undefined;
  try {
    for (const source of sources) {
      const relative = path.relative(cwd, source);
      try {
        const publication = await publish(source, project, clock, options, (text, severity) => emit({ type: 'diagnostic', source: relative, text, severity }));
        if (formats.includes('pdf')) {
          if (!browser) {
            const launched = await launchBrowser(env);
            browser = launched.browser;
            emit({ type: 'browser', choice: launched.choice, version: await browser.version() });
          }
          const started = performance.now();
          const pdf = await renderPdf(publication, project, browser);
          for (const url of pdf.blocked) {
            emit({ type: 'diagnostic', source: relative, severity: 'warning', text: `${relative}: warning: the print page may not load ${url}; left out (resource-blocked)` });
          }
          for (const warning of pdf.warnings) {
            emit({ type: 'diagnostic', source: relative, severity: 'warning', text: `${relative}: warning: ${warning} (print-layout)` });
          }
          const target = path.join(outDir, `${publication.metadata.slug}.pdf`);
          await writeAtomic(target, pdf.bytes);
          const artifact: Artifact = { source: relative, format: 'pdf', path: path.relative(cwd, target), bytes: pdf.bytes.length, pages: pdf.pages, milliseconds: performance.now() - started };
          result.artifacts.push(artifact);
          emit({ type: 'artifact', artifact });
        }
        if (formats.includes('epub')) {
          const started = performance.now();
          const epub = await renderEpub(publication, project);
          const target = path.join(outDir, `${publication.metadata.slug}.epub`);
          await writeAtomic(target, epub.bytes);
          const artifact: Artifact = { source: relative, format: 'epub', path: path.relative(cwd, target), bytes: epub.bytes.length, milliseconds: performance.now() - started };
          result.artifacts.push(artifact);
          emit({ type: 'artifact', artifact });
        }
      } catch (error) {
        const message = error instanceof DiagnosticError ? error.message : `${relative}: error: ${(error as Error).message}`;
        result.failures.push({ source: relative, message });
        emit({ type: 'failure', source: relative, message });
      }
    }
  } finally {
    await browser?.close();
  }
  return result;
}

/** Load, transform and assemble one manuscript; throws a DiagnosticError on any error. */
export async function publish(
  source: string,
  project: Project,
  clock: BuildClock,
  options: Pick<BuildOptions, 'strict' | 'importNotes'>,
  report: (text: string, severity: 'error' | 'warning' | 'info') => void = () => {},
): Promise<Publication> {
  const file = await loadManuscript(source);
  failOnErrors(file);
  const body = await transformManuscript(file, { brand: project.brand, importNotes: options.importNotes ?? 'auto' });
  const reportWarnings = (from: number) => {
    for (const message of file.messages.slice(from)) {
      if (message.fatal !== true) report(formatMessage(message, file, project.root), message.fatal === false ? 'warning' : 'info');
    }
  };
  reportWarnings(0);
  failOnErrors(file, options.strict);
  const seen = file.messages.length;
  const publication = await buildPublication(file, body, project, clock);
  reportWarnings(seen);
  failOnErrors(file, options.strict);
  return publication;
}

/** Manuscript files among the inputs: files as given, folders searched (not recursively), sorted. */
export async function findManuscripts(inputs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new Error(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((name) => MANUSCRIPT_EXTENSIONS.includes(path.extname(name).toLowerCase()) && !name.startsWith('.'));
      found.push(...names.sort().map((name) => path.join(input, name)));
    } else found.push(input);
  }
  return found;
}
