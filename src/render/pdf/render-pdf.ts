// Print the publication with Chromium. The layout engine (engine/: Paged.js by default, for real
// page-bottom footnotes) lays the print HTML out into pages inside a sandboxed page; then the soft
// hyphens are settled, the pages checked (no text lost, no widow, orphan or stranded heading, no
// system font), the headings collected, and Chromium prints; pdf-lib finishes the file (metadata,
// outline, identifier). The checks know the engine only by its markers; they run in the page from
// one browser script (in-page/, page-scripts.ts), and what they find goes on the manuscript's file as
// messages at the manuscript's lines.
import type { Browser, Page } from 'puppeteer';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { localize } from '../../load/brand-schema.js';
import type { Project } from '../../load/project.js';
import { FatalProblems, problem, type ProblemOptions } from '../../problems/problem.js';
import type { Publication } from '../../publication/model.js';
import { waitForFonts } from '../browser.js';
import { allFaces, loadTypefaces } from '../../load/typefaces.js';
import { PRINT_CONTAINERS, type Layout, type LayoutEngine } from './engine/layout-engine.js';
import { pagedjsEngine } from './engine/pagedjs/pagedjs-engine.js';
import { describeSystemFontUse, findSystemFonts } from './font-check.js';
import type { BreakFault, InPageWindow, LostText, PageStart, SourcePlace } from './in-page-api.js';
import { outlineEntries } from './outline.js';
import { pageScript } from './page-scripts.js';
import { postprocessPdf } from './pdf-postprocess.js';
import { printHtml } from './print-html.js';
import { assertStillBlank, openSandboxedPage } from './sandbox.js';
import { withPooledPage } from '../pooled-pages.js';

// page.evaluate callbacks run in the page, where the in-page script installed this.
declare const window: InPageWindow;
declare const document: { querySelectorAll(selector: string): { forEach(each: (element: { remove(): void }) => void): void } };

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Soft hyphens kept (where a line breaks) and removed (everywhere else). */
  hyphenation: { broken: number; removed: number };
  /** Where each page's text starts, for the EPUB's page-break markers and page list (render/page-map.ts). */
  pageMap: PageStart[];
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
}

function lostTextReason(lost: LostText): string {
  const rest = 'no PDF is written';
  if (lost.kind === 'not-laid-out') return `The page layout laid out nothing; ${rest}`;
  if (lost.kind === 'not-on-page') return `The page layout left <${lost.element ?? '?'}> "${lost.text}" off every page; ${rest}`;
  return `The page layout cut off "${lost.text}" at the foot of page ${lost.page ?? '?'}; ${rest}`;
}

function breakFaultReason(fault: BreakFault): string {
  if (fault.kind === 'orphan') return `Page ${fault.page} ends with fewer lines of this paragraph than its orphans allow: "${fault.text}"`;
  if (fault.kind === 'widow') return `Page ${fault.page} begins with fewer lines of this paragraph than its widows allow: "${fault.text}"`;
  return `The heading "${fault.text}" is last on page ${fault.page}, cut off from its text`;
}

/** A problem found on the pages, on the manuscript's file but at the file its place names (a book's
 * chapter: the lines are that file's). */
function pageProblem(file: VFile, reason: string, options: ProblemOptions & { place?: SourcePlace | undefined }): VFileMessage {
  const message = problem(file, reason, options);
  if (options.place?.file) message.file = options.place.file;
  return message;
}

/** The print's stages, as progress says them: layout begins, the checks of the laid-out pages begin
 * (with their count), printing begins. */
export type PdfStage = 'layout' | 'checks' | 'print';
export type OnPdfStage = (stage: PdfStage, pages?: number) => void;

export interface LaidOutPages {
  layout: Layout;
  hyphenation: { broken: number; removed: number };
}

/**
 * The print up to its pages: the print HTML into the sandboxed page, laid out by the engine, soft
 * hyphens settled, the pages checked (lost text, breaks, system fonts), every finding a message on the
 * file. Both the PDF and the preview (preview-pages.ts) take the pages from here.
 */
