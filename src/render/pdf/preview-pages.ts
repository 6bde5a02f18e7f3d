// The print's pages for the live preview: the print pipeline up to its laid-out pages (layOutPages,
// as the PDF takes them), then the page's DOM serialized, with the styles the layout engine made but
// without the inert source containers. The fonts (data: URLs, most of the document's bytes) leave the
// page as a stylesheet of their own, named by their content, which the preview serves for the
// browser to keep across renders: coming out of the page over the protocol, the 345 KB document took
// about 55 ms (docs/fonts.md), and the person's browser parsed the fonts again at each reload. The
// result is a static page: the print document's own Content-Security-Policy (script-src 'none')
// stays in it, and no script ever runs in the person's browser for it.
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { Project } from '../../load/project.js';
import { problem } from '../../problems/problem.js';
import type { Publication } from '../../publication/model.js';
import { PRINT_CONTAINERS } from './engine/layout-engine.js';
import type { PrintPage } from './print-page.js';
import { layOutPages, type FinalPages } from './render-pdf.js';
import { assertStillBlank } from './sandbox.js';

// page.evaluate callbacks run in the page; the Node program has no DOM types, so this much is declared.
interface PageElement {
  remove(): void;
  textContent: string | null;
  replaceWith(other: PageElement): void;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): { forEach(each: (element: PageElement) => void): void };
  querySelector(selector: string): PageElement | null;
  append(element: PageElement): void;
  cloneNode(deep: boolean): PageElement;
  outerHTML: string;
}
declare const document: {
  createElement(name: string): PageElement;
  documentElement: PageElement;
};

/** How much of the fonts' CSS the page compares to find their style element, at each end. */
const COMPARED = 2000;

export interface PreviewPages {
  /** The laid-out pages as one HTML document. */
  html: string;
  pages: number;
  /** The selector of one page in `html` (the engine's marker), to find a page by its index. */
  pageSelector: string;
  /** The fonts' stylesheet `html` links to, when the document template gave them a style element of their own. */
  fonts?: { urlPath: string; css: string };
  /** The print HTML's @font-face rules, for the next render's page to hold ahead (print-page.ts: preloadFontFaces). */
  fontFaces: string;
}

/** Lays out in `printPage` (made ready ahead of time: print-page.ts), which the caller then empties
 * for the next render or closes. `onPages` has the pages as soon as they are final, before the checks
 * that only read them (system fonts, breaks: about 35 ms of the sample's render, docs/speed.md), which
 * may still fail the render; they begin once what it returns settles. */
export async function previewPages(
  publication: Publication,
  project: Project,
  printPage: PrintPage,
  file: VFile,
  onPages: (pages: PreviewPages) => void | Promise<void> = () => {},
): Promise<PreviewPages> {
  const { page, blocked, engine } = printPage;
  let served: PreviewPages | undefined;
  const serve = async (final: FinalPages): Promise<void> => {
    assertStillBlank(page);
    // The page held the faces before its HTML came, which was set without their rules.
    const held = printPage.fontFaces === final.fontFaces;
    const urlPath = `/fonts/${createHash('sha256').update(final.fontCss).digest('hex').slice(0, 16)}.css`;
    const css = final.fontCss.trim();
    // The fonts' style element as the page has it: without the faces' rules when it held them, with
    // them otherwise; either way it gives way to the one stylesheet, so that the pages' head is the
    // same from one render to the next (reload.js then puts only the changed pages into its view).
    const asSet = (held ? final.fontCss.replace(final.fontFaces, '') : final.fontCss).trim();
    const { html, linked } = await page.evaluate(
      (containers, fonts) => {
        // A copy: the checks still to come read the page (the source, for one).
        const copy = document.documentElement.cloneNode(true);
        // The publication's source, inert in its templates, is laid out on the pages already.
        for (const selector of containers) copy.querySelectorAll(selector).forEach((element) => element.remove());
        // Whatever the engine may have left runnable goes: the served page is markup and styles only.
        copy.querySelectorAll('script').forEach((element) => element.remove());
        const link = document.createElement('link');
        link.setAttribute('rel', 'stylesheet');
        link.setAttribute('href', fonts.urlPath);
        let linked = false;
        copy.querySelectorAll('style').forEach((style) => {
          const text = (style.textContent ?? '').trim();
          if (linked || text.length !== fonts.length || !text.startsWith(fonts.start) || !text.endsWith(fonts.end)) return;
          style.replaceWith(link);
          linked = true;
        });
        if (!linked && fonts.held) {
          copy.querySelector('head')?.append(link);
          linked = true;
        }
        return { html: `<!DOCTYPE html>\n${copy.outerHTML}`, linked };
      },
      Object.values(PRINT_CONTAINERS),
      { urlPath, length: asSet === '' ? -1 : asSet.length, start: asSet.slice(0, COMPARED), end: asSet.slice(-COMPARED), held },
    );
    served = { html, pages: final.pages, pageSelector: engine.markers.page, fontFaces: final.fontFaces, ...(linked ? { fonts: { urlPath, css } } : {}) };
    await onPages(served);
  };
  await layOutPages(publication, project, printPage, file, { onPages: serve });
  // (A layout that lost text, the one case without its pages served, failed with it.)
  if (!served) throw new Error('The layout ended without its pages');
  for (const url of blocked) problem(file, `The print page may not load ${url}; left out`, { ruleId: 'resource-blocked', severity: 'warning' });
  return served;
}
