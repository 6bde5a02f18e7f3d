// In the page, after pagination: a book laid out in parts (several pages of the browser at once,
// docs/speed.md) is joined here, in the page of its first part, into the pages Paged.js would have laid
// out in one go. Each part starts at a chapter opening, laid out from its own page 1 (a right-hand page);
// joined, its pages take their place in the sequence: numbered on, on the side the page's index gives
// them (the mirrored margins swap, Paged.js shapes the margin boxes again for that side; the text area must keep its size, else the join is not exact), and
// a bare blank page first when the part's first page must be a right-hand (or left-hand) page and
// would not be (the side its first element's break-before asks, found before layout: in-page/part-start.ts).
// Page counters need nothing: Paged.js counts pages with a CSS counter on the page
// elements, which runs on through the joined pages by itself.

import type { JoinedPart } from '../../layout-markers.js';
import { continuedFirstLetterRuleKept } from './drop-idle-first-letter-rule.js';
import { pack, unpack } from './packed-text.js';
import { pageRules } from './paginate.js';

const PAGES = '.pagedjs_pages';
const PAGE = '.pagedjs_page';
const LEFT = 'pagedjs_left_page';
const RIGHT = 'pagedjs_right_page';

/** Rules Paged.js writes for one document's elements, keyed to ids it gave them there (`+` and
 * `:nth-of-type` selectors, element counters): the first part's stylesheet has its own, not these. */
const DOCUMENT_RULE = /\[data-(?:following|nth-of-type|ref)[*=]/;
/** A rule for a page by its number: it would name another page once the part is joined. */
const PAGE_RULE = /\[data-page-number=/;

/** The laid-out pages of this part, as HTML for the page of the first part, with a style element of
 * the rules that go with them. */
export function exportPages(): string {
  const rules: string[] = [];
  let pageRules = false;
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSStyleRule)) continue;
      if (PAGE_RULE.test(rule.selectorText)) pageRules = true;
      else if (DOCUMENT_RULE.test(rule.selectorText)) rules.push(rule.cssText);
    }
  }
  document.querySelectorAll<HTMLElement>(PAGE).forEach(closeOpenStrings);
  const style = document.createElement('style');
  style.setAttribute('data-joined-part', pageRules ? 'page-rules' : '');
  style.textContent = rules.join('\n');
  return style.outerHTML + (document.querySelector(PAGES)?.innerHTML ?? '');
}

/** Paged.js gives each page the values of its `string-set` names (running heads) as CSS strings it
 * leaves open: `--pagedjs-string-first-verso: "A Title`. Set one at a time they read well; but written
 * out in the page's style attribute and read again in the page the part joins, each open string runs on
 * through the declarations after it, and the page's running heads come out empty. Closed here. */
function closeOpenStrings(page: HTMLElement): void {
  for (const name of Array.from(page.style)) {
    const value = page.style.getPropertyValue(name);
    const quote = value[0];
    if (!name.startsWith('--') || (quote !== '"' && quote !== "'")) continue;
    if (value.length > 1 && value.endsWith(quote) && trailingBackslashes(value.slice(0, -1)) % 2 === 0) continue;
    // A lone backslash at the end would escape the closing quote (at a string's end CSS drops it anyway).
    const text = trailingBackslashes(value) % 2 === 1 ? value.slice(0, -1) : value;
    page.style.setProperty(name, text + quote);
  }
}

const trailingBackslashes = (text: string): number => /\\*$/.exec(text)?.[0].length ?? 0;

function side(page: Element): 'left' | 'right' {
  return page.classList.contains(LEFT) ? 'left' : 'right';
}

function swapSide(page: Element): void {
  const right = page.classList.contains(RIGHT);
  page.classList.toggle(RIGHT, !right);
  page.classList.toggle(LEFT, right);
}

/** The margin boxes of a page that changed side: what Paged.js's @page handler did for the old side
 * undone (shapeMarginBoxes shapes them again for the new one). */
function clearMarginBoxes(page: Element): void {
  const box = page.querySelector('.pagedjs_pagebox');
  box?.querySelectorAll(':scope > :not(.pagedjs_area), :scope > :not(.pagedjs_area) *').forEach((element) => {
    element.removeAttribute('style');
    element.classList.remove('hasContent');
  });
}

