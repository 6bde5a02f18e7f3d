// One render of the preview: the manuscript through the same load → transform → publication as the
// build, then the print's laid-out pages and the EPUB's reading view, with every problem found (as
// the build finds them) and the files the render read, for the watcher. A render that fails keeps
// its problems; the caller keeps the last good pages.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { readClock } from '../load/dates.js';
import { loadManuscript } from '../load/manuscript.js';
import { CONFIG_FILE, loadProject, type Project } from '../load/project.js';
import type { Templates } from '../load/templates.js';
import { toDiagnostic, type Diagnostic } from '../problems/diagnostic.js';
import { FatalProblems, problem } from '../problems/problem.js';
import type { Asset } from '../publication/model.js';
import { publish, type PublishOptions } from '../publication/publish.js';
import { readingView } from '../render/epub/reading-view.js';
import { previewPages, type PreviewPages } from '../render/pdf/preview-pages.js';
import type { PrintPage } from '../render/pdf/print-page.js';

export interface RenderedPreview {
  printHtml: string;
  readingHtml: string;
  pages: number;
  pageSelector: string;
  /** The publication's asset list by the URL path each is served at. */
  assets: Map<string, Asset>;
  /** The print pages' fonts, as a stylesheet at a URL path named by its content (preview-pages.ts). */
  fonts?: { urlPath: string; css: string };
  /** The print HTML's @font-face rules, which the next render's print page loads ahead. */
  fontFaces: string;
}

export interface RenderOutcome {
  /** Absent when the render failed: its errors are among the diagnostics. */
  rendered?: RenderedPreview;
  diagnostics: PreviewDiagnostic[];
  /** What to watch for the next change: the manuscript, its assets, the brand, configuration, templates, styles. */
  watched: string[];
  milliseconds: number;
  /** The print page the render took, for the caller to empty for the next render or close. */
  printPage?: PrintPage;
  /** The project the render loaded (or was given), for the next render while its files are unchanged. */
  project?: Project;
}

/** Which of the project's own files and folders there are: a configuration, templates or styles of its
 * own made since the last render (not among the files watched) call for the project to be loaded again. */
export function projectShape(cwd: string): string {
  return [CONFIG_FILE, 'templates', 'styles'].map((name) => existsSync(path.join(cwd, name))).join();
}

/** Whether a change to `changed` calls for the project to be loaded again: its configuration, brand
 * file, a template, a locale or a style (the manuscript and its images do not). */
export function changesProject(changed: string, project: Project): boolean {
  const inside = (folder: string) => !path.relative(folder, changed).startsWith('..') && !path.isAbsolute(path.relative(folder, changed));
  return changed === path.join(project.root, CONFIG_FILE) || changed === project.brandPath || inside(project.templatesDir) || inside(project.stylesDir);
}

/** The URL path an asset is served at: its path in the project, each segment encoded. */
export function assetUrlPath(asset: Asset): string {
  return `/assets/${asset.relative.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** The URL a view points at: the path with the content's digest, so that a new image under the same
 * name differs in the view's markup (reload.js keeps what has not changed, and would keep the old one). */
export function assetUrl(asset: Asset): string {
  return `${assetUrlPath(asset)}?v=${asset.sha256.slice(0, 12)}`;
}

/** Called once the render's pages are final, before the checks that only read them end the render
 * (previewPages), with the problems found so far; the checks begin once what it returns settles. */
export type OnPagesShown = (rendered: RenderedPreview, diagnostics: PreviewDiagnostic[], milliseconds: number) => void | Promise<void>;

type PreviewDiagnostic = Diagnostic & { absolutePath: string };

/** `printPage` gives a fresh print page (taken only when the render gets to the layout). `loaded` is
 * the last render's project when none of its files changed since (changesProject): loading it again
 * (its YAML, the brand's font files checked, the templates compiled anew) took 4–16 ms warm (probe). */
export async function renderPreview(
  source: string,
  cwd: string,
  printPage: () => Promise<PrintPage>,
  previewTemplates: Templates,
  options: PublishOptions,
  env: NodeJS.ProcessEnv,
  onPages: OnPagesShown = () => {},
  loaded?: Project,
): Promise<RenderOutcome> {
  const started = performance.now();
  const watched = new Set([source, path.join(cwd, CONFIG_FILE)]);
  const messagesOf: VFile[] = [];

  const diagnosticsNow = () => messagesOf.flatMap((file) => file.messages.map((message) => ({ ...toDiagnostic(message, cwd), absolutePath: path.resolve(cwd, message.file ?? file.path ?? source) })));
  let rendered: RenderedPreview | undefined;
  let taken: PrintPage | undefined;
  const takePrintPage = async () => (taken = await printPage());
  let used: Project | undefined;
  try {
    const project = (used = loaded ?? loadProject(cwd));
    for (const file of [project.brandPath, project.templatesDir, project.stylesDir]) watched.add(file);
    const file = await loadManuscript(source, project.config.limits);
    messagesOf.push(file);
    try {
      const { publication } = await publish(source, project, readClock(env), options, file);
      for (const asset of publication.assets) watched.add(asset.path);
      // A book's chapter files.
      for (const chapter of publication.source.chapters) watched.add(path.resolve(publication.source.dir, chapter));
      const assets = new Map(publication.assets.map((asset) => [assetUrlPath(asset), asset]));
      const reading = readingView(publication, project, previewTemplates, assetUrl);
      const toRendered = (pages: PreviewPages, readingHtml: string): RenderedPreview => ({
        // The pages sit on the preview's desk (styles/preview.css); the page's own policy still forbids scripts.
        printHtml: pages.html.replace('</head>', '<link rel="stylesheet" href="/preview.css">\n</head>'),
        readingHtml,
        pages: pages.pages,
        pageSelector: pages.pageSelector,
        assets,
        fontFaces: pages.fontFaces,
        ...(pages.fonts ? { fonts: pages.fonts } : {}),
      });
      const shownEarly = (pages: PreviewPages) =>
        reading.then(
          (readingHtml) => onPages(toRendered(pages, readingHtml), diagnosticsNow(), performance.now() - started),
          () => undefined,
        );
      const [pages, readingHtml] = await Promise.all([takePrintPage().then((page) => previewPages(publication, project, page, file, shownEarly)), reading]);
      rendered = toRendered(pages, readingHtml);
    } catch (error) {
      // What failed without saying where (the browser, a bug) is said at the manuscript, as the build does.
      if (!(error instanceof FatalProblems)) problem(file, (error as Error).message ?? String(error), { ruleId: 'internal', ...(error instanceof Error ? { cause: error } : {}) });
    }
  } catch (error) {
    // The project itself is wrong (its brand file, configuration, a locale): its messages, at their lines.
    if (error instanceof FatalProblems) messagesOf.push(error.file);
    else {
      const file = new VFile({ path: source });
      problem(file, (error as Error).message ?? String(error), { ruleId: 'internal' });
      messagesOf.push(file);
    }
  }
  const diagnostics = diagnosticsNow();
  // A render with an error shows no pages of its own, even when the layout got that far.
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return {
    ...(rendered && !failed ? { rendered } : {}),
    ...(taken ? { printPage: taken } : {}),
    ...(used ? { project: used } : {}),
    diagnostics,
    watched: [...watched],
    milliseconds: performance.now() - started,
  };
}
