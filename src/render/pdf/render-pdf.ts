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
import { describeSystemFontUse, findSystemFonts, type SystemFontUse } from './font-check.js';
import type { BreakFault, HyphenSettling, InPageWindow, LostText, PageStart, PartStart, SourcePlace } from './in-page-api.js';
import { outlineEntries } from './outline.js';
import { postprocessPdf } from './pdf-postprocess.js';
import { printHtml } from './print-html.js';
import { printPages, PRINT_CHUNKS, type PrintChunks } from './print-chunks.js';
import { openPrintPage, resetPrintPage, type PrintPage } from './print-page.js';
import { assertStillBlank } from './sandbox.js';
import { withPooledPage } from '../pooled-pages.js';

// page.evaluate callbacks run in the page, where the in-page script installed this.
declare const window: InPageWindow;
declare const document: { querySelectorAll(selector: string): { forEach(each: (element: { remove(): void }) => void): void }; fonts: { clear(): void } };

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Soft hyphens kept (where a line breaks) and removed (everywhere else). */
  hyphenation: { broken: number; removed: number };
  /** Where each page's text starts, for the EPUB's page-break markers and page list (render/page-map.ts). */
  pageMap: PageStart[];
  /** How many parts the pages were laid out in at once (1: in one piece). */
  layoutParts: number;
  /** How many chunks the pages were printed in (1: in one piece). */
  printChunks: number;
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
  /** How many parts were laid out at once and joined (1: in one piece). */
  parts: number;
  /** The print HTML's fonts stylesheet (print-html.ts). */
  fontCss: string;
  /** Its @font-face rules alone. */
  fontFaces: string;
}

/** The pages once final, before the checks that only read them (layOutPages' `onPages`). */
export interface FinalPages {
  pages: number;
  fontCss: string;
  fontFaces: string;
}

/** What layOutPages reports as it goes, and how it may lay a long publication out. */
export interface LayOutOptions {
  /** Each step's end, by name (the benchmark's figures). */
  lap?: (name: string) => void;
  onStage?: OnPdfStage;
  /** In parts at once, in more pages of this browser (a long publication). */
  inParts?: { browser: Browser; options: LayoutPartsOptions; lapFor?: (part: number) => (name: string) => void };
  /** The pages once final, before the checks that only read them. */
  onPages?: (final: FinalPages) => Promise<void>;
}

/** How a long publication is laid out: in at most `parts` parts at once, each at least
 * `minimumPartLength` characters of print HTML (layout-parts.ts); 1 lays everything out in one piece. */
export interface LayoutPartsOptions {
  parts: number;
  minimumPartLength: number;
}

/** Two parts: this machine's two cores (docs/speed.md), a part worth its page's start-up from about 50
 * pages (250 000 characters of print HTML). A fixed number, not the machine's: the bytes must not depend
 * on where it ran. */
export const LAYOUT_PARTS: LayoutPartsOptions = { parts: 2, minimumPartLength: 250_000 };

/** What the layout of one part found, as data: messages are made once the parts are joined, with the
 * page numbers of the whole. */
interface PartFindings {
  layout: Layout;
  hyphenation: HyphenSettling;
  /** Text of the part's source on no page (the first part's is checked after the join). */
  lost: LostText[];
  systemFonts: SystemFontUse[];
  blocked: string[];
  /** Where the part's first page must be (a later part of a book). */
  startsOn: PartStart;
}

/**
 * One print document into its pages: the HTML into the sandboxed page, laid out by the engine, soft
 * hyphens settled, its source checked against its pages (unless `checkSourceLater`), system fonts looked
 * for.
 */
