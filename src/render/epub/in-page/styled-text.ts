// Runs in a page holding the EPUB's documents with the EPUB's stylesheet: every character they show,
// grouped by the computed font-family, weight and style that set it, so the EPUB can embed each face
// it uses subset to exactly what that face draws (embedded-fonts.ts). Computed styles, so whatever the
// designer's stylesheet says is what counts. Text a text-transform or small caps changes is counted as
// it is drawn, in the element's language (Turkish i → İ).
import type { StyledText, StyledTextWindow } from '../styled-text-api.js';

const DIGITS = '0123456789. ';
const MARKERS: Record<string, string> = {
  disc: '• ',
  circle: '◦ ',
  square: '▪ ',
  decimal: DIGITS,
  'decimal-leading-zero': DIGITS,
  'lower-alpha': 'abcdefghijklmnopqrstuvwxyz. ',
  'lower-latin': 'abcdefghijklmnopqrstuvwxyz. ',
  'upper-alpha': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ. ',
  'upper-latin': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ. ',
  'lower-roman': 'ivxlcdm. ',
  'upper-roman': 'IVXLCDM. ',
  'lower-greek': 'αβγδεζηθικλμνξοπρστυφχψω. ',
};

function collectStyledText(bodyClass: string, html: string): StyledText[] {
  document.body.className = bodyClass;
  // The transform's safe HTML; the page's policy runs no script and loads nothing anyway.
  document.body.innerHTML = html;
  const groups = new Map<string, { family: string; weight: number; style: string; characters: Set<string> }>();
  const add = (style: CSSStyleDeclaration, text: string, element: Element) => {
    const lang = element.closest('[lang]')?.getAttribute('lang') ?? undefined;
    const shown = [text];
    if (style.textTransform === 'uppercase' || style.fontVariantCaps !== 'normal') shown.push(text.toLocaleUpperCase(lang));
    if (style.textTransform === 'lowercase') shown.push(text.toLocaleLowerCase(lang));
    if (style.textTransform === 'capitalize') shown.push(text.toLocaleUpperCase(lang), text.toLocaleLowerCase(lang));
    const weight = Number(style.fontWeight) || 400;
    const key = `${style.fontFamily}|${weight}|${style.fontStyle}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { family: style.fontFamily, weight, style: style.fontStyle, characters: new Set() }));
    for (const each of shown) for (const character of each) group.characters.add(character);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && node.nodeValue) add(getComputedStyle(parent), node.nodeValue, parent);
  }
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    for (const pseudo of ['::before', '::after', '::marker']) {
      const style = getComputedStyle(element, pseudo);
      // Only quoted strings: counters and attr() are digits and text counted elsewhere.
      const strings = [...style.content.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!.replace(/\\(.)/g, '$1'));
      if (strings.length > 0) add(style, strings.join(''), element);
    }
  }
  // List markers are text too, set in the marker's font: what each counter style can show.
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const style = getComputedStyle(element);
    if (style.display !== 'list-item') continue;
    const type = style.listStyleType;
    const marker = /^["']/.test(type) ? type.slice(1, -1) : MARKERS[type];
    if (marker) add(getComputedStyle(element, '::marker'), marker, element);
  }
  return [...groups.values()].map(({ characters, ...rest }) => ({ ...rest, characters: [...characters].join('') }));
}

(window as unknown as StyledTextWindow).avimPressStyledText = collectStyledText;
