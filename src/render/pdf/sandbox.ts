// The print page's sandbox: it is given its HTML directly (about:blank) and may load nothing but
// data: URLs; every other request (network, file://, "..", chrome://) is refused and reported. Its
// Content-Security-Policy (in the document template) allows no script at all.
import type { Browser, HTTPRequest, Page } from 'puppeteer';

export interface SandboxedPage {
  page: Page;
  /** URLs the page asked for and was refused, in order, once each. */
  blocked: string[];
  /** What the page's own code (Paged.js) warned about. */
  warnings: string[];
}

export async function openSandboxedPage(browser: Browser): Promise<SandboxedPage> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  const warnings: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (url.startsWith('data:')) void request.continue();
    else {
      if (!blocked.includes(url)) blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'warn') warnings.push(message.text());
  });
  return { page, blocked, warnings };
}

/** A meta refresh or any navigation must not leave the page printing something else. */
export function assertStillBlank(page: Page): void {
  if (page.url() !== 'about:blank') throw new Error(`The print page navigated away to ${page.url()}; refusing to print it`);
}
