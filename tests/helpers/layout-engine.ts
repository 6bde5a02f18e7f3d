// Minimal documents laid out by Paged.js in the real browser, with all of the adapter's patches or
// without some, for the tripwire tests: the page, what Paged.js warned, and what the renderer's checks
// find. The brand's fonts are inlined, so the layout is the same wherever the tests run.
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { loadProject } from '../../src/load/project.js';
import { loadTypefaces } from '../../src/load/typefaces.js';
import { pageCharacters, pageFontCss } from '../../src/render/font-subsets.js';
import { waitForFonts } from '../../src/render/browser.js';
import { bundlePageScript } from '../../src/render/pdf/build-page-scripts.js';
import { PAGEDJS_MARKERS } from '../../src/render/pdf/engine/pagedjs/markers.js';
import { PAGEDJS_PATCHES, type PagedjsPageWindow, type PagedjsPatch } from '../../src/render/pdf/engine/pagedjs/page-api.js';
import { loadPagedjs } from '../../src/render/pdf/engine/pagedjs/pagedjs-engine.js';
import type { BreakFault, InPageWindow, LostText } from '../../src/render/pdf/in-page-api.js';
import { pageScript } from '../../src/render/pdf/page-scripts.js';
import { ROOT } from './cli.js';
import type { LayoutProbesWindow } from './layout-probes-api.js';

// page.evaluate callbacks run in the page, where these scripts installed them.
declare const window: PagedjsPageWindow & InPageWindow & LayoutProbesWindow;

const typefaces = loadTypefaces(loadProject(ROOT).brand);
// The faces cut, as the renderer cuts them, to what these documents use: Latin and punctuation.
const LATIN = Array.from({ length: 0x17f - 0x20 + 1 }, (_, index) => String.fromCharCode(0x20 + index)).join('') + '‐‑–—‘’“”…';
const fontCss = await pageFontCss(typefaces, pageCharacters(LATIN, 'en'));

/** A plain A5 book page, set like print.css: justified running text, small footnotes whose numbers are in the text. */
export const BASE_CSS = `
@page { size: A5; margin: 20mm 18mm; }
html { font-family: var(--font-body); font-size: 10pt; line-height: 1.45; }
body { margin: 0; }
p { margin: 0 0 0.6em; text-align: justify; orphans: 2; widows: 2; }
.footnote { float: footnote; font-size: 8pt; line-height: 1.35; }
.footnote p { margin: 0 0 0.3em; text-align: left; orphans: 1; widows: 1; }
::footnote-call { content: none; }
::footnote-marker { content: none; }
`;

/** The print HTML's shape (templates/pdf/document.ejs): the publication and the notes in their templates. */
export function tripwireHtml(body: string, options: { css?: string; notes?: string } = {}): string {
  const notes = options.notes ? `<template data-print="footnotes">${options.notes}</template>` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style data-pagedjs-ignore>${fontCss}</style><style>${options.css ?? BASE_CSS}</style></head><body><template data-print="publication">${body}</template>${notes}</body></html>`;
}

export interface LayoutOptions {
  /** The patches applied (default: all of them). */
  patches?: readonly PagedjsPatch[];
  /** Paged.js's own note calls and random note ids removed after layout, as the adapter does (default). */
  removeNoteMarks?: boolean;
  /** 'at-calls': every note straight after its call, even inside another note (place-footnotes.ts avoids that). */
  placement?: 'adapter' | 'at-calls';
  hyphenGlyph?: string;
  /** Run once Paged.js and the patches are loaded, before it lays out. */
  beforeLayout?: (page: Page) => Promise<void>;
}

export interface LaidOut {
  page: Page;
  pages: number;
  /** Everything the page wrote on its console during layout, as "type: text". */
  console: string[];
  lost: LostText[];
  faults: BreakFault[];
}

let probes: Promise<string> | undefined;

export async function layOut(browser: Browser, html: string, options: LayoutOptions = {}): Promise<LaidOut> {
  const page = await browser.newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  await page.setContent(html, { waitUntil: 'load' });
  await waitForFonts(page);
  await page.evaluate(await (probes ??= bundlePageScript(path.join(ROOT, 'tests', 'in-page', 'layout-probes.ts'))));
  if (options.placement === 'at-calls') await page.evaluate(() => window.avimPressProbes.placeNotesAtCalls());
  await loadPagedjs(page, options.patches ?? PAGEDJS_PATCHES);
  await options.beforeLayout?.(page);
  const { pages } = await page.evaluate((settings) => window.avimPressPagedjs.paginate(settings), { hyphenGlyph: options.hyphenGlyph ?? '-' });
  if (options.removeNoteMarks ?? true) await page.evaluate(() => window.avimPressPagedjs.removeNoteMarks());
  await page.evaluate(await pageScript('in-page'));
  const lost = await page.evaluate((markers) => window.avimPressInPage.findLostText(markers), PAGEDJS_MARKERS);
  const faults = await page.evaluate((markers) => window.avimPressInPage.findBreakFaults(markers), PAGEDJS_MARKERS);
  return { page, pages, console, lost, faults };
}

/** All the patches but these. */
export function patchesWithout(...left: PagedjsPatch[]): PagedjsPatch[] {
  return PAGEDJS_PATCHES.filter((patch) => !left.includes(patch));
}
