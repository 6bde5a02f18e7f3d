// Print the publication with Chromium. The page is sandboxed: it is given its HTML directly, every
// resource is inlined as a data: URL, and any other request (network, file, ..) is refused and reported.
import type { Browser, HTTPRequest } from 'puppeteer';
import type { Project } from '../../load/project.js';
import type { Publication } from '../../publication/model.js';
import { postprocessPdf } from './pdf-postprocess.js';
import { printHtml } from './print-html.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Requests the page tried to make and was refused. */
  blocked: string[];
}

export async function renderPdf(publication: Publication, project: Project, browser: Browser): Promise<PdfResult> {
  const html = printHtml(publication, project);
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (url.startsWith('data:')) void request.continue();
      else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // A meta refresh or a navigation attempt must not print some other page.
    if (page.url() !== 'about:blank') throw new Error(`The print page navigated away to ${page.url()}`);
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const version = await browser.version();
    const producer = `avim-press ${publication.metadata.toolVersion} (${version}; pdf-lib)`;
    const { bytes, pages } = await postprocessPdf(printed, publication, { producer });
    return { bytes, pages, blocked };
  } finally {
    await page.close();
  }
}
