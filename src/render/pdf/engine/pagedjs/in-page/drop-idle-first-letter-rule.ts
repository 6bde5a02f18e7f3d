// In the page, before layout: Paged.js 0.4.3's base stylesheet unsets the ::first-letter styles of an
// element continued from the page before and of each of its children (so that a drop cap is not
// repeated). Any rule on ::first-letter makes Chromium lay that letter out as a box of its own, its
// width rounded to a layout unit (1/64 px): each paragraph on a page that a section continues onto (in
// a book's body, nearly every page) starts up to 1/64 px wider, enough to push the last word of a full
// first line to the next, and a part of a book laid out alone (layout-parts.ts), whose first page
// continues nothing, set a chapter's opening in other lines than the whole did. When the document's
// own styles have no ::first-letter rule, that rule undoes nothing, and it goes; with one, it stays (a
// drop cap repeated at the top of each page would be worse).
import { paged } from './paged-internals.js';

const FIRST_LETTER = /::?first-letter\b/i;
const CONTINUED = '[data-split-from]';

/** The style rules of a list, those inside @media, @supports and @layer rules included. */
function styleRules(rules: CSSRuleList): CSSStyleRule[] {
  return Array.from(rules).flatMap((rule) => {
    if (rule instanceof CSSStyleRule) return [rule];
    if (rule instanceof CSSGroupingRule) return styleRules(rule.cssRules);
    return [];
  });
}

function removeRule(rule: CSSStyleRule): void {
  const parent = rule.parentRule instanceof CSSGroupingRule ? rule.parentRule : rule.parentStyleSheet;
  if (!parent) return;
  const index = Array.from(parent.cssRules).indexOf(rule);
  if (index >= 0) parent.deleteRule(index);
}

/** The document's ::first-letter rules, and which of them are Paged.js's for continued elements. */
function firstLetterRules(): { all: CSSStyleRule[]; continued: CSSStyleRule[] } {
  const rules = Array.from(document.styleSheets).flatMap((sheet) => {
    try {
      return styleRules(sheet.cssRules);
    } catch {
      return []; // a stylesheet the page may not read (none in print HTML, which inlines its styles)
    }
  });
  const all = rules.filter((rule) => FIRST_LETTER.test(rule.selectorText));
  return { all, continued: all.filter((rule) => rule.selectorText.includes(CONTINUED)) };
}

/** Removes Paged.js's ::first-letter rules for continued elements unless the document styles ::first-letter itself. */
function removeIdleFirstLetterRules(): void {
  const { all, continued } = firstLetterRules();
  if (continued.length === all.length) continued.forEach(removeRule);
}

/** Whether Paged.js's rule is still in force (the document styles ::first-letter): a part's first page,
 * which continues nothing, is then set otherwise than the same page of the whole (join-pages.ts). */
export function continuedFirstLetterRuleKept(): boolean {
  return firstLetterRules().continued.length > 0;
}

export function registerDropIdleFirstLetterRule(): void {
  const Paged = paged();
  class DropIdleFirstLetterRule extends Paged.Handler {
    // After Paged.js has put in its base stylesheet and the document's, before any page is laid out.
    beforeParsed(): void {
      removeIdleFirstLetterRules();
    }
  }
  Paged.registerHandlers(DropIdleFirstLetterRule);
}