async function layOutPart(
  html: string,
  project: Project,
  printPage: PrintPage,
  options: { checkSourceLater: boolean; fontFaces: string; lap: (name: string) => void; onPaginated: (pages: number) => void },
): Promise<Omit<PartFindings, 'blocked'>> {
  const { lap, fontFaces } = options;
  const { page, engine } = printPage;
  await printPage.ready;
  lap('scripts');
  // The faces the window holds already (print-page.ts: preloadFontFaces) are not sent again; faces of
  // another text leave, and the HTML's own rules load. (Held only for an HTML that has those rules: a
  // designer's document template may leave the fonts out, and the page must then do without them.)
  const held = fontFaces !== '' && printPage.fontFaces === fontFaces && html.includes(fontFaces);
  if (printPage.fontFaces !== undefined && !held) {
    await page.evaluate(() => document.fonts.clear());
    delete printPage.fontFaces;
  }
  await page.setContent(held ? html.replace(fontFaces, '') : html, { waitUntil: 'load' });
  await waitForFonts(page);
  lap('load');
  const startsOn = await page.evaluate(() => window.avimPressInPage.partStartSide());
  await engine.load(page);
  const layout = await engine.paginate(page, { hyphenGlyph: '-' });
  lap('paginate');
  options.onPaginated(layout.pages);
  const { markers } = engine;
  const hyphenation = await page.evaluate(() => window.avimPressInPage.settleSoftHyphens());
  lap('hyphens');
  if (options.checkSourceLater) return { layout, hyphenation, lost: [], systemFonts: [], startsOn };
  const lost = await page.evaluate((markers) => window.avimPressInPage.findLostText(markers), markers);
  // (Text cut off is looked for again on the joined pages; a part that lost its source's text stops here.)
  const systemFonts = lost.some((one) => one.kind !== 'cut-off') ? [] : await findSystemFonts(page, allFaces(loadTypefaces(project.brand)), markers);
  lap('fonts');
  return { layout, hyphenation, lost, systemFonts, startsOn };
}

/**
 * The print up to its pages: the print HTML laid out by the engine (a long publication in parts at
 * once, in more pages of the browser, joined in `page`), soft hyphens settled, the pages checked (lost
 * text, breaks, system fonts), every finding a message on the file, and the page numbers of links filled
 * in. Both the PDF and the preview (preview-pages.ts) take the pages from here. `onPages` is called
 * once the pages are final and no text is lost, before the checks that only read them (system fonts,
 * breaks): the preview shows them meanwhile.
 */
