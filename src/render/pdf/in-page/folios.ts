// In the page, after pagination: the folio each laid-out page prints, for the EPUB's page list
// (page-starts.ts), the page numbers of the contents and of cross-references (page-references.ts) and,
// as runs, the PDF's page labels (findPageLabels).
import type { LayoutMarkers } from '../engine/layout-markers.js';
import type { FolioStyle, PageLabelRun } from '../in-page-api.js';

const COUNTER = /\bpage\s+(-?\d+)/;
const FOLIO_STYLE = /counter\(\s*page\s*(?:,\s*([\w-]+))?\s*\)/;

function roman(value: number): string {
  const numerals: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) for (; rest >= amount; rest -= amount) text += numeral;
  return text;
}

/** Each page's folio as a number and the style it prints in: the page counter as CSS reckons it from
 * each page element's counter-reset, counter-increment and counter-set (in that order, as CSS applies
 * them), in the style its margin boxes write it in (`counter(page, lower-roman)` …). A page that prints
 * no folio (a title page, a part page, a blank page) is numbered in the style of its run's pages (from
 * one start of the count to the next), else of the next page that prints one. */
function pageFolios(pages: Element[], markers: LayoutMarkers): { value: number; style: FolioStyle }[] {
  let value = 0;
  // A run: the pages from one start of the count (a reset or set) to the next, one folio style.
  let run = 0;
  const runs: number[] = [];
  const values = pages.map((page) => {
    const style = getComputedStyle(page);
    const reset = COUNTER.exec(style.counterReset);
    const increment = COUNTER.exec(style.counterIncrement);
    const set = COUNTER.exec(style.counterSet);
    if (reset || set) run += 1;
    runs.push(run);
    if (reset) value = Number(reset[1]);
    if (increment) value += Number(increment[1]);
    if (set) value = Number(set[1]);
    return value;
  });
  const styles = pages.map((page) => {
    for (const box of Array.from(page.querySelectorAll(`${markers.marginBox} *`))) {
      for (const pseudo of ['::before', '::after']) {
        const found = FOLIO_STYLE.exec(getComputedStyle(box, pseudo).content);
        if (found) return found[1] ?? 'decimal';
      }
    }
    return undefined;
  });
  return values.map((value, index) => {
    const style = styles[index] ?? styles.find((found, other) => found && runs[other] === runs[index]) ?? styles.slice(index).find(Boolean);
    // The styles written out here; any other is written as decimal (as before: no folio style of the
    // brand's stylesheets is another).
    return { value, style: style === 'lower-roman' || style === 'upper-roman' ? style : 'decimal' };
  });
}

function folioText({ value, style }: { value: number; style: FolioStyle }): string {
  if (style === 'lower-roman') return roman(value);
  if (style === 'upper-roman') return roman(value).toUpperCase();
  return String(value);
}

/** The folio each page prints, as text. */
export function printedFolios(pages: Element[], markers: LayoutMarkers): string[] {
  return pageFolios(pages, markers).map(folioText);
}

/** The pages' folios as runs, for the PDF's page labels: a run starts at the first page, and wherever
 * the style changes or the number does not go on by one from the page before. */
export function findPageLabels(markers: LayoutMarkers): PageLabelRun[] {
  const runs: PageLabelRun[] = [];
  pageFolios(Array.from(document.querySelectorAll(markers.page)), markers).forEach((folio, page, folios) => {
    const before = folios[page - 1];
    if (!before || before.style !== folio.style || before.value + 1 !== folio.value) runs.push({ page, style: folio.style, start: folio.value });
  });
  return runs;
}
