// A print page: a sandboxed page with the in-page checks and the layout engine (with its fixes) in its
// window before its print HTML comes. Puppeteer's setContent writes the HTML into the page's document
// (document.open, write, close), which keeps the window and what the scripts put on it
// (docs/browser.md). The scripts are given to the page once, as scripts of each new document
// (CDP Page.addScriptToEvaluateOnNewDocument): the renderer keeps them and runs them in the new window
// of each `goto('about:blank')`, so they no longer cross the protocol at each print (Paged.js's 636 KB
// took about 60 ms of the 115 ms a print spent putting them in: docs/speed.md).
import type { Browser } from 'puppeteer';
import type { LayoutEngine } from './engine/layout-engine.js';
import type { InPageWindow } from './in-page-api.js';
import { pageScript } from './page-scripts.js';
import { openSandboxedPage, type SandboxedPage } from './sandbox.js';

export interface PrintPage extends SandboxedPage {
  /** The engine in the page's window. */
  engine: LayoutEngine;
  /** Settles once the scripts are in the window; a page whose scripts failed is not printed with. */
  ready: Promise<void>;
  /** The @font-face rules whose faces the window holds already (preloadFontFaces): a print HTML with
   * the same rules is set without them. */
  fontFaces?: string;
}

// page.evaluate callbacks run in the page, where the in-page script installed this.
declare const window: InPageWindow;
declare const document: { fonts: { clear(): void } };

/** A new window, in which the page's scripts run as it is made; what they threw fails it. */
async function newWindow(printPage: PrintPage): Promise<void> {
  const thrown: Error[] = [];
  const listen = (error: unknown) => thrown.push(error instanceof Error ? error : new Error(String(error)));
  printPage.page.on('pageerror', listen);
  try {
    await printPage.page.goto('about:blank');
  } finally {
    printPage.page.off('pageerror', listen);
  }
  if (thrown.length > 0) throw new Error(`The print page's scripts failed: ${thrown.map((error) => error.message).join('; ')}`);
}

/** The page goes on in its own process while the caller does; the caller awaits `ready`. */
function makeReady(printPage: PrintPage, work: Promise<void>): void {
  printPage.ready = work;
  // Seen by whoever awaits it; not unhandled when nobody does (a spare page closed unused).
  printPage.ready.catch(() => undefined);
}

export async function openPrintPage(browser: Browser, engine: LayoutEngine): Promise<PrintPage> {
  const printPage: PrintPage = { ...(await openSandboxedPage(browser)), engine, ready: Promise.resolve() };
  makeReady(
    printPage,
    (async () => {
      for (const script of [await pageScript('in-page'), ...(await engine.scripts())]) await printPage.page.evaluateOnNewDocument(script);
      await newWindow(printPage);
    })(),
  );
  return printPage;
}

/** Empty again for its next print: about:blank gives the page a new window, without the last
 * document's layout, and the scripts run in it (about 50 ms: awaited, so that a page that cannot be
 * emptied fails here, where the pool closes it, and not in the next document's print). */
export async function resetPrintPage(printPage: PrintPage): Promise<void> {
  printPage.blocked.length = 0;
  // A new window has no fonts of its own.
  delete printPage.fontFaces;
  await newWindow(printPage);
  printPage.ready = Promise.resolve();
}

/** Loads the faces of `fontFaces` (@font-face rules) into the page's window once its scripts are in,
 * ahead of its print HTML: the preview's next page, with the last render's fonts, while the person
 * types. Setting the HTML with its fonts' rules took about 50 ms more than without (docs/speed.md). */
export function preloadFontFaces(printPage: PrintPage, fontFaces: string): void {
  makeReady(
    printPage,
    printPage.ready.then(async () => {
      try {
        await printPage.page.evaluate((css) => window.avimPressInPage.loadFontFaces(css), fontFaces);
        printPage.fontFaces = fontFaces;
      } catch {
        // Not held, then: the print HTML brings its own rules, as without this.
        await printPage.page.evaluate(() => document.fonts.clear()).catch(() => undefined);
      }
    }),
  );
}
