// The Paged.js adapter: the LayoutEngine that lays the print HTML out with Paged.js 0.4.3 (chosen for
// real page-bottom footnotes, which Chromium's own paged media lacks), with fixes for what it gets
// wrong. Its page script (in-page/, built by build-page-scripts.ts) places the notes, patches Paged.js
// and paginates; this side loads it, then Paged.js, and gathers what Paged.js warns about.
import type { ConsoleMessage, Page } from 'puppeteer';
import { pageScript } from '../../page-scripts.js';
import type { LayoutEngine, LayoutSettings } from '../layout-engine.js';
import { footnoteElement } from './footnote-element.js';
import { PAGEDJS_MARKERS } from './markers.js';
import { PAGEDJS_PATCHES, type PagedjsPageWindow, type PagedjsPatch } from './page-api.js';

// page.evaluate callbacks run in the page, where the page script installed this.
declare const window: PagedjsPageWindow;

/**
 * Paged.js for a page, with or before its print HTML: the adapter's page script, Paged.js's browser
 * build, then the patches (which only register handlers and wrap Paged.js's methods; none reads the
 * document). The tripwire tests leave patches out.
 */
export async function pagedjsScripts(patches: readonly PagedjsPatch[] = PAGEDJS_PATCHES): Promise<string[]> {
  return [await pageScript('pagedjs'), await pageScript('paged'), `for (const name of ${JSON.stringify(patches)}) window.avimPressPagedjs.applyPatch(name);`];
}

/** Each note to its call in the print HTML the page holds, where Paged.js takes it from. */
async function placeFootnotes(page: Page): Promise<void> {
  await page.evaluate(() => window.avimPressPagedjs.placeFootnotes());
}

/** Paged.js into a page that holds its print HTML already (the tests, the benchmark's floor). */
export async function loadPagedjs(page: Page, patches: readonly PagedjsPatch[] = PAGEDJS_PATCHES): Promise<void> {
  for (const script of await pagedjsScripts(patches)) await page.evaluate(script);
  await placeFootnotes(page);
}

export const pagedjsEngine: LayoutEngine = {
  name: 'Paged.js',
  markers: PAGEDJS_MARKERS,
  footnoteElement,
  scripts: () => pagedjsScripts(),
  load: placeFootnotes,
  async paginate(page: Page, settings: LayoutSettings) {
    // Paged.js reports what it could not lay out on the console.
    const warnings: string[] = [];
    const listen = (message: ConsoleMessage) => {
      if (message.type() === 'warn') warnings.push(message.text());
    };
    page.on('console', listen);
    try {
      const { pages } = await page.evaluate((settings) => window.avimPressPagedjs.paginate(settings), settings);
      await page.evaluate(() => window.avimPressPagedjs.removeNoteMarks());
      return { pages, warnings };
    } finally {
      page.off('console', listen);
    }
  },
  // Packed on the way from one page to the other (in-page/packed-text.ts).
  exportPages: (page) => page.evaluate(() => window.avimPressPagedjs.exportPackedPages()),
  joinPages: (page, pages, startsOn) => page.evaluate((pages, startsOn) => window.avimPressPagedjs.appendPackedPages(pages, startsOn), pages, startsOn),
};
