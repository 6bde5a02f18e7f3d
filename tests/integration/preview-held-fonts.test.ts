// The preview's next print page holds the last render's fonts before its HTML comes (print-page.ts:
// preloadFontFaces), and the HTML is then set without their @font-face rules. The pages must be the
// ones laid out with the rules in the HTML; a page holding another text's faces lets them go.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import { pagedjsEngine } from '../../src/render/pdf/engine/pagedjs/pagedjs-engine.js';
import { previewPages, type PreviewPages } from '../../src/render/pdf/preview-pages.js';
import { openPrintPage, preloadFontFaces } from '../../src/render/pdf/print-page.js';
import { ROOT } from '../helpers/cli.js';
import { tempProject } from '../helpers/projects.js';
import { loadProject } from '../../src/load/project.js';
import { readClock } from '../../src/load/dates.js';
import { publish } from '../../src/publication/publish.js';
import { published } from '../helpers/publication.js';
import { project } from '../helpers/transform.js';

const SAMPLE = path.join(ROOT, 'manuscript', 'china-central-asia.md');
const TURKISH = path.join(ROOT, 'tests', 'fixtures', 'tr-analiz.md');
const CONSTITUTION = path.join(ROOT, 'tests', 'corpus', 'real-world', 'tr-anayasa-ve-istiklal-marsi.md');

/** The served pages without what differs between two layouts of the same text: Paged.js's random ids, and where the fonts come from. */
function pagesOnly(html: string): string {
  return html
    .replace(/<style data-pagedjs-ignore="">[\s\S]*?<\/style>/, '')
    .replace(/<link rel="stylesheet" href="\/fonts\/[0-9a-f]{16}\.css">/, '')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id');
}

/** The served head, without Paged.js's random ids. */
const headOf = (html: string) => html.slice(0, html.indexOf('<body')).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id');

/** The style element the fonts' rules were in, as served. */
function fontsStyle(html: string): string | undefined {
  return /<style data-pagedjs-ignore="">([\s\S]*?)<\/style>/.exec(html)?.[1];
}

describe('print pages holding the fonts ahead', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function render(source: string, heldFaces?: string): Promise<PreviewPages> {
    const printPage = await openPrintPage(browser, pagedjsEngine);
    if (heldFaces) preloadFontFaces(printPage, heldFaces);
    const { publication, file } = await published(source);
    const pages = await previewPages(publication, project, printPage, file);
    // Nothing the layout and its checks say (a system font, lost text, a refused load).
    expect(file.messages.filter((message) => message.fatal === true || /^(layout|font|resource)/.test(message.ruleId ?? '')).map((message) => message.reason)).toEqual([]);
    return pages;
  }

  it('lays out the same pages with the faces held and the HTML without their rules', async () => {
    const cold = await render(SAMPLE);
    // Laid out from the HTML's own rules: their style element became the link to the fonts' sheet.
    expect(fontsStyle(cold.html)).toBeUndefined();
    const held = await render(SAMPLE, cold.fontFaces);
    // Set without the rules (only the font properties stayed in their style element), served as laid out
    // cold: the element gives way to the link, so the head is the same and the preview's frame keeps it.
    expect(fontsStyle(held.html)).toBeUndefined();
    expect(held.fonts?.urlPath).toBe(cold.fonts?.urlPath);
    expect(held.html).toContain(`<link rel="stylesheet" href="${cold.fonts!.urlPath}">`);
    expect(headOf(held.html)).toBe(headOf(cold.html));
    expect(held.pages).toBe(cold.pages);
    expect(pagesOnly(held.html)).toBe(pagesOnly(cold.html));
  });

  it("lets another text's faces go and lays out with the HTML's own rules", async () => {
    const turkish = await render(TURKISH);
    const cold = await render(SAMPLE);
    expect(turkish.fontFaces).not.toBe(cold.fontFaces);
    const other = await render(SAMPLE, turkish.fontFaces);
    expect(fontsStyle(other.html)).toBeUndefined();
    expect(pagesOnly(other.html)).toBe(pagesOnly(cold.html));
    // Public text the other way round: the constitution's articles and the anthem (tests/corpus/SOURCES.md),
    // laid out in a page that held the sample's faces.
    const constitution = await render(CONSTITUTION);
    const afterSample = await render(CONSTITUTION, cold.fontFaces);
    expect(fontsStyle(afterSample.html)).toBeUndefined();
    expect(pagesOnly(afterSample.html)).toBe(pagesOnly(constitution.html));
  });

  it('lets faces of another font under the same names go (a brand file changed between renders)', async () => {
    const cold = await render(SAMPLE);
    // Every face of the last render drawn by the sans serif one: other widths, other lines.
    const sans = /font-family:"Source Sans 3";[^}]*src:url\("(data:[^"]+)"\)/.exec(cold.fontFaces)?.[1];
    expect(sans).toBeDefined();
    const impostor = cold.fontFaces.replace(/url\("data:[^"]+"\)/g, `url("${sans}")`);
    const other = await render(SAMPLE, impostor);
    expect(fontsStyle(other.html)).toBeUndefined();
    expect(pagesOnly(other.html)).toBe(pagesOnly(cold.html));
  });

  it('holds no faces for an HTML whose document template leaves the fonts out: the page does without them, as the build does', async () => {
    const custom = tempProject({ prefix: 'avim-press-no-fonts-', copy: ['templates'] });
    const template = path.join(custom, 'templates', 'pdf', 'document.ejs');
    // The brand's families named, their faces left out: in the build, no such font is there to draw them.
    const named = ':root { --font-body: "Source Serif 4", serif; --font-heading: "Source Sans 3", sans-serif; --font-mono: "Source Code Pro", monospace; }';
    writeFileSync(template, readFileSync(template, 'utf8').replace('<%- fontCss %>', named));
    const withoutFonts = loadProject(custom);
    const { fontFaces } = await render(SAMPLE);
    /** How many system fonts the check found, on a page holding `held` faces or none. */
    const systemFonts = async (held?: string) => {
      const printPage = await openPrintPage(browser, pagedjsEngine);
      if (held) preloadFontFaces(printPage, held);
      const { publication, file } = await publish(SAMPLE, withoutFonts, readClock({}), {});
      await previewPages(publication, withoutFonts, printPage, file).catch(() => undefined);
      return file.messages.filter((message) => message.ruleId === 'font-fallback').length;
    };
    const alone = await systemFonts();
    expect(alone).toBeGreaterThan(0);
    expect(await systemFonts(fontFaces)).toBe(alone);
  });
});
