// The cover image: the file the front matter names, or a branded cover (title, authors, wordmark)
// drawn by the same browser that prints the PDF (once per page and browser version: the project's cache
// keeps it). The page is sandboxed like the print page: its HTML is given directly, fonts inlined,
// scripts off, every request refused.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import { localize } from '../../load/brand-schema.js';
import type { Project } from '../../load/project.js';
import type { Publication } from '../../publication/model.js';
import { waitForFonts } from '../browser.js';
import { loadTypefaces } from '../../load/typefaces.js';
import { withPageFonts } from '../font-subsets.js';
import { withPooledPage } from '../pooled-pages.js';
import type { ImagePackage, PackagedImage } from './images.js';

const WIDTH = 1600;
const HEIGHT = 2560;

export async function coverImage(publication: Publication, project: Project, images: ImagePackage, browser: () => Promise<Browser>): Promise<PackagedImage> {
  if (publication.metadata.cover) return images.add(publication.metadata.cover, { name: 'cover', properties: 'cover-image' });
  return images.addData(await drawCover(publication, project, await browser()), 'cover', { mediaType: 'image/jpeg', extension: 'jpg' }, 'cover-image');
}

async function drawCover(publication: Publication, project: Project, browser: Browser): Promise<Buffer> {
  const { metadata } = publication;
  const coverCss = readFileSync(path.join(project.stylesDir, 'cover.css'), 'utf8');
  const render = (css: string) =>
    project.templates.render('epub/cover-art.ejs', {
      meta: metadata,
      brand: project.brand,
      brandName: localize(project.brand.name, metadata.lang),
      css,
    });
  // The faces cut to what the cover shows.
  const html = await withPageFonts(loadTypefaces(project.brand), metadata.lang, (fontCss) => render([fontCss, coverCss].join('\n')));
  // The same page in the same browser draws the same pixels: drawn once, kept in the project's cache
  // (a batch rebuilt after a text change does not draw its covers again).
  const cached = path.join(
    project.root,
    '.avim-press-cache',
    'covers',
    `${createHash('sha256')
      .update(`${await browser.version()}\n${WIDTH}x${HEIGHT}\n${html}`)
      .digest('hex')}.jpg`,
  );
  if (existsSync(cached)) return readFileSync(cached);
  const drawn = await screenshot(html, browser);
  mkdirSync(path.dirname(cached), { recursive: true });
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, drawn);
  renameSync(temporary, cached);
  return drawn;
}

async function openCoverPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
  await page.setViewport({ width: WIDTH, height: HEIGHT, deviceScaleFactor: 1 });
  return page;
}

/** The cover drawn in a page kept for covers (pooled-pages.ts). */
function screenshot(html: string, browser: Browser): Promise<Buffer> {
  return withPooledPage(browser, 'cover', {
    open: async () => ({ page: await openCoverPage(browser) }),
    use: async ({ page }) => {
      await page.setContent(html, { waitUntil: 'load' });
      await waitForFonts(page);
      if (page.url() !== 'about:blank') throw new Error(`The cover page navigated away to ${page.url()}`);
      return Buffer.from(await page.screenshot({ type: 'jpeg', quality: 90, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } }));
    },
  });
}
