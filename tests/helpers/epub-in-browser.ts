// An EPUB's content documents as a reading system shows them: in the real browser, with the EPUB's
// own stylesheet and only its embedded font files (as data: URLs). systemFontsInEpub asks CDP's
// CSS.getPlatformFontsForNode for every text, as the PDF's font check asks: a character a subset
// lacks is drawn in a system font, and shows there.
import path from 'node:path';
import { launchBrowser, waitForFonts } from '../../src/render/browser.js';
import { PAGEDJS_MARKERS } from '../../src/render/pdf/engine/pagedjs/markers.js';
import { findSystemFonts } from '../../src/render/pdf/font-check.js';
import { openEpub } from './epub.js';

export interface EpubFontUse {
  document: string;
  text: string;
  /** System fonts that drew some of it. */
  fonts: string[];
}

/** Each XHTML document of the EPUB, by its name in the zip, as HTML with the stylesheet and fonts inlined. */
export async function epubPages(file: string): Promise<Map<string, string>> {
  const { zip } = await openEpub(file);
  const names = Object.keys(zip.files);
  let css = '';
  for (const name of names.filter((entry) => entry.endsWith('.css'))) css += `${await zip.file(name)!.async('string')}\n`;
  for (const name of names.filter((entry) => /\.(ttf|otf|woff2?)$/.test(entry))) {
    const data = `data:font/ttf;base64,${(await zip.file(name)!.async('nodebuffer')).toString('base64')}`;
    css = css.replaceAll(`url("${path.posix.relative('OEBPS', name)}")`, `url("${data}")`);
  }
  const pages = new Map<string, string>();
  for (const name of names.filter((entry) => entry.endsWith('.xhtml')).sort())
    pages.set(name, (await zip.file(name)!.async('string')).replace(/<\?xml[^>]*\?>/, '').replace(/<link [^>]*stylesheet[^>]*>/g, `<style>${css}</style>`));
  return pages;
}

export async function systemFontsInEpub(file: string): Promise<EpubFontUse[]> {
  const { browser } = await launchBrowser();
  const uses: EpubFontUse[] = [];
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    for (const [name, html] of await epubPages(file)) {
      await page.setContent(html, { waitUntil: 'load' });
      await waitForFonts(page);
      for (const use of await findSystemFonts(page, [], PAGEDJS_MARKERS)) if (use.fonts.length > 0) uses.push({ document: name, text: use.text, fonts: use.fonts });
    }
  } finally {
    await browser.close();
  }
  return uses;
}
