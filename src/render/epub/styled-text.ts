// What the EPUB's text is set in: each content document, with the EPUB's own stylesheet, shown in a
// sandboxed page of the run's browser one after another (each with its body class, as the chapter
// template gives it), and the page script (in-page/styled-text.ts) reads the computed styles. No
// fonts are loaded: which face draws which character is worked out in Node from the cmaps. One such
// page serves one EPUB after another (pooled-pages.ts).
import type { Browser, Page } from 'puppeteer';
import { hastToHtml } from '../../util/html.js';
import { pageScript } from '../pdf/page-scripts.js';
import { openSandboxedPage } from '../pdf/sandbox.js';
import { withPooledPage } from '../pooled-pages.js';
import type { ContentDocument } from './documents.js';
import type { StyledText, StyledTextWindow } from './styled-text-api.js';

declare const window: StyledTextWindow;
// The page's own document, for the stylesheet and language of each EPUB (page.evaluate callbacks run there).
declare const document: { documentElement: { lang: string }; body: { innerHTML: string }; querySelector(selector: 'style'): { textContent: string } | null };

const POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/** A document as a reading system shows it: its body's class and markup. */
export interface ShownDocument {
  bodyClass: string;
  html: string;
}

/** Content documents as the chapter template shows them. */
export function shownDocuments(documents: ContentDocument[]): ShownDocument[] {
  return documents.map((document) => ({
    bodyClass: `part-${document.kind}`,
    html: document.kind === 'chapter' ? `<section role="doc-chapter">${hastToHtml(document.tree)}</section>` : hastToHtml(document.tree),
  }));
}

async function openStyledTextPage(browser: Browser): Promise<Page> {
  const { page } = await openSandboxedPage(browser);
  await page.setContent(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"><style></style></head><body></body></html>`);
  await page.evaluate(await pageScript('styled-text'));
  return page;
}

/** The documents' text grouped by computed family, weight and style. */
export function collectStyledText(browser: Browser, shown: ShownDocument[], css: string, lang: string): Promise<StyledText[]> {
  return withPooledPage(browser, 'styled-text', {
    open: async () => ({ page: await openStyledTextPage(browser) }),
    use: async ({ page }) => {
      await page.evaluate(
        (stylesheet, language) => {
          document.documentElement.lang = language;
          document.querySelector('style')!.textContent = stylesheet;
        },
        css,
        lang,
      );
      const runs: StyledText[] = [];
      for (const { bodyClass, html } of shown) runs.push(...(await page.evaluate((name, markup) => window.avimPressStyledText(name, markup), bodyClass, html)));
      return runs;
    },
    // A book's documents would stay in the page until the next EPUB.
    reset: ({ page }) =>
      page.evaluate(() => {
        document.body.innerHTML = '';
      }),
  });
}
