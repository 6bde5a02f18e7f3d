// One manuscript of a batch: skip it when nothing it is built from has changed, else publish it,
// render each format, validate, and write each artifact atomically. Every problem of every stage is
// a message on the manuscript's file; the build reports them, and an error stops the document.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { BuildClock } from '../load/dates.js';
import { loadManuscript } from '../load/manuscript.js';
import type { Project } from '../load/project.js';
import { toDiagnostic } from '../problems/diagnostic.js';
import { failOnErrors, FatalProblems, isError, problem } from '../problems/problem.js';
import type { Publication } from '../publication/model.js';
import type { PublishOptions } from '../publication/publish.js';
import type { EpubResult } from '../render/epub/render-epub.js';
import type { PageStart } from '../render/page-map.js';
import type { PdfStage } from '../render/pdf/render-pdf.js';
import { countErrors, countWarnings } from '../validate/report.js';
import { addValidationMessages } from '../validate/validation-messages.js';
import { writeAtomic } from '../write/atomic-write.js';
import type { BrowserSession } from './browser-session.js';
import { hashInput, inputsUnchanged, sha256 } from './inputs.js';
import type { Manifest, ManifestArtifact, PageProblem } from './manifest.js';
import { StageTimeoutError, withTimeout } from './time-limit.js';

// The transform, the renderers and the validators load when a document is first built: a run where
// everything is up to date never needs them, and they are most of the CLI's start-up (about 1 s).
const stages = () =>
  Promise.all([
    import('../publication/publish.js'),
    import('../render/pdf/render-pdf.js'),
    import('../render/epub/render-epub.js'),
    import('../validate/validate-epub.js'),
    import('../validate/ace.js'),
  ]).then(([{ publish }, { renderPdf }, { renderEpub }, { validateEpub }, { checkWithAce, findAce }]) => ({ publish, renderPdf, renderEpub, validateEpub, checkWithAce, findAce }));

export type Format = 'pdf' | 'epub';
/** What a document is doing, as progress says it: its transform, the print's layout, the checks of
 * its pages, the printing, the EPUB, the EPUB's validation. */
export type Stage = 'transform' | PdfStage | 'epub' | 'validate';

export interface DocumentContext {
  project: Project;
  clock: BuildClock;
  outDir: string;
  formats: Format[];
  options: PublishOptions & { validate?: boolean; force?: boolean; strict?: boolean };
  env: NodeJS.ProcessEnv;
  browser: BrowserSession;
  sharedKey: string;
  optionsKey: string;
  previous: Manifest | undefined;
  /** Slugs already claimed in this run, with the source that claimed each. */
  slugs: Map<string, string>;
  /** Report the file's messages not reported yet (the build calls it again for a failed document). */
  report: (file: VFile) => void;
  /** A stage of the document begins (`pages`: laid out so far, when known). */
  stage: (stage: Stage, pages?: number) => void;
  /** Each artifact as it is written. */
  written: (artifact: ManifestArtifact, milliseconds: number) => void;
}

export interface DocumentResult {
  /** Up to date: nothing was built. */
  skipped: boolean;
  artifacts: ManifestArtifact[];
}

/** A document failed: its errors (and everything else found) are messages on its file. */
export class DocumentFailed extends Error {
  constructor(
    readonly file: VFile,
    override readonly cause: unknown,
  ) {
    super(
      file.messages
        .filter(isError)
        .map((message) => message.reason)
        .join('\n') || String((cause as Error)?.message ?? cause),
    );
    this.name = 'DocumentFailed';
  }
}

// Generous limits, far above what the largest accepted input takes here; hitting one names the stage.
const STAGE_SECONDS = { transform: 120, pdf: 600, epub: 300, validation: 300 };

export async function buildDocument(source: string, context: DocumentContext): Promise<DocumentResult> {
  const { project } = context;
  const relativeSource = path.relative(project.root, source);
  const sourceInput = hashInput(project.root, source);

  const upToDate = upToDateArtifacts(relativeSource, sourceInput.sha256, context);
  if (upToDate) return { skipped: true, artifacts: upToDate };

  const file = await loadManuscript(source, project.config.limits);
  try {
    return { skipped: false, artifacts: await buildArtifacts(file, sourceInput, context) };
  } catch (error) {
    // What failed without saying where (a time limit, the browser, a bug) is said at the manuscript.
    if (!(error instanceof FatalProblems)) {
      problem(file, (error as Error).message ?? String(error), { ruleId: error instanceof StageTimeoutError ? 'time-limit' : 'internal', ...(error instanceof Error ? { cause: error } : {}) });
    }
    throw new DocumentFailed(file, error);
  }
}

