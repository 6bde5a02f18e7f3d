// The print page's sandbox: it is given its HTML directly (about:blank) and may load nothing but
// data: URLs; every other request (network, file://, "..", chrome://) is refused and reported. Its
// Content-Security-Policy (in the document template) allows no script at all.
import type { Browser, HTTPRequest, Page } from 'puppeteer';

const REFUSED = [/^Not allowed to load local resource: (\S+)/, /'([^']+)' violates the following Content Security Policy directive/];

export interface SandboxedPage {
  page: Page;
  /** URLs the page asked for and was refused, in order, once each. */
  blocked: string[];
}

export async function openSandboxedPage(browser: Browser): Promise<SandboxedPage> {
  const page = await browser.newPage();
  const blocked: string[] = [];
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
    // Loads Chromium refuses before any request is made (file:// from this page, the policy's
    // object-src) reach the console only.
    const refused = REFUSED.map((pattern) => pattern.exec(message.text())?.[1]).find(Boolean);
    if (message.type() === 'error' && refused && !blocked.includes(refused)) blocked.push(refused);
  });
  return { page, blocked };
}

/** A meta refresh or any navigation must not leave the page printing something else. */
export function assertStillBlank(page: Page): void {
  if (page.url() !== 'about:blank') throw new Error(`The print page navigated away to ${page.url()}; refusing to print it`);
}
