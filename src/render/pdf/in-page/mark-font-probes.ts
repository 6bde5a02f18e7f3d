// In the page, before the system-font check (font-check.ts): mark the elements whose own text brings
// a character not yet seen under the same computed font (family list, weight, style, stretch, caps,
// text-transform, language). Chromium picks the font of a character from exactly those, so an
// element whose characters all appeared under the same font already was set like them, and asking
// CDP about it again tells nothing new: a 400-page book has some 20 000 text-bearing elements and a
// few hundred distinct characters per font (docs/speed.md). Returns how many were marked.
import { FONT_PROBE_ATTRIBUTE } from '../in-page-api.js';

export function markFontProbes(): number {
  const seen = new Map<string, Set<string>>();
  let marked = 0;
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    let own = '';
    for (const child of Array.from(element.childNodes)) if (child.nodeType === Node.TEXT_NODE) own += (child as Text).data;
    if (!own.trim()) continue;
    const style = getComputedStyle(element);
    const key = [style.fontFamily, style.fontWeight, style.fontStyle, style.fontStretch, style.fontVariantCaps, style.textTransform, element.closest('[lang]')?.getAttribute('lang') ?? ''].join('|');
    const characters = seen.get(key) ?? seen.set(key, new Set()).get(key)!;
    let fresh = false;
    for (const character of own) {
      if (!characters.has(character)) {
        characters.add(character);
        fresh = true;
      }
    }
    if (fresh) {
      element.setAttribute(FONT_PROBE_ATTRIBUTE, '');
      marked += 1;
    }
  }
  return marked;
}

/** After the check: the marks go (the PDF must not carry them). */
export function unmarkFontProbes(): void {
  document.querySelectorAll(`[${FONT_PROBE_ATTRIBUTE}]`).forEach((element) => element.removeAttribute(FONT_PROBE_ATTRIBUTE));
}
