// Offline hyphenation for print (Chromium's `hyphens: auto` has no dictionaries here): TeX patterns
// from the `hyphen` package mark the break points of running text with U+00AD. The print page keeps
// only the ones Chromium actually breaks at (see in-page/settle-soft-hyphens.ts), so the PDF's text
// layer has whole words. Headings, links, code and short or all-capital words are left alone.
import type { Element, Root } from 'hast';
import type { Hyphenator } from 'hyphen';
import enUs from 'hyphen/en-us/index.js';
import tr from 'hyphen/tr/index.js';

const SOFT_HYPHEN = '\u00AD';

interface Rules {
  hyphenator: Hyphenator;
  /** Letters that must stay before and after a break (TeX's \lefthyphenmin, \righthyphenmin). */
  left: number;
  right: number;
}

// en: TeX's us-english limits (2, 3); tr: the Turkish patterns' own (2, 2).
const RULES: Record<string, Rules> = {
  en: { hyphenator: enUs, left: 2, right: 3 },
  tr: { hyphenator: tr, left: 2, right: 2 },
};

/** Words shorter than this are never broken. */
const MIN_WORD_LENGTH = 6;

const SKIP_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'abbr', 'sup', 'sub']);

/** A whitespace-free token that is a URL, an e-mail address, a path or a domain: never broken. */
const ADDRESS = /:\/\/|^www\.|@|\/|\.[\p{L}\d]/u;
const LETTER_RUN = /\p{L}[\p{L}\p{M}]*/gu;

/** Each language's words as hyphenated, looked up before anything else: a book repeats its words
 * (a 403-page book, 130 000 words, a few thousand distinct ones). Emptied when it grows past MAX_CACHED. */
const caches = new Map<string, Map<string, string>>();
const MAX_CACHED = 200_000;

/** One word (letters only) with its break points, as the patterns give them, within the limits. */
export function hyphenateWord(word: string, lang: string): string {
  const rules = RULES[lang];
  if (!rules || word.length < MIN_WORD_LENGTH) return word;
  const cache = caches.get(lang) ?? caches.set(lang, new Map()).get(lang)!;
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  if (cache.size > MAX_CACHED) cache.clear();
  if (word === word.toLocaleUpperCase(lang)) {
    cache.set(word, word);
    return word;
  }
  // Lower-case letter by letter so positions stay aligned: "İ".toLowerCase() is two code units,
  // which shifts every later break in the library's own lower-casing (seen: "İst-anb-ul").
  const letters = [...word];
  const lowered = letters.map((letter) => {
    const lower = letter.toLocaleLowerCase(lang);
    return [...lower].length === 1 ? lower : [...lower][0]!;
  });
  const marked = rules.hyphenator.hyphenateSync(lowered.join(''), { minWordLength: 1 });
  const breaks = new Set<number>();
  let count = 0;
  for (const character of marked) {
    if (character === SOFT_HYPHEN) breaks.add(count);
    else count += 1;
  }
  let result = '';
  letters.forEach((letter, index) => {
    if (breaks.has(index) && index >= rules.left && letters.length - index >= rules.right) result += SOFT_HYPHEN;
    result += letter;
  });
  cache.set(word, result);
  return result;
}

/** Running text with break points in every word long enough, addresses left whole. */
export function hyphenateText(text: string, lang: string): string {
  if (!RULES[lang]) return text;
  return text.replace(/\S+/g, (token) => (ADDRESS.test(token) ? token : token.replace(LETTER_RUN, (word) => hyphenateWord(word, lang))));
}

/** Hyphenate the running text of a tree in place; `lang` is the document's language. */
export function hyphenateTree(tree: Root | Element, lang: string): void {
  for (const child of tree.children) {
    if (child.type === 'text') child.value = hyphenateText(child.value, lang);
    else if (child.type === 'element' && !SKIP_TAGS.has(child.tagName)) {
      const own = child.properties.lang;
      hyphenateTree(child, typeof own === 'string' ? own.toLowerCase().split('-')[0]! : lang);
    }
  }
}
