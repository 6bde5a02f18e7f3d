// In the page, after pagination: the folio each laid-out page prints, for the EPUB's page list
// (page-starts.ts) and the page numbers of the contents and of cross-references (page-references.ts).
import type { LayoutMarkers } from '../engine/layout-markers.js';

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

/** The folio each page prints: the page counter as CSS reckons it from each page element's
 * counter-reset, counter-increment and counter-set (in that order, as CSS applies them), in the style
 * its margin boxes write it in (`counter(page, lower-roman)` …). A page that prints no folio (a title
 * page, a part page, a blank page) is named in the style of its run's pages (from one start of the
 * count to the next), else of the next page that prints one. */
export function printedFolios(pages: Element[], markers: LayoutMarkers): string[] {
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
  const labels = values.map((number, index) => {
    const style = styles[index] ?? styles.find((found, other) => found && runs[other] === runs[index]) ?? styles.slice(index).find(Boolean) ?? 'decimal';
    if (style === 'lower-roman') return roman(number);
    if (style === 'upper-roman') return roman(number).toUpperCase();
    return String(number);
  });
  return labels;
}
