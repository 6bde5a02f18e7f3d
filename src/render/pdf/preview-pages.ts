// The print's pages for the live preview: the print pipeline up to its laid-out pages (layOutPages,
// as the PDF takes them), then the page's DOM serialized, with the styles the layout engine made and
// the fonts (data: URLs), but without the inert source containers. The result is a static page: the
// print document's own Content-Security-Policy (script-src 'none') stays in it, and no script ever
// runs in the person's browser for it.
import type { VFile } from 'vfile';
import type { Project } from '../../load/project.js';
import { problem } from '../../problems/problem.js';
import type { Publication } from '../../publication/model.js';
import { PRINT_CONTAINERS } from './engine/layout-engine.js';
import type { PrintPage } from './print-page.js';
import { layOutPages } from './render-pdf.js';
import { assertStillBlank } from './sandbox.js';

// page.evaluate callbacks run in the page; the Node program has no DOM types, so this much is declared.
declare const document: {
  querySelectorAll(selector: string): { forEach(each: (element: { remove(): void }) => void): void };
  documentElement: { outerHTML: string };
};

export interface PreviewPages {
  /** The laid-out pages as one HTML document. */
  html: string;
  pages: number;
  /** The selector of one page in `html` (the engine's marker), to find a page by its index. */
  pageSelector: string;
}

/** Lays out in `printPage` (a fresh one from openPrintPage, which the preview opens and readies ahead of time), and closes it. */
export async function previewPages(publication: Publication, project: Project, printPage: PrintPage, file: VFile): Promise<PreviewPages> {
  const { page, blocked, engine } = printPage;
  try {
    const { layout } = await layOutPages(publication, project, printPage, file);
    assertStillBlank(page);
    const html = await page.evaluate((containers) => {
      // The publication's source, inert in its templates, is laid out on the pages already.
      for (const selector of containers) document.querySelectorAll(selector).forEach((element) => element.remove());
      // Whatever the engine may have left runnable goes: the served page is markup and styles only.
      document.querySelectorAll('script').forEach((element) => element.remove());
      return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
    }, Object.values(PRINT_CONTAINERS));
    for (const url of blocked) problem(file, `The print page may not load ${url}; left out`, { ruleId: 'resource-blocked', severity: 'warning' });
    return { html, pages: layout.pages, pageSelector: engine.markers.page };
  } finally {
    await page.close();
  }
}