export async function layOutPages(publication: Publication, project: Project, printPage: PrintPage, file: VFile, options: LayOutOptions = {}): Promise<LaidOutPages> {
  const { lap = () => {}, onStage = () => {}, inParts, onPages = () => Promise.resolve() } = options;
  const { page, engine } = printPage;
  onStage('layout');
  const { html, parts, droppedImages, fontCss, fontFaces } = await printHtml(publication, project, engine, inParts?.options);
  for (const image of droppedImages) {
    problem(file, `The print page may not load ${image.source} (${image.reason}); left out`, { ruleId: 'resource-blocked', place: image.place, severity: 'warning' });
  }
  lap('html');
  const { markers } = engine;
  // The checks begin once, with the pages' count: laid out again in one piece after the parts, they are not said again.
  let checksSaid = false;
  const checksBegin = (pages: number) => {
    if (!checksSaid) onStage('checks', pages);
    checksSaid = true;
  };
  const inOnePiece = async (): Promise<PartFindings[]> => [{ ...(await layOutPart(html, project, printPage, { checkSourceLater: true, fontFaces, lap, onPaginated: checksBegin })), blocked: [] }];
  let findings: PartFindings[];
  let offsets = [0];
  if (parts.length > 1 && inParts) {
    const paginated = parts.map(() => deferred<number>());
    void Promise.all(paginated.map((each) => each.promise)).then(
      (counts) => checksBegin(counts.reduce((sum, count) => sum + count, 0)),
      () => undefined,
    );
    // A later part's page is closed once its pages are taken (not kept in the pool): its renderer's
    // memory goes before the print, and only long publications are laid out in parts.
    const later = parts.slice(1).map(async (partHtml, index) => {
      const held = await openPrintPage(inParts.browser, engine);
      try {
        const partLap = inParts.lapFor?.(index + 2) ?? (() => {});
        const found = await layOutPart(partHtml, project, held, { checkSourceLater: false, fontFaces, lap: partLap, onPaginated: paginated[index + 1]!.resolve });
        assertStillBlank(held.page);
        const pages = await engine.exportPages(held.page);
        partLap('export');
        return { ...found, blocked: [...held.blocked], pages };
      } finally {
        await held.page.close().catch(() => undefined);
      }
    });
    const settled = await Promise.allSettled([
      // The first part's source is checked and let go while the others are still laid out: the page
      // takes the others' pages next, and the peak of memory is there.
      layOutPart(parts[0]!, project, printPage, { checkSourceLater: false, fontFaces, lap, onPaginated: paginated[0]!.resolve }).then(async (found) => {
        await releaseSource(page, found.layout.pages);
        lap('release');
        return { ...found, blocked: [], pages: '' };
      }),
      ...later,
    ]);
    lap('wait');
    for (const each of paginated) each.reject(new Error('not laid out'));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const laidOut = settled.map((result) => (result as PromiseFulfilledResult<PartFindings & { pages: string }>).value);
    // What the later parts' pages were refused joins the first page's list, each once (renderPdf reports it).
    for (const url of laidOut.flatMap((part) => part.blocked)) if (!printPage.blocked.includes(url)) printPage.blocked.push(url);
    let total = laidOut[0]!.layout.pages;
    // A part that does not start a page would not sit as laid out apart.
    let exact = laidOut.slice(1).every((part) => part.startsOn !== 'none');
    for (const part of exact ? laidOut.slice(1) : []) {
      const joined = await engine.joinPages(page, part.pages, part.startsOn === 'left' || part.startsOn === 'right' ? part.startsOn : undefined);
      offsets.push(total + joined.added - part.layout.pages);
      total += joined.added;
      exact &&= joined.exact;
    }
    if (exact) {
      // The joined pages' images were made again from HTML: decoded before anything prints them.
      await page.evaluate(() => window.avimPressInPage.imagesDecoded());
      // Text cut off at a page's foot is looked for again below, on the joined pages.
      findings = laidOut.map((part, index) => ({
        ...part,
        lost: part.lost.filter((lost) => lost.kind !== 'cut-off'),
        layout: index === 0 ? { pages: total, warnings: part.layout.warnings } : part.layout,
      }));
      lap('join');
    } else {
      // The parts' pages would not sit as laid out: the whole in one piece after all (nothing the parts
      // found is reported: the whole is checked again).
      await resetPrintPage(printPage);
      findings = await inOnePiece();
      offsets = [0];
    }
  } else findings = await inOnePiece();
  // The pages are all here: links learn their targets' folios, then nothing may have gone missing
  // (the source, when laid out in one piece; every page's foot).
  const cutOrLost = async (withSource: boolean): Promise<LostText[]> => {
    await page.evaluate((markers) => window.avimPressInPage.fillPageReferences(markers), markers);
    return page.evaluate((markers, withSource) => window.avimPressInPage.findLostText(markers, withSource), markers, withSource);
  };
  let lost = await cutOrLost(findings.length === 1);
  if (findings.length > 1 && lost.length > 0 && inParts) {
    // Cut off only once joined: a page number filled in after the layout may have lengthened a line,
    // where the engine, laying out in one piece, knows a backward reference's page as it goes. The
    // whole in one piece decides (and reports what it finds).
    await resetPrintPage(printPage);
    findings = await inOnePiece();
    offsets = [0];
    lost = await cutOrLost(true);
  }
  findings[0]!.lost.push(...lost);
  lap('verify');
  if (lost.length === 0) await onPages({ pages: findings[0]!.layout.pages, fontCss, fontFaces });
  // Laid out in one piece: its system fonts, looked for on the final pages (the parts' were, in each part).
  if (findings.length === 1 && !lost.some((one) => one.kind !== 'cut-off')) {
    findings[0]!.systemFonts = await findSystemFonts(page, allFaces(loadTypefaces(project.brand)), markers);
    lap('fonts');
  }
  const faults = await page.evaluate((markers) => window.avimPressInPage.findBreakFaults(markers), markers);
  lap('breaks');
  reportFindings(file, engine, findings, offsets, faults);
  const pages = findings[0]!.layout.pages;
  const hyphenation = { broken: 0, removed: 0 };
  for (const found of findings) {
    hyphenation.broken += found.hyphenation.broken;
    hyphenation.removed += found.hyphenation.removed;
  }
  return { layout: { pages, warnings: findings.flatMap((found) => found.layout.warnings) }, hyphenation, parts: findings.length, fontCss, fontFaces };
}

/** The findings of the parts as messages on the file, page numbers those of the joined pages: the
 * engine's warnings, lines moved by the soft hyphens, lost text (fatal), faulty breaks, system fonts (fatal). */
