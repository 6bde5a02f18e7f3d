// A print page: a sandboxed page with the in-page checks and the layout engine (with its fixes) in its
// window before its print HTML comes. Puppeteer's setContent writes the HTML into the page's document
// (document.open, write, close), which keeps the window and what the scripts put on it
// (docs/browser.md), so a page made ready ahead of time (the preview's spare page, a pooled page after
// its last print, a book's later parts while the first is loading) spends none of its layout's time on
// them: Paged.js alone took about 105 ms per print to send and evaluate (docs/speed.md).
import type { Browser } from 'puppeteer';
import type { LayoutEngine } from './engine/layout-engine.js';
import { pageScript } from './page-scripts.js';
import { openSandboxedPage, type SandboxedPage } from './sandbox.js';

export interface PrintPage extends SandboxedPage {
  /** The engine in the page's window. */
  engine: LayoutEngine;
  /** Settles once the scripts are in the window; a page whose scripts failed is not printed with. */
  ready: Promise<void>;
}

async function putScripts(printPage: PrintPage): Promise<void> {
  await printPage.page.evaluate(await pageScript('in-page'));
  await printPage.engine.prepare(printPage.page);
}

/** The scripts go in at once, in the page's own process; the caller goes on meanwhile and awaits `ready`. */
function makeReady(printPage: PrintPage): void {
  printPage.ready = putScripts(printPage);
  // Seen by whoever awaits it; not unhandled when nobody does (a spare page closed unused).
  printPage.ready.catch(() => undefined);
}

export async function openPrintPage(browser: Browser, engine: LayoutEngine): Promise<PrintPage> {
  const printPage: PrintPage = { ...(await openSandboxedPage(browser)), engine, ready: Promise.resolve() };
  makeReady(printPage);
  return printPage;
}

/** Empty again for its next print: about:blank gives the page a new window, without the last
 * document's layout; the scripts go into it while the caller goes on. */
export async function resetPrintPage(printPage: PrintPage): Promise<void> {
  printPage.blocked.length = 0;
  await printPage.page.goto('about:blank');
  makeReady(printPage);
}
