// The characters a print page's fonts are cut to: everything its HTML can show, in both cases.
import { describe, expect, it } from 'vitest';
import { pageCharacters } from '../../src/render/font-subsets.js';

/** The definition, spelled out over the whole text (what the per-character version must equal). */
function wholeText(html: string, lang: string): Set<string> {
  const references = [...html.matchAll(/&#(x[0-9a-f]+|\d+);/gi)].map((match) => String.fromCodePoint(parseInt(match[1]!.replace(/^x/i, ''), /^x/i.test(match[1]!) ? 16 : 10)));
  const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');
  const text = `${html}${references.join('')}${printable}`;
  return new Set([...text, ...text.toLocaleUpperCase(lang), ...text.toLocaleLowerCase(lang)]);
}

const sorted = (characters: Set<string>) => [...characters].sort();

describe('pageCharacters', () => {
  it.each([
    ['en', '<p>Straße, ŉ, İstanbul, ﬁne &#x3A3;&#931; &#8364;</p>'],
    ['tr', '<h1 style="text-transform: uppercase">istanbul ıĞüşöç İI</h1>'],
    ['en', '<p>ΟΔΥΣΣΕΥΣ Ἀθῆναι, Москва, Հայաստան, 中国</p>'],
  ])('holds every character the whole text gives in %s, cased in context too', (lang, html) => {
    const found = pageCharacters(html, lang);
    for (const character of wholeText(html, lang)) expect(found, `U+${character.codePointAt(0)!.toString(16)}`).toContain(character);
  });

  it('adds final sigma for a Greek capital that a stylesheet may lower at a word end', () => {
    expect(wholeText('ΟΔΥΣΣΕΥΣ', 'en')).toContain('ς');
    expect(pageCharacters('ΟΔΥΣΣΕΥΣ', 'en')).toContain('ς');
  });

  it('takes Turkish casing for Turkish text', () => {
    expect(sorted(pageCharacters('i', 'tr'))).toContain('İ');
    expect(sorted(pageCharacters('i', 'en'))).not.toContain('İ');
  });
});
