// Print the publication with Chromium and Paged.js. Paged.js (chosen for real page-bottom footnotes,
// which Chromium's own paged media lacks: FIELD-NOTES.md), with fixes for what it gets wrong, lays
// the document out into pages inside a sandboxed page; then the soft hyphens are settled, the pages
// checked (no text lost, no widow, orphan or stranded heading, no system font), the headings
// collected, and Chromium prints; pdf-lib finishes the file (metadata, outline, identifier).
// The functions under in-page/ run inside the page: Puppeteer sends their source, so each is
// self-contained.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer';
import { localize } from '../../load/brand-schema.js';
import type { Project } from '../../load/project.js';
import type { Publication } from '../../publication/model.js';
import { brandFonts } from '../fonts.js';
import { describeSystemFontUse, findSystemFonts } from './font-check.js';
import { collectHeadings, type PageHeading } from './in-page/collect-headings.js';
import { countBreakFaults } from './in-page/count-break-faults.js';
import { findLostText } from './in-page/find-lost-text.js';
import { fixFootnotes } from './in-page/fix-footnotes.js';
import { paginate } from './in-page/paginate.js';
import { placeFootnotes } from './in-page/place-footnotes.js';
import { registerBreakRules } from './in-page/register-break-rules.js';
import { settleSoftHyphens } from './in-page/settle-soft-hyphens.js';
import type { OutlineEntry } from './outline.js';
import { postprocessPdf } from './pdf-postprocess.js';
import { printHtml } from './print-html.js';
import { assertStillBlank, openSandboxedPage } from './sandbox.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Resources refused: requests the page made, and images that were not inlined. */
  blocked: string[];
  /** Layout problems worth a warning (Paged.js's own, lines moved ...). */
  warnings: string[];
  /** Soft hyphens kept (where a line breaks) and removed (everywhere else). */
  hyphenation: { broken: number; removed: number };
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
}

export class LostTextError extends Error {
  constructor(lost: string[]) {
    super(`the page layout lost text; no PDF is written (layout-lost-text):\n  ${lost.join('\n  ')}`);
    this.name = 'LostTextError';
  }
}

export class SystemFontError extends Error {
  constructor(uses: string[]) {
    super(`text fell back to a system font; the PDF must use the brand's fonts only (font-fallback):\n  ${uses.join('\n  ')}`);
    this.name = 'SystemFontError';
  }
}

// Paged.js's browser build: its package exports only its entry (src/index.js), so find the file beside it.
const PAGED_JS = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagedjs'))), '..', 'dist', 'paged.js');
let pagedSource: string | undefined;

const PX_TO_PT = 72 / 96;

/** Outline entries: each section's headings nested from that section's top heading level. */
function outlineEntries(headings: PageHeading[]): OutlineEntry[] {
  const top = new Map<string, number>();
  for (const heading of headings) top.set(heading.section, Math.min(top.get(heading.section) ?? 6, heading.level));
  return headings
    .filter((heading) => heading.title)
    .map((heading) => ({ title: heading.title, page: heading.page, top: heading.top * PX_TO_PT, depth: heading.level - top.get(heading.section)! }));
}

export async function renderPdf(publication: Publication, project: Project, browser: Browser): Promise<PdfResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - mark;
    mark = now;
  };
  const { html, droppedImages } = printHtml(publication, project);
  pagedSource ??= readFileSync(PAGED_JS, 'utf8');
  lap('html');
  const { page, blocked, warnings } = await openSandboxedPage(browser);
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    lap('load');
    await page.evaluate(placeFootnotes);
    await page.evaluate(pagedSource);
    await page.evaluate(fixFootnotes);
    await page.evaluate(registerBreakRules);
    const layout = await page.evaluate(paginate, { hyphenGlyph: '-' });
    lap('paginate');
    const hyphenation = await page.evaluate(settleSoftHyphens);
    if (hyphenation.moved > 0) warnings.push(`settling soft hyphens moved ${hyphenation.moved} line(s)`);
    lap('hyphens');
    // Last of the changes to the laid-out pages: nothing may have gone missing.
    const lost = await page.evaluate(findLostText);
    if (lost.length > 0) throw new LostTextError(lost);
    const faults = await page.evaluate(countBreakFaults);
    if (faults.where.length > 0) {
      warnings.push(`${faults.orphans} orphan(s), ${faults.widows} widow(s), ${faults.headings} heading(s) cut off at page breaks: ${faults.where.slice(0, 3).join('; ')}`);
    }
    lap('verify');
    const systemFonts = await findSystemFonts(page, brandFonts(project.brand).faces);
    if (systemFonts.length > 0) throw new SystemFontError(systemFonts.map(describeSystemFontUse));
    lap('fonts');
    const headings = await page.evaluate(collectHeadings);
    lap('headings');
    assertStillBlank(page);
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
    lap('print');
    const version = await browser.version();
    const { bytes, pages } = await postprocessPdf(printed, publication, {
      producer: `avim-press ${publication.metadata.toolVersion} (${version}; Paged.js; pdf-lib)`,
      publisher: localize(project.brand.name, publication.metadata.lang),
      outline: outlineEntries(headings),
    });
    lap('postprocess');
    if (pages !== layout.pages) warnings.push(`Paged.js laid out ${layout.pages} pages, Chromium printed ${pages}`);
    return {
      bytes,
      pages,
      blocked: [...droppedImages, ...blocked],
      warnings,
      hyphenation: { broken: hyphenation.broken, removed: hyphenation.removed },
      timings,
    };
  } finally {
    await page.close();
  }
}