function reportFindings(file: VFile, engine: LayoutEngine, findings: PartFindings[], offsets: number[], faults: BreakFault[]): void {
  for (const found of findings) {
    for (const warning of found.layout.warnings) problem(file, `${engine.name} warned: ${warning}`, { ruleId: 'layout-engine', severity: 'warning' });
  }
  for (const found of findings) {
    for (const moved of found.hyphenation.moved) {
      pageProblem(file, `Settling soft hyphens moved the lines of "${moved.text}"`, { ruleId: 'layout-moved-lines', place: moved.place, severity: 'warning' });
    }
  }
  const lost = findings.flatMap((found, index) => found.lost.map((one) => (one.page === undefined ? one : { ...one, page: one.page + offsets[index]! })));
  if (lost.length > 0) {
    throw new FatalProblems(
      file,
      lost.map((found) => pageProblem(file, lostTextReason(found), { ruleId: 'layout-lost-text', place: found.place, page: found.page })),
    );
  }
  for (const fault of faults) pageProblem(file, breakFaultReason(fault), { ruleId: 'layout-break', place: fault.place, severity: 'warning', page: fault.page });
  const systemFonts = findings.flatMap((found) => found.systemFonts);
  if (systemFonts.length > 0) {
    const messages: VFileMessage[] = systemFonts.map((use) =>
      pageProblem(file, `${describeSystemFontUse(use)}; the PDF must use the brand's fonts only`, { ruleId: 'font-fallback', place: use.place }),
    );
    throw new FatalProblems(file, messages);
  }
}

/** A promise and its two ends (Promise.withResolvers, which Node 20 lacks). */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** From how many pages a print page's memory is worth collecting before the print (releaseSource). */
const COLLECT_FROM_PAGES = 50;

/** Before the print: the publication's source, laid out and checked, leaves the page, and (for a long
 * publication) the page's memory is collected. Chromium's print makes a layout of every page of its
 * own; the source (a copy of the whole text) need not be held beside it: a 400-page book's page held
 * 620 MiB (docs/speed.md). Collecting took 60–65 ms of a 5-page article's print, for nothing to speak of. */
async function releaseSource(page: Page, pages: number): Promise<void> {
  await page.evaluate((containers) => {
    for (const selector of containers) document.querySelectorAll(selector).forEach((element) => element.remove());
  }, Object.values(PRINT_CONTAINERS));
  if (pages < COLLECT_FROM_PAGES) return;
  const client = await page.createCDPSession();
  try {
    await client.send('HeapProfiler.collectGarbage');
  } finally {
    await client.detach();
  }
}

export async function renderPdf(
  publication: Publication,
  project: Project,
  browser: Browser,
  file: VFile,
  engine: LayoutEngine = pagedjsEngine,
  onStage: OnPdfStage = () => {},
  parts: LayoutPartsOptions = LAYOUT_PARTS,
  printChunks: PrintChunks = PRINT_CHUNKS,
): Promise<PdfResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - mark;
    mark = now;
  };
  // A print page from the browser's pool, one pool per engine: a fresh document each time (about:blank
  // again after each print gives the next document a new window, without this one's layout), the
  // engine put into it while the caller goes on (print-page.ts).
  return withPooledPage(browser, `print: ${engine.name}`, {
    open: () => openPrintPage(browser, engine),
    reset: resetPrintPage,
    use: async (printPage) => {
      const { page, blocked } = printPage;
      // A later part's steps, timed from when the parts begin (the benchmark's figures).
      const lapFor = (part: number) => {
        let partMark = performance.now();
        return (name: string) => {
          const now = performance.now();
          timings[`part ${part}: ${name}`] = now - partMark;
          partMark = now;
        };
      };
      const { layout, hyphenation, parts: layoutParts } = await layOutPages(publication, project, printPage, file, { lap, onStage, inParts: { browser, options: parts, lapFor } });
      const { markers } = engine;
      const headings = await page.evaluate((markers) => window.avimPressInPage.collectHeadings(markers), markers);
      const pageMap = await page.evaluate((markers) => window.avimPressInPage.findPageStarts(markers), markers);
      const pageLabels = await page.evaluate((markers) => window.avimPressInPage.findPageLabels(markers), markers);
      lap('headings');
      // (Laid out in parts, the first part's page let its source go before the join.)
      if (layoutParts === 1) {
        await releaseSource(page, layout.pages);
        lap('release');
      }
      assertStillBlank(page);
      onStage('print', layout.pages);
      const printed = await printPages(page, layout.pages, markers, printChunks);
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
      return { bytes, pages, hyphenation, pageMap, layoutParts, printChunks: printed.length, timings };
    },
  });
}
