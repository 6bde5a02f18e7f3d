// One build: for every manuscript, load → parse → transform → publication → render (PDF | EPUB) →
// write → report. One browser serves the whole run and a pool of pages; a document whose inputs have
// not changed is not built again; a failure in one manuscript does not stop the others; the
// manifest records every artifact.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdir, readdir, stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import lockfile from 'proper-lockfile';
import { BrowserSession } from './batch/browser-session.js';
import type { VFile } from 'vfile';
import { buildDocument, DocumentFailed, type DocumentContext, type Format, type Stage } from './batch/document-build.js';
import { sha256, sharedInputsKey } from './batch/inputs.js';
import { readManifest, serializeManifest, type Manifest, type ManifestArtifact } from './batch/manifest.js';
import { parseShard, selectShard } from './batch/shard.js';
import { BOOK_FILE, MANUSCRIPT_EXTENSIONS } from './load/manuscript.js';
import { loadProject } from './load/project.js';
import { readClock } from './load/dates.js';
import { TOOL_VERSION } from './load/tool-version.js';
import { toDiagnostic, type Diagnostic } from './problems/diagnostic.js';
import type { BrowserChoice } from './render/browser.js';
import { writeAtomic } from './write/atomic-write.js';

export type { Format, Stage };
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
  /** Run the EPUB validators on each EPUB before it is written; an error fails the manuscript. */
  validate?: boolean;
  /** Download the web images manuscripts show (otherwise they are left out with a warning). */
  allowRemote?: boolean;
  /** Build even what is up to date. */
  force?: boolean;
  /** Documents in flight at once (pages of the one browser); default: the number of cores. */
  jobs?: number;
  /** "K/N": build only the K-th of N deterministic slices of the manuscripts. */
  shard?: string;
  env?: NodeJS.ProcessEnv;
  /** Stops the run: no new document starts, the browser closes. */
  signal?: AbortSignal;
  /** Called as things happen, for progress output. */
  onEvent?: (event: BuildEvent) => void;
}

export interface Artifact {
  source: string;
  format: Format;
  path: string;
  bytes: number;
  sha256: string;
  pages?: number;
  milliseconds: number;
  validation?: { validator: string; errors: number; warnings: number }[];
}

export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'artifact'; artifact: Artifact }
  | { type: 'skipped'; source: string; artifacts: string[] }
  | { type: 'document'; source: string }
  /** A document's stage begins (`pages`: laid out so far, when known); PDF and EPUB stages overlap. */
  | { type: 'stage'; source: string; stage: Stage; pages?: number }
  /** A problem found in a document (its manuscript `document`), at `file`:`line`:`column`. */
  | ({ type: 'diagnostic'; document: string } & Diagnostic)
  /** A document failed: its errors came as diagnostics before. */
  | { type: 'failure'; source: string; reason: string }
  | { type: 'browser'; choice: BrowserChoice; version: string }
  | { type: 'done'; built: number; skipped: number; failed: number; milliseconds: number; manifest: string };

export interface BuildResult {
  artifacts: Artifact[];
  skipped: string[];
  failures: { source: string; reason: string; diagnostics: Diagnostic[] }[];
  manifest: string;
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const emit = options.onEvent ?? (() => {});
  const project = loadProject(cwd);
  const clock = readClock(env);
  const formats = options.formats ?? FORMATS;
  const outDir = path.resolve(cwd, options.out ?? project.config.out);
  const inputs = options.inputs?.length ? options.inputs.map((input) => path.resolve(cwd, input)) : [path.resolve(cwd, project.config.manuscripts)];
  const shard = options.shard ? parseShard(options.shard) : undefined;
  const all = await findManuscripts(inputs);
  const sources = shard ? selectShard(all, shard, (source) => path.relative(cwd, source)) : all;
  const manifestPath = path.join(outDir, shard ? `manifest-${shard.index}-of-${shard.count}.json` : 'manifest.json');
  const previous = readManifest(manifestPath);
  const sharedKey = sharedInputsKey(project, TOOL_VERSION);
  // What changes the bytes of an artifact besides its inputs.
  const optionsKey = sha256(
    JSON.stringify({
      formats,
      strict: !!options.strict,
      importNotes: options.importNotes ?? 'auto',
      validate: !!options.validate,
      allowRemote: !!options.allowRemote,
      epoch: clock.sourceDateEpoch ?? null,
    }),
  );
  const browser = new BrowserSession(env, (choice, version) => emit({ type: 'browser', choice, version }));
  const stop = () => void browser.close(true);
  options.signal?.addEventListener('abort', stop);