async function buildArtifacts(file: VFile, sourceInput: ReturnType<typeof hashInput>, context: DocumentContext): Promise<ManifestArtifact[]> {
  const { project, outDir, formats } = context;
  const source = file.path;
  const relativeSource = path.relative(project.root, source);
  // Both formats need the browser: it starts while the manuscript is transformed, off the critical path
  // (a launch takes 0.4 s, and 2 s or more the first time on a machine). Its failure is heard where
  // the renderers ask for it.
  if (formats.length > 0) void context.browser.get().catch(() => undefined);
  const { publish, renderPdf, renderEpub, validateEpub } = await stages();
  context.stage('transform');
  const { publication } = await withTimeout('transform', STAGE_SECONDS.transform, () => publish(source, project, context.clock, context.options, file));
  const slug = publication.metadata.slug;
  const claimed = context.slugs.get(slug);
  if (claimed && claimed !== source) {
    problem(file, `Its artifacts would be ${slug}.pdf and ${slug}.epub, which ${path.relative(project.root, claimed)} also writes: give one a \`slug\` in its front matter`, {
      ruleId: 'slug-clash',
      place: file.data.frontMatterPlaces?.get('slug') ?? { line: 1 },
    });
    failOnErrors(file);
  }
  context.slugs.set(slug, source);
  // The manuscript, a book's chapter files, and every file it shows, as the transform resolved them
  // (the asset list): a change to any of them rebuilds the document.
  const inputs = [sourceInput, ...publication.source.chapters.map((chapter) => hashInput(project.root, chapter)), ...assetInputs(publication)];
  const base = { source: relativeSource, sourceSha256: sourceInput.sha256, inputs, optionsKey: context.optionsKey };

  // The PDF and the EPUB are made at once (both wait on the browser); the EPUB takes its page list
  // from where the print pages start (the PDF's page map), waiting for it only after its documents'
  // long part is done. An EPUB made alone has no page list. Both run to their end, so no rejection is
  // left unheard, and nothing is written unless every format was made: a failed document leaves its
  // previous artifacts.
  const started = performance.now();
  const pdfMade = formats.includes('pdf')
    ? withTimeout('PDF', STAGE_SECONDS.pdf, () => context.browser.get().then((browser) => renderPdf(publication, project, browser, file, undefined, context.stage)))
    : undefined;
  const pageMap = pdfMade?.then(
    (pdf) => pdf.pageMap,
    () => undefined,
  );
  const epubMade = formats.includes('epub')
    ? // (Its time limit counts the wait for the page map.)
      withTimeout('EPUB', STAGE_SECONDS.epub + (pageMap ? STAGE_SECONDS.pdf : 0), () => {
        context.stage('epub');
        return renderEpub(publication, project, { browser: () => context.browser.get(), ...(pageMap ? { pageMap } : {}) });
      })
    : undefined;
  const [pdfOutcome, epubOutcome] = await Promise.allSettled([pdfMade, epubMade]);
  if (pdfOutcome.status === 'rejected') throw pdfOutcome.reason;
  if (epubOutcome.status === 'rejected') throw epubOutcome.reason;
  const pdf = pdfOutcome.value;
  const made = epubOutcome.value;
  const rendered = performance.now() - started;
  const strictFailure = () => {
    const warnings = file.messages.filter((message) => message.fatal === false).length;
    if (context.options.strict && warnings > 0) {
      problem(file, `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, and --strict makes warnings fail the build`, { ruleId: 'strict' });
    }
    failOnErrors(file);
  };
  strictFailure();

  const artifacts: ManifestArtifact[] = [];
  // The EPUB first: it is validated before it replaces anything, and a failure stops the PDF too.
  let epub = made;
  if (epub && context.options.validate) epub = await withConformanceClaim(epub, publication, project, context, file, pdf?.pageMap);
  if (epub) {
    const target = path.join(outDir, `${slug}.epub`);
    let validation: ManifestArtifact['validation'];
    await writeAtomic(target, epub.bytes, async (temporary) => {
      if (!context.options.validate) return;
      context.stage('validate');
      const result = await withTimeout('validation', STAGE_SECONDS.validation, () => validateEpub(temporary, context.env));
      validation = result.reports.map((report) => ({ validator: report.validator, errors: countErrors(report), warnings: countWarnings(report) }));
      addValidationMessages(file, path.relative(process.cwd(), target), result);
      strictFailure();
    });
    const artifact: ManifestArtifact = {
      ...base,
      path: path.relative(project.root, target),
      format: 'epub',
      sha256: sha256(epub.bytes),
      bytes: epub.bytes.length,
      ...(validation ? { validation } : {}),
    };
    artifacts.push(artifact);
    context.report(file);
    context.written(artifact, rendered);
  }
  if (pdf) {
    const target = path.join(outDir, `${slug}.pdf`);
    await writeAtomic(target, pdf.bytes);
    const artifact: ManifestArtifact = {
      ...base,
      path: path.relative(project.root, target),
      format: 'pdf',
      sha256: sha256(pdf.bytes),
      bytes: pdf.bytes.length,
      pages: pdf.pages,
      pageProblems: pageProblems(file, project.root),
    };
    artifacts.push(artifact);
    context.report(file);
    context.written(artifact, rendered);
  }
  return artifacts;
}