export async function layOutPages(
  publication: Publication,
  project: Project,
  page: Page,
  file: VFile,
  engine: LayoutEngine,
  lap: (name: string) => void = () => {},
  onStage: OnPdfStage = () => {},
): Promise<LaidOutPages> {
  onStage('layout');
  const { html, droppedImages } = await printHtml(publication, project, engine);
  for (const image of droppedImages) {
    problem(file, `The print page may not load ${image.source} (${image.reason}); left out`, { ruleId: 'resource-blocked', place: image.place, severity: 'warning' });
  }
  lap('html');
  await page.setContent(html, { waitUntil: 'load' });
  await waitForFonts(page);
  lap('load');
  await engine.load(page);
  const layout = await engine.paginate(page, { hyphenGlyph: '-' });
  for (const warning of layout.warnings) problem(file, `${engine.name} warned: ${warning}`, { ruleId: 'layout-engine', severity: 'warning' });
  lap('paginate');
  onStage('checks', layout.pages);
  const { markers } = engine;
  await page.evaluate(await pageScript('in-page'));
  const hyphenation = await page.evaluate(() => window.avimPressInPage.settleSoftHyphens());
  for (const moved of hyphenation.moved) {
    pageProblem(file, `Settling soft hyphens moved the lines of "${moved.text}"`, { ruleId: 'layout-moved-lines', place: moved.place, severity: 'warning' });
  }
  lap('hyphens');
  // Last of the changes to the laid-out pages: nothing may have gone missing.
  const lost = await page.evaluate((markers) => window.avimPressInPage.findLostText(markers), markers);
  if (lost.length > 0) {
    throw new FatalProblems(
      file,
      lost.map((found) => pageProblem(file, lostTextReason(found), { ruleId: 'layout-lost-text', place: found.place, page: found.page })),
    );
  }
  const faults = await page.evaluate((markers) => window.avimPressInPage.findBreakFaults(markers), markers);
  for (const fault of faults) pageProblem(file, breakFaultReason(fault), { ruleId: 'layout-break', place: fault.place, severity: 'warning', page: fault.page });
  lap('verify');
  const systemFonts = await findSystemFonts(page, allFaces(loadTypefaces(project.brand)), markers);
  if (systemFonts.length > 0) {
    const messages: VFileMessage[] = systemFonts.map((use) =>
      pageProblem(file, `${describeSystemFontUse(use)}; the PDF must use the brand's fonts only`, { ruleId: 'font-fallback', place: use.place }),
    );
    throw new FatalProblems(file, messages);
  }
  lap('fonts');
  return { layout, hyphenation: { broken: hyphenation.broken, removed: hyphenation.removed } };
}

/** Before the print: the publication's source, laid out and checked, leaves the page, and the page's
 * memory is collected. Chromium's print makes a layout of every page of its own; the source (a copy of
 * the whole text) need not be held beside it: a 400-page book's page held 620 MiB (docs/speed.md). */
async function releaseSource(page: Page): Promise<void> {
  await page.evaluate((containers) => {
    for (const selector of containers) document.querySelectorAll(selector).forEach((element) => element.remove());
  }, Object.values(PRINT_CONTAINERS));
  const client = await page.createCDPSession();
  try {
    await client.send('HeapProfiler.collectGarbage');
  } finally {
    await client.detach();
  }
}

export async function renderPdf(publication: Publication, project: Project, browser: Browser, file: VFile, engine: LayoutEngine = pagedjsEngine, onStage: OnPdfStage = () => {}): Promise<PdfResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - mark;
    mark = now;
  };
  // A print page from the browser's pool: a fresh document each time (about:blank again after each
  // print, which also gives the next document a new window, without this one's layout engine).
  return withPooledPage(browser, 'print', {
    open: () => openSandboxedPage(browser),
    reset: async ({ page, blocked }) => {
      blocked.length = 0;
      await page.goto('about:blank');
    },
    use: async ({ page, blocked }) => {
      const { layout, hyphenation } = await layOutPages(publication, project, page, file, engine, lap, onStage);
      const { markers } = engine;
      const headings = await page.evaluate((markers) => window.avimPressInPage.collectHeadings(markers), markers);
      const pageMap = await page.evaluate((markers) => window.avimPressInPage.findPageStarts(markers), markers);
      const pageLabels = await page.evaluate((markers) => window.avimPressInPage.findPageLabels(markers), markers);
      lap('headings');
      await releaseSource(page);
      lap('release');
      assertStillBlank(page);
      onStage('print', layout.pages);
      const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
      lap('print');
      const version = await browser.version();
      const { bytes, pages } = await postprocessPdf(printed, publication, {
        producer: `avim-press ${publication.metadata.toolVersion} (${version}; ${engine.name}; pdf-lib)`,
        publisher: localize(project.brand.name, publication.metadata.lang),
        outline: outlineEntries(headings),
        pageLabels,
      });
      lap('postprocess');
      if (pages !== layout.pages) problem(file, `${engine.name} laid out ${layout.pages} pages, Chromium printed ${pages}`, { ruleId: 'layout-engine', severity: 'warning' });
      for (const url of blocked) problem(file, `The print page may not load ${url}; left out`, { ruleId: 'resource-blocked', severity: 'warning' });
      return { bytes, pages, hyphenation, pageMap, timings };
    },
  });
}
