// In the page, after pagination: where each page's running text starts, as a text block of the print
// HTML (its data-text-block, which the engine copies to every piece of an element it splits) and the
// characters of that block on the pages before (render/page-map.ts counts them the same way, without
// white space, soft hyphens and zero-width spaces). Footnotes are not running text; a page whose area
// shows no text block (a blank page, a page of footnotes only) has no start. Each start is labelled with
// the folio its page prints (folios.ts), so a reader cites the EPUB as the print: "p. vii", "p. 112".
import type { LayoutMarkers } from '../engine/layout-markers.js';
import type { PageStart } from '../in-page-api.js';
import { printedFolios } from './folios.js';

const NOT_COUNTED = /[\s\u00AD\u200B]/gu;
const counted = (text: string | null): number => (text ?? '').replace(NOT_COUNTED, '').length;

/** Labels name the EPUB's markers (id="page-<label>"): folios that repeat (a stylesheet restarting the
 * count twice in one style) fall back to the pages' own numbers. */
function uniqueLabels(pages: Element[], markers: LayoutMarkers): string[] {
  const labels = printedFolios(pages, markers);
  return new Set(labels).size === labels.length ? labels : pages.map((_, index) => String(index + 1));
}

export function findPageStarts(markers: LayoutMarkers): PageStart[] {
  const starts: PageStart[] = [];
  const labels = uniqueLabels(Array.from(document.querySelectorAll(markers.page)), markers);
  const runningText = (node: Node): boolean => counted(node.textContent) > 0 && !node.parentElement?.closest(markers.footnote);
  // Every piece of each block, in document order: found once (a search of the document per page made an
  // 803-page book's starts take 2.3 s, docs/speed.md).
  const pieces = new Map<string, Element[]>();
  for (const element of Array.from(document.querySelectorAll('[data-text-block]'))) {
    const name = element.getAttribute('data-text-block')!;
    const list = pieces.get(name);
    if (list) list.push(element);
    else pieces.set(name, [element]);
  }
  document.querySelectorAll(markers.page).forEach((page, index) => {
    const content = page.querySelector(markers.pageContent);
    if (!content) return;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (runningText(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
    const first = walker.nextNode();
    const block = first?.parentElement?.closest<HTMLElement>('[data-text-block]');
    const name = block?.dataset.textBlock;
    if (!first || !name) return;
    const [section = '', number = ''] = name.split(':');
    // Every piece of the block, in document order (earlier pages first), up to the page's first text.
    let offset = 0;
    outer: for (const piece of pieces.get(name) ?? []) {
      const texts = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (node === first) break outer;
        if (runningText(node)) offset += counted(node.textContent);
      }
    }
    starts.push({ page: index + 1, label: labels[index]!, section, block: Number(number), offset });
  });
  return starts;
}
