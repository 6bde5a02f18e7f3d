// Offline hyphenation for print: TeX patterns, limits that suit each language, addresses and
// headings left whole, Turkish letters intact.
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { hyphenateText, hyphenateTree, hyphenateWord } from '../../src/render/pdf/hyphenate.js';

const shown = (text: string) => text.replace(/\u00AD/g, '-');

describe('hyphenation', () => {
  it('breaks English words at the patterns’ points, keeping 2 letters before and 3 after a break', () => {
    // The patterns also allow "tion-al"; two letters after a break are too few.
    expect(shown(hyphenateWord('international', 'en'))).toBe('in-ter-na-tional');
    expect(shown(hyphenateWord('cooperation', 'en'))).toBe('co-op-er-a-tion');
    for (const word of ['development', 'partnership', 'infrastructure', 'relations', 'economically']) {
      const parts = shown(hyphenateWord(word, 'en')).split('-');
      expect(parts[0]!.length, word).toBeGreaterThanOrEqual(2);
      expect(parts.at(-1)!.length, word).toBeGreaterThanOrEqual(3);
    }
  });

  it('breaks Turkish words with the Turkish patterns, dotted and dotless i kept apart', () => {
    expect(shown(hyphenateWord('gerçekleştirilmiştir', 'tr'))).toBe('ger-çek-leş-ti-ril-miş-tir');
    // "İ".toLowerCase() is two code units: the breaks must not shift (seen: "İst-anb-ul").
    expect(shown(hyphenateWord('İstanbul', 'tr'))).toBe('İs-tan-bul');
    expect(shown(hyphenateWord('İncelemeleri', 'tr'))).toBe('İn-ce-le-me-le-ri');
    // The patterns' "ı-lım" leaves one letter before the break: too few.
    expect(shown(hyphenateWord('ılımlılık', 'tr'))).toBe('ılım-lı-lık');
    expect(shown(hyphenateWord('Çankaya', 'tr'))).toBe('Çan-ka-ya');
    expect(hyphenateWord('İstanbul', 'tr').replace(/\u00AD/g, '')).toBe('İstanbul');
  });

  it('leaves short words, all-capital words and unknown languages alone', () => {
    expect(shown(hyphenateWord('cannot', 'en'))).toBe('can-not');
    // Five letters: too short to break, though the patterns would ("ta-ble").
    expect(hyphenateWord('table', 'en')).toBe('table');
    expect(hyphenateWord('NATIONALITY', 'en')).toBe('NATIONALITY');
    expect(hyphenateWord('international', 'de')).toBe('international');
  });

  it('never breaks an address: URL, e-mail, path, domain', () => {
    const text = 'See https://eurasianet.org/china-promises-more-investment and info@avim.org.tr or avim.org.tr/international, understanding';
    expect(shown(hyphenateText(text, 'en'))).toBe('See https://eurasianet.org/china-promises-more-investment and info@avim.org.tr or avim.org.tr/international, un-der-stand-ing');
  });

  it('hyphenates running text of a tree, not headings, links or code, and follows lang attributes', () => {
    const tree = h('div', [
      h('h2', 'International cooperation'),
      h('p', ['International cooperation ', h('a', { href: '#x' }, 'international'), ' ', h('code', 'international')]),
      h('p', { lang: 'tr' }, 'gerçekleştirilmiştir'),
    ]);
    hyphenateTree(tree, 'en');
    expect(shown(toHtml(tree))).toBe(
      '<div><h2>International cooperation</h2><p>In-ter-na-tional co-op-er-a-tion <a href="#x">international</a> <code>international</code></p><p lang="tr">ger-çek-leş-ti-ril-miş-tir</p></div>',
    );
  });
});