  const result: BuildResult = { artifacts: [], skipped: [], failures: [], manifest: path.relative(cwd, manifestPath) };
  const entries: ManifestArtifact[] = [];
  const slugs = new Map<string, string>();
  let built = 0;
  // Each file's messages are reported once, as its document reaches the write (or fails).
  const reportedCount = new WeakMap<VFile, number>();
  const report = (document: string, file: VFile): Diagnostic[] => {
    const fresh = file.messages.slice(reportedCount.get(file) ?? 0);
    reportedCount.set(file, file.messages.length);
    const diagnostics = fresh.map((message) => toDiagnostic(message, cwd));
    for (const diagnostic of diagnostics) emit({ type: 'diagnostic', document, ...diagnostic });
    return diagnostics;
  };
  const limit = pLimit(Math.max(1, options.jobs ?? os.availableParallelism()));
  emit({ type: 'start', total: sources.length });
  try {
    await Promise.all(
      sources.map((source) =>
        limit(async () => {
          const relative = path.relative(cwd, source);
          if (options.signal?.aborted) return;
          try {
            const context: DocumentContext = {
              project,
              clock,
              outDir,
              formats,
              options,
              env,
              browser,
              sharedKey,
              optionsKey,
              previous,
              slugs,
              report: (file) => report(relative, file),
              stage: (stage, pages) => emit({ type: 'stage', source: relative, stage, ...(pages !== undefined ? { pages } : {}) }),
              written: (artifact, milliseconds) => {
                const written: Artifact = {
                  source: relative,
                  format: artifact.format,
                  path: path.relative(cwd, path.resolve(project.root, artifact.path)),
                  bytes: artifact.bytes,
                  sha256: artifact.sha256,
                  ...(artifact.pages ? { pages: artifact.pages } : {}),
                  milliseconds,
                  ...(artifact.validation ? { validation: artifact.validation } : {}),
                };
                result.artifacts.push(written);
                emit({ type: 'artifact', artifact: written });
              },
            };
            // A document whose browser died under it is tried once more, on a fresh browser.
            const startedAt = browser.generation;
            const done = await buildDocument(source, context).catch(async (error: unknown) => {
              if (await browser.recover(startedAt)) return buildDocument(source, context);
              throw error;
            });
            entries.push(...done.artifacts);
            if (done.skipped) {
              result.skipped.push(relative);
              emit({ type: 'skipped', source: relative, artifacts: done.artifacts.map((artifact) => artifact.path) });
            } else {
              built += 1;
              emit({ type: 'document', source: relative });
            }
          } catch (error) {
            if (options.signal?.aborted) return;
            const diagnostics = error instanceof DocumentFailed ? report(relative, error.file) : [];
            const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
            // Not even loaded (no such file, unreadable): the reason is all there is.
            const reason = errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}; nothing was written, the previous artifacts are kept` : (error as Error).message;
            result.failures.push({ source: relative, reason, diagnostics });
            emit({ type: 'failure', source: relative, reason });
          }
        }),
      ),
    );
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await browser.close();
  }
  // A run that wrote nothing and found nothing up to date leaves the folder as it was.
  if (entries.length > 0)
    await updateManifest(manifestPath, entries, {
      tool: { name: 'avim-press', version: TOOL_VERSION },
      ...(browser.version ? { browser: browser.version } : previous?.browser ? { browser: previous.browser } : {}),
      ...(clock.sourceDateEpoch !== undefined ? { sourceDateEpoch: clock.sourceDateEpoch } : {}),
      sharedKey,
      artifacts: [],
    });
  emit({ type: 'done', built, skipped: result.skipped.length, failed: result.failures.length, milliseconds: performance.now() - started, manifest: result.manifest });
  return result;
}

/**
 * Record this run's artifacts in the manifest: under a lock, re-read it, replace the entries of what
 * this run wrote or found up to date, keep the rest (other manuscripts; a failed one's previous
 * artifact, which is still in place). Two builds into one folder at once keep each other's entries.
 */
async function updateManifest(file: string, entries: ManifestArtifact[], header: Manifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const release = await lockfile.lock(file, { retries: { retries: 100, minTimeout: 20, maxTimeout: 250 }, realpath: false });
  try {
    const current = readManifest(file);
    const fresh = new Set(entries.map((entry) => entry.path));
    const kept = (current?.artifacts ?? []).filter((artifact) => !fresh.has(artifact.path));
    await writeAtomic(file, serializeManifest({ ...header, artifacts: [...kept, ...entries] }));
  } finally {
    await release();
  }
}

/** Manuscript files among the inputs: files as given, folders searched (not recursively), sorted. */
export async function findManuscripts(inputs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new Error(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      // A folder with a book.yaml is one book: its chapter files are not articles of their own.
      const entries = await readdir(input, { withFileTypes: true });
      if (entries.some((entry) => entry.name === BOOK_FILE && entry.isFile())) {
        found.push(path.join(input, BOOK_FILE));
        continue;
      }
      const names = entries.filter((entry) => !entry.name.startsWith('.') && ((entry.isFile() && MANUSCRIPT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) || entry.isDirectory()));
      for (const name of names.map((entry) => entry.name).sort()) {
        const entry = entries.find((candidate) => candidate.name === name)!;
        // A book folder inside the manuscript folder is one of its manuscripts; other folders are not looked into.
        if (entry.isDirectory()) {
          if (existsSync(path.join(input, name, BOOK_FILE))) found.push(path.join(input, name, BOOK_FILE));
        } else found.push(path.join(input, name));
      }
    } else found.push(input);
  }
  return found;
}