/** The file's problems that name a page of the PDF, as the manifest records them for the review sheet. */
function pageProblems(file: VFile, root: string): PageProblem[] {
  return file.messages
    .filter((message) => message.page !== undefined)
    .map((message) => {
      const { file: where, line, column, severity, ruleId, reason } = toDiagnostic(message, root);
      return { page: message.page!, file: where, line, column, severity, ruleId, reason };
    });
}

const STANDARD = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA';

/** An EPUB claims conformance only when DAISY Ace found no violation in it and every image's text
 * alternative was decided; then it is made again, with the claim naming Ace as the checker. */
async function withConformanceClaim(epub: EpubResult, publication: Publication, project: Project, context: DocumentContext, file: VFile, pageMap?: PageStart[]): Promise<EpubResult> {
  const { checkWithAce, findAce, renderEpub } = await stages();
  const ace = findAce();
  if (!ace) {
    problem(file, 'No conformance claim: DAISY Ace is not installed (npm install @daisy/ace-cli), so nobody checked the EPUB', { ruleId: 'accessibility-claim', severity: 'info' });
    return epub;
  }
  const result = await withTimeout('accessibility check', STAGE_SECONDS.validation, () => checkWithAce(ace, epub.bytes, context.env));
  if (!result.passed) {
    const listed = result.violations.slice(0, 3).map((violation) => `${violation.rule} (${violation.impact}) in ${violation.file}`);
    problem(
      file,
      `No conformance claim: ${result.checker} found ${result.violations.length} ${result.violations.length === 1 ? 'violation' : 'violations'}: ${listed.join('; ')}${result.violations.length > 3 ? ' …' : ''}`,
      {
        ruleId: 'accessibility-claim',
        severity: 'warning',
      },
    );
    return epub;
  }
  if (epub.facts.imagesWithoutAlt > 0) {
    problem(
      file,
      `No conformance claim: ${epub.facts.imagesWithoutAlt} ${epub.facts.imagesWithoutAlt === 1 ? 'image has' : 'images have'} no text alternative (give alt text, or alt="" for a decorative image)`,
      {
        ruleId: 'accessibility-claim',
        severity: 'warning',
      },
    );
    return epub;
  }
  problem(file, `Claims ${STANDARD}, checked by ${result.checker} (0 violations)`, { ruleId: 'accessibility-claim', severity: 'info' });
  return renderEpub(publication, project, { browser: () => context.browser.get(), conformance: { standard: STANDARD, checker: result.checker }, ...(pageMap ? { pageMap } : {}) });
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

/** Every file the publication shows, with the hash the transform took of it. */
function assetInputs(publication: Publication): ManifestArtifact['inputs'] {
  return publication.assets.map((asset) => ({ path: asset.relative, sha256: asset.sha256 })).sort((a, b) => a.path.localeCompare(b.path));
}
