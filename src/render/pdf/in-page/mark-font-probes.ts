// In the page, before the system-font check (font-check.ts): mark the elements the check asks CDP
// about, and say what each is. Chromium picks the font of a character from the computed font (family
// list, weight, style, stretch, caps, text-transform) and the language, so:
// - an element's own text is asked about only when it brings a character not yet seen under the same
//   font: a 400-page book has some 20 000 text-bearing elements and a few hundred distinct characters
//   per font (docs/speed.md);
// - generated content (::before, ::after, a list item's marker: running heads and folios in the margin
//   boxes, a designer's quotation marks) is asked about once per font and computed `content`: the same
//   string in the same font is set alike (a folio's counter() is the same string on every page).
//   (A ::first-letter in a font of its own is not asked about: CDP neither lists it among an element's
//   pseudo-elements nor counts its font with the element's, docs/fonts.md.)
// What the check needs of each (its text, its manuscript line, whether it is in a margin box) is read
// here, so that CDP is asked only for the marked elements and not for the whole document tree (which
// took 1.2–2.5 s to come over the protocol for a 400-page book).
import { FONT_PROBE_ATTRIBUTE, type FontProbe } from '../in-page-api.js';
import { sourcePlace } from './source-place.js';

const PSEUDO_ELEMENTS = ['::before', '::after'] as const;
const PSEUDO_ELEMENT = /::?(?:before|after)\b/i;
const PSEUDO_ELEMENT_GLOBAL = new RegExp(PSEUDO_ELEMENT.source, 'gi');
const STANDALONE_PSEUDO_ELEMENT = new RegExp(`(^|[\\s>+~,(])${PSEUDO_ELEMENT.source}`, 'gi');
/** Elements whose text is not set on the page. */
const NOT_SET = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

function fontKey(style: CSSStyleDeclaration, lang: string): string {
  return [style.fontFamily, style.fontWeight, style.fontStyle, style.fontStretch, style.fontVariantCaps, style.textTransform, lang].join('|');
}

/** The elements that may have generated content: those a style rule gives a ::before or ::after (the
 * rule's selector without the pseudo-element), and the list items (`li`,
 * `summary`, what a rule makes display: list-item) with their markers. More than have any, never
 * fewer; looking at every element's pseudo-elements took about 200 ms of a 400-page book. Undefined
 * when a stylesheet or a selector cannot be read so: then every element is looked at. */
function mayGenerate(): Set<Element> | undefined {
  const selectors = ['li', 'summary'];
  const collect = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        // `::before` alone (or after a combinator) is any element's; elsewhere it follows its element's selector.
        if (PSEUDO_ELEMENT.test(rule.selectorText)) selectors.push(rule.selectorText.replace(STANDALONE_PSEUDO_ELEMENT, '$1*').replace(PSEUDO_ELEMENT_GLOBAL, ''));
        else if (rule.style.display.includes('list-item')) selectors.push(rule.selectorText);
      } else if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
    }
  };
  try {
    // A stylesheet the page may not read (hostile HTML linking one: the print HTML inlines its styles)
    // or a selector that does not parse once cut: every element is looked at.
    for (const sheet of Array.from(document.styleSheets)) collect(sheet.cssRules);
    return new Set(Array.from(document.body.querySelectorAll(selectors.join(','))));
  } catch {
    return undefined;
  }
}

/** What the element's generated content is set as (font and content), or '' when it has none. */
function generatedContent(element: Element, style: CSSStyleDeclaration, lang: string): string {
  let generated = '';
  if (style.display.includes('list-item') && style.listStyleType !== 'none') {
    const marker = getComputedStyle(element, '::marker');
    generated += `::marker ${fontKey(marker, lang)} ${marker.content} ${style.listStyleType}\n`;
  }
  for (const pseudo of PSEUDO_ELEMENTS) {
    const pseudoStyle = getComputedStyle(element, pseudo);
    if (pseudoStyle.content !== 'none' && pseudoStyle.content !== 'normal') generated += `${pseudo} ${fontKey(pseudoStyle, lang)} ${pseudoStyle.content}\n`;
  }
  return generated;
}

/** The characters of `text` not seen before under `key` (which are then seen). */
function bringsNew(seen: Map<string, Set<string>>, key: string, text: string): boolean {
  const characters = seen.get(key) ?? seen.set(key, new Set()).get(key)!;
  let fresh = false;
  for (const character of text) {
    if (!characters.has(character)) {
      characters.add(character);
      fresh = true;
    }
  }
  return fresh;
}

/** Marks the elements to ask about, in document order, and returns what each is, in that order. */
export function markFontProbes(marginBox: string): FontProbe[] {
  const seen = new Map<string, Set<string>>();
  const seenGenerated = new Set<string>();
  const probes: FontProbe[] = [];
  const candidates = mayGenerate();
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (NOT_SET.has(element.tagName)) continue;
    let own = '';
    for (const child of Array.from(element.childNodes)) if (child.nodeType === Node.TEXT_NODE) own += (child as Text).data;
    const generates = !candidates || candidates.has(element);
    if (!generates && !own.trim()) continue;
    const style = getComputedStyle(element);
    const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
    const fresh = own.trim() !== '' && bringsNew(seen, fontKey(style, lang), own);
    const generated = generates ? generatedContent(element, style, lang) : '';
    const freshGenerated = generated !== '' && !seenGenerated.has(generated);
    if (freshGenerated) seenGenerated.add(generated);
    if (!fresh && !freshGenerated) continue;
    element.setAttribute(FONT_PROBE_ATTRIBUTE, '');
    const place = sourcePlace(element);
    probes.push({ text: fresh ? own : '', generated: freshGenerated, inMargin: element.closest(marginBox) !== null, ...(place ? { place } : {}) });
  }
  return probes;
}

/** After the check: the marks go (the PDF must not carry them). */
export function unmarkFontProbes(): void {
  document.querySelectorAll(`[${FONT_PROBE_ATTRIBUTE}]`).forEach((element) => element.removeAttribute(FONT_PROBE_ATTRIBUTE));
}
