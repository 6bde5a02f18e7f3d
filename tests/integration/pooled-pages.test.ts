// The browser's pages are kept and reused between documents (src/render/pooled-pages.ts): a document
// must come out exactly as it does from a page of its own, whatever the page printed before, and
// documents built at once must not share a page.
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import { renderEpub } from '../../src/render/epub/render-epub.js';
import { pagedjsEngine } from '../../src/render/pdf/engine/pagedjs/pagedjs-engine.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { withPooledPage } from '../../src/render/pooled-pages.js';
import { ROOT } from '../helpers/cli.js';
import { published } from '../helpers/publication.js';
import { project } from '../helpers/transform.js';

const SAMPLE = path.join(ROOT, 'manuscript', 'china-central-asia.md');
const TURKISH = path.join(ROOT, 'tests', 'fixtures', 'tr-analiz.md');

async function pdfOf(source: string, browser: Browser): Promise<Buffer> {
  const { publication, file } = await published(source);
  return Buffer.from((await renderPdf(publication, project, browser, file)).bytes);
}

async function epubOf(source: string, browser: Browser): Promise<Buffer> {
  const { publication } = await published(source);
  return (await renderEpub(publication, project, { browser: () => Promise.resolve(browser) })).bytes;
}

describe('pooled pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives a page back for the next use, a second page to a use at the same time, and closes a page whose use failed', async () => {
    const open = async () => ({ page: await browser.newPage() });
    const first = await withPooledPage(browser, 'probe', { open, use: ({ page }) => Promise.resolve(page) });
    const again = await withPooledPage(browser, 'probe', { open, use: ({ page }) => Promise.resolve(page) });
    expect(again).toBe(first);
    const [one, two] = await Promise.all([0, 1].map(() => withPooledPage(browser, 'probe', { open, use: async ({ page }) => (await new Promise((resolve) => setTimeout(resolve, 50)), page) })));
    expect(one).not.toBe(two);
    const failed = await withPooledPage(browser, 'probe', {
      open,
      use: ({ page }) => Promise.reject(Object.assign(new Error('failed'), { page })),
    }).catch((error: Error & { page: typeof first }) => error.page);
    expect(failed.isClosed()).toBe(true);
    const after = await withPooledPage(browser, 'probe', { open, use: ({ page }) => Promise.resolve(page) });
    expect(after).not.toBe(failed);
  });

  it('prints a document on a used page exactly as on a browser of its own', async () => {
    const fresh = await launchBrowser();
    let alone: Buffer;
    try {
      alone = await pdfOf(TURKISH, fresh.browser);
    } finally {
      await fresh.browser.close();
    }
    // The sample first: its layout engine, fonts and pages were in the page the Turkish one now gets.
    await pdfOf(SAMPLE, browser);
    expect((await pdfOf(TURKISH, browser)).equals(alone)).toBe(true);
  });

  it('makes an EPUB on used pages exactly as on a browser of its own', async () => {
    const fresh = await launchBrowser();
    let alone: Buffer;
    try {
      alone = await epubOf(TURKISH, fresh.browser);
    } finally {
      await fresh.browser.close();
    }
    await epubOf(SAMPLE, browser);
    expect((await epubOf(TURKISH, browser)).equals(alone)).toBe(true);
  });

  it('fails a print whose page scripts threw, with their error, and prints on a new page next', async () => {
    // The scripts run in each new window of the print page (print-page.ts), where nothing awaits them.
    const broken = { ...pagedjsEngine, name: 'Paged.js, broken', scripts: async () => [...(await pagedjsEngine.scripts()), 'throw new Error("a broken patch")'] };
    const { publication, file } = await published(TURKISH);
    await expect(renderPdf(publication, project, browser, file, broken)).rejects.toThrow(/print page's scripts failed: a broken patch/);
    await expect(renderPdf(publication, project, browser, file, broken)).rejects.toThrow(/a broken patch/);
    expect((await renderPdf(publication, project, browser, file)).pages).toBeGreaterThan(0);
  });
});
