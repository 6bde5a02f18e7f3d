// One manuscript of a batch: skip it when nothing it is built from has changed, else publish it,
// render each format, validate, and write each artifact atomically.
import path from 'node:path';
import type { Project } from '../load/project.js';
import type { BuildClock } from '../publication/build-publication.js';
import type { Publication } from '../publication/model.js';
import { publish, type PublishOptions } from '../publication/publish.js';
import { formatMessage } from '../report/diagnostics.js';
import { renderEpub } from '../render/epub/render-epub.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import { validateEpub } from '../validate/validate-epub.js';
import { countErrors, countWarnings, formatProblem } from '../validate/report.js';
import { writeAtomic } from '../write/atomic-write.js';
import type { BrowserSession } from './browser-session.js';
import { hashInput, inputsUnchanged, sha256 } from './inputs.js';
import type { Manifest, ManifestArtifact } from './manifest.js';
import { withTimeout } from './time-limit.js';

export type Format = 'pdf' | 'epub';

export interface DocumentContext {
  project: Project;
  clock: BuildClock;
  outDir: string;
  formats: Format[];
  options: PublishOptions & { validate?: boolean; force?: boolean };
  env: NodeJS.ProcessEnv;
  browser: BrowserSession;
  sharedKey: string;
  optionsKey: string;
  previous: Manifest | undefined;
  /** Slugs already claimed in this run, with the source that claimed each. */
  slugs: Map<string, string>;
  report: (text: string, severity: 'warning' | 'info') => void;
  /** Each artifact as it is written. */
  written: (artifact: ManifestArtifact, milliseconds: number) => void;
}

export interface DocumentResult {
  /** Up to date: nothing was built. */
  skipped: boolean;
  artifacts: ManifestArtifact[];
}

// Generous limits, far above what the largest accepted input takes here; hitting one names the stage.
const STAGE_SECONDS = { transform: 120, pdf: 600, epub: 300, validation: 300 };

export async function buildDocument(source: string, context: DocumentContext): Promise<DocumentResult> {
  const { project, outDir, formats } = context;
  const relativeSource = path.relative(project.root, source);
  const sourceInput = hashInput(project.root, source);
  const sourceSha256 = sourceInput.sha256;

  const upToDate = upToDateArtifacts(relativeSource, sourceSha256, context);
  if (upToDate) return { skipped: true, artifacts: upToDate };

  const { publication, file } = await withTimeout('transform', STAGE_SECONDS.transform, () => publish(source, project, context.clock, context.options, context.report));
  const slug = publication.metadata.slug;
  const claimed = context.slugs.get(slug);
  if (claimed && claimed !== source) {
    throw new Error(`its artifacts would be ${slug}.pdf and ${slug}.epub, which ${path.relative(project.root, claimed)} also writes: give one a \`slug\` in its front matter`);
  }
  context.slugs.set(slug, source);
  const inputs = [sourceInput, ...imageFiles(publication).map((file) => hashInput(project.root, file))];
  const base = { source: relativeSource, sourceSha256, inputs, optionsKey: context.optionsKey };
  const artifacts: ManifestArtifact[] = [];

  // The PDF and the EPUB are made at once (neither reads the other, and both wait on the browser);
  // both run to their end, so no rejection is left unheard.
  const started = performance.now();
  const reported = file.messages.length;
  const [pdfOutcome, epubOutcome] = await Promise.allSettled([
    formats.includes('pdf') ? withTimeout('PDF', STAGE_SECONDS.pdf, () => context.browser.get().then((browser) => renderPdf(publication, project, browser, file))) : undefined,
    formats.includes('epub') ? withTimeout('EPUB', STAGE_SECONDS.epub, () => renderEpub(publication, project, { browser: () => context.browser.get() })) : undefined,
  ]);
  // Nothing is written unless every format was made: a failed document leaves its previous artifacts.
  if (pdfOutcome.status === 'rejected') throw pdfOutcome.reason;
  if (epubOutcome.status === 'rejected') throw epubOutcome.reason;
  const rendered = performance.now() - started;

  // The EPUB first: it is validated before it replaces anything, and a failure stops the PDF too.
  const epub = epubOutcome.value;
  if (epub) {
    const target = path.join(outDir, `${slug}.epub`);
    let validation: ManifestArtifact['validation'];
    await writeAtomic(target, epub.bytes, async (temporary) => {
      if (!context.options.validate) return;
      const result = await withTimeout('validation', STAGE_SECONDS.validation, () => validateEpub(temporary, context.env));
      validation = result.reports.map((report) => ({ validator: report.validator, errors: countErrors(report), warnings: countWarnings(report) }));
      const name = path.relative(project.root, target);
      for (const report of result.reports) for (const problem of report.problems) context.report(formatProblem(name, problem, report.validator), 'warning');
      const failing = result.reports.reduce((sum, report) => sum + countErrors(report) + (context.options.strict ? countWarnings(report) : 0), 0);
      if (failing > 0) throw new Error(`${name} failed validation (${failing} ${context.options.strict ? 'errors and warnings' : failing === 1 ? 'error' : 'errors'}); the previous files are kept`);
    });
    const artifact: ManifestArtifact = { ...base, path: path.relative(project.root, target), format: 'epub', sha256: sha256(epub.bytes), bytes: epub.bytes.length, ...(validation ? { validation } : {}) };
    artifacts.push(artifact);
    context.written(artifact, rendered);
  }
  const pdf = pdfOutcome.value;
  if (pdf) {
    // The print's problems are on the file (publish reported the transform's already).
    for (const message of file.messages.slice(reported)) context.report(formatMessage(message, file, project.root), message.fatal === false ? 'warning' : 'info');
    const target = path.join(outDir, `${slug}.pdf`);
    await writeAtomic(target, pdf.bytes);
    const artifact: ManifestArtifact = { ...base, path: path.relative(project.root, target), format: 'pdf', sha256: sha256(pdf.bytes), bytes: pdf.bytes.length, pages: pdf.pages };
    artifacts.push(artifact);
    context.written(artifact, rendered);
  }
  return { skipped: false, artifacts };
}

/** The previous run's artifacts for this source, when every one is still there and nothing changed. */
function upToDateArtifacts(source: string, sourceSha256: string, context: DocumentContext): ManifestArtifact[] | undefined {
  if (context.options.force || !context.previous || context.previous.sharedKey !== context.sharedKey) return undefined;
  const found: ManifestArtifact[] = [];
  for (const format of context.formats) {
    const artifact = context.previous.artifacts.find((entry) => entry.source === source && entry.format === format);
    if (!artifact || artifact.optionsKey !== context.optionsKey || artifact.sourceSha256 !== sourceSha256) return undefined;
    if (context.options.validate && !artifact.validation && format === 'epub') return undefined;
    if (!inputsUnchanged(context.project.root, [...artifact.inputs, { path: artifact.path, sha256: artifact.sha256 }])) return undefined;
    found.push(artifact);
  }
  return found;
}

/** Every image file the publication shows (the transform left each as a real path). */
function imageFiles(publication: Publication): string[] {
  const files = new Set<string>();
  const walk = (node: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
    if (node.tagName === 'img' && typeof node.properties?.src === 'string' && path.isAbsolute(node.properties.src)) files.add(node.properties.src);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  for (const section of publication.sections) walk(section.content);
  for (const note of publication.notes) for (const block of note.content) walk(block);
  if (publication.metadata.cover) files.add(publication.metadata.cover);
  return [...files].sort();
}
