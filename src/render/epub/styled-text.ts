// What the EPUB's text is set in: each content document, with the EPUB's own stylesheet, shown in a
// sandboxed page of the run's browser one after another (each with its body class, as the chapter
// template gives it), and the page script (in-page/styled-text.ts) reads the computed styles. No
// fonts are loaded: which face draws which character is worked out in Node from the cmaps.
import type { Browser } from 'puppeteer';
import { hastToHtml } from '../../util/html.js';
import { pageScript } from '../pdf/page-scripts.js';
import { openSandboxedPage } from '../pdf/sandbox.js';
import type { ContentDocument } from './documents.js';
import type { StyledText, StyledTextWindow } from './styled-text-api.js';

declare const window: StyledTextWindow;

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

/** The documents' text grouped by computed family, weight and style. */
export async function collectStyledText(browser: Browser, shown: ShownDocument[], css: string, lang: string): Promise<StyledText[]> {
  const { page } = await openSandboxedPage(browser);
  try {
    await page.setContent(`<!DOCTYPE html><html lang="${lang}"><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"><style>${css}</style></head><body></body></html>`);
    await page.evaluate(await pageScript('styled-text'));
    const runs: StyledText[] = [];
    for (const { bodyClass, html } of shown) runs.push(...(await page.evaluate((name, markup) => window.avimPressStyledText(name, markup), bodyClass, html)));
    return runs;
  } finally {
    await page.close();
  }
}
