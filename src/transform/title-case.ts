// Converted documents (Word, the web) often set titles and surnames in capitals ("Şevval Beste
// GÖKÇELİK", "CHINA'S INTERACTION WITH …"): that is the page's styling, not the name. For metadata,
// covers and the title page they are given back in title case, with each word's own language rules
// (a word with a Turkish capital, or any word of a Turkish document, lower-cases İ → i and I → ı).
import type { LanguageCode } from '../load/frontmatter-schema.js';

// Words set in lower case inside a title, unless first or last: English (Chicago style), Turkish
// conjunctions and particles.
const SMALL_WORDS: Record<LanguageCode, Set<string>> = {
  en: new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'with', 'from', 'into', 'over']),
  tr: new Set(['ve', 'ile', 'veya', 'ya', 'da', 'de', 'ki', 'mi']),
};
const TURKISH_CAPITALS = /[İŞĞÇÖÜ]/u;

/** True when the text's letters are all capitals (and there are at least two). */
export function isAllCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && letters.every((letter) => letter === letter.toLocaleUpperCase('tr') && letter !== letter.toLocaleLowerCase('tr'));
}

/** A word in capitals with only its first letter kept capital; other words as they are. */
function capitalised(word: string, lang: LanguageCode): string {
  if (!isAllCapitals(word)) return word;
  const locale = lang === 'tr' || TURKISH_CAPITALS.test(word) ? 'tr' : 'en';
  const [first = '', ...rest] = word;
  return first + rest.join('').toLocaleLowerCase(locale);
}

/** Names: every word in capitals becomes capitalised ("GÖKÇELİK" → "Gökçelik"). */
export function nameCase(name: string, lang: LanguageCode): string {
  return name.replace(/\S+/gu, (word) => capitalised(word, lang));
}

/** A title in capitals in title case; a title that is not all capitals is left as written. */
export function titleCase(title: string, lang: LanguageCode): string {
  if (!isAllCapitals(title)) return title;
  const words = title.split(/(\s+)/u);
  const last = words.length - 1;
  return words
    .map((word, index) => {
      if (/^\s+$/u.test(word)) return word;
      const cased = capitalised(word, lang);
      const bare = cased.toLocaleLowerCase(lang).replace(/[^\p{L}]/gu, '');
      return index !== 0 && index !== last && SMALL_WORDS[lang].has(bare) ? cased.toLocaleLowerCase(lang) : cased;
    })
    .join('');
}