/** The margin boxes shaped by Paged.js's @page handler for the page's side (which boxes have content, the widths of each row). */
function shapeMarginBoxes(page: Element): void {
  if (!pageRules) throw new Error('Paged.js laid out no page here: there are no @page rules to join with');
  pageRules.finalizePage(page, { element: page });
}

/** A blank page as Paged.js makes one: a copy of one already in the document, else the part's first
 * page emptied of its text, notes and margin contents. */
function blankPage(model: Element): Element {
  const existing = document.querySelector(`${PAGE}.pagedjs_blank_page`);
  if (existing) return existing.cloneNode(true) as Element;
  const blank = model.cloneNode(true) as HTMLElement;
  blank.className = 'pagedjs_page pagedjs_blank_page';
  blank.querySelectorAll('.pagedjs_page_content, .pagedjs_footnote_content, .pagedjs_margin-content').forEach((area) => area.replaceChildren());
  blank.querySelectorAll('.hasContent').forEach((box) => box.classList.remove('hasContent'));
  return blank;
}

const areaSize = (page: Element): string => {
  const area = page.querySelector('.pagedjs_area')?.getBoundingClientRect();
  return area ? `${area.width.toFixed(2)}x${area.height.toFixed(2)}` : '';
};

/** Appends a part's pages (exportPages' HTML from another page) after this document's pages. */
export function appendPages(html: string, startsOn: 'left' | 'right' | undefined): JoinedPart {
  const container = document.querySelector(PAGES);
  if (!container) throw new Error('the document has no laid-out pages to join to');
  const holder = document.createElement('div');
  holder.innerHTML = html;
  // The part's own rules join the document's styles; rules by page number cannot follow it.
  const style = holder.querySelector(':scope > style[data-joined-part]');
  const pageRules = style?.getAttribute('data-joined-part') === 'page-rules';
  if (style) document.head.append(style);
  const pages = Array.from(holder.children).filter((child) => child.matches(PAGE));
  const first = pages[0];
  if (!first) return { added: 0, exact: true };
  const before = container.querySelectorAll(`:scope > ${PAGE}`);
  const last = before[before.length - 1];
  let index = before.length;
  const sideAt = (at: number) => (at % 2 === 0 ? 'right' : 'left');
  const added: Element[] = [];
  if (startsOn && sideAt(index) !== startsOn) {
    const blank = blankPage(first);
    blank.classList.remove(LEFT, RIGHT);
    blank.classList.add(sideAt(index) === 'left' ? LEFT : RIGHT);
    added.push(blank);
    index += 1;
  }
  // The part was laid out from a right-hand page 1; each page's side follows from where it now stands.
  const swap = side(first) !== sideAt(index);
  // Not the first page of the book, nor of a run of pages of one name when the page before has that name.
  first.classList.remove('pagedjs_first_page');
  for (const name of Array.from(first.classList).filter((name) => /^pagedjs_.+_first_page$/.test(name))) {
    if (last?.classList.contains(name.replace(/_first_page$/, '_page'))) first.classList.remove(name);
  }
  added.push(...pages);
  container.append(...added);
  // A first page that continues nothing is set as in the whole only without Paged.js's rule for continued elements.
  let exact = !pageRules && !continuedFirstLetterRuleKept();
  if (swap) {
    const sizeBefore = areaSize(first);
    // All the pages changed first, then all shaped: changing and shaping page by page made Chromium
    // work out the styles again for each (1.46 s for a 200-page part; 0.19 s so, docs/speed.md).
    for (const page of pages) {
      swapSide(page);
      clearMarginBoxes(page);
    }
    for (const page of pages) shapeMarginBoxes(page);
    exact &&= areaSize(first) === sizeBefore;
  }
  // Paged.js's numbering of its page elements, on through the joined pages.
  container.querySelectorAll(`:scope > ${PAGE}`).forEach((page, at) => {
    page.id = `page-${at + 1}`;
    page.setAttribute('data-page-number', String(at + 1));
  });
  (container as HTMLElement).style.setProperty('--pagedjs-page-count', String(container.querySelectorAll(`:scope > ${PAGE}`).length));
  return { added: added.length, exact };
}

/** exportPages' HTML packed for the way to the other page (packed-text.ts). */
export async function exportPackedPages(): Promise<string> {
  return pack(exportPages());
}

/** appendPages with exportPackedPages' text. */
export async function appendPackedPages(packed: string, startsOn: 'left' | 'right' | undefined): Promise<JoinedPart> {
  return appendPages(await unpack(packed), startsOn);
}
