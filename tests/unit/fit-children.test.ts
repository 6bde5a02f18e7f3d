// rehype-fit-children on trees as the HTML parser makes them from raw HTML: elements where HTML does
// not let them stand (invalid in an EPUB's XHTML), mended with their text kept. The EPUB built from
// such a manuscript is validated through the CLI (tests/corpus/real-world/raw-html-slips.md).
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeFitChildren from '../../src/transform/plugins/rehype-fit-children.js';

const mended = (html: string) => {
  const root = fromHtml(html, { fragment: true });
  const file = new VFile({ path: 'manuscript/test.md' });
  rehypeFitChildren()(root, file);
  return { html: toHtml(root), messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
};

describe('rehype-fit-children', () => {
  it('keeps an element out of its place as a division, said at its place', () => {
    const result = mended('<p>Before.</p>\n<li>an item with no list</li>\n<dd>a definition</dd>');
    expect(result.html).toBe('<p>Before.</p>\n<div>an item with no list</div>\n<div>a definition</div>');
    expect(result.messages).toEqual([
      '2:1 html-invalid <li> stands only in <ul> or <ol> or <menu>, not in the text: its content kept as a division (put it inside one)',
      '3:1 html-invalid <dd> stands only in <dl> or <div>, not in the text: its content kept as a division (put it inside one)',
    ]);
    for (const html of ['<figcaption>c</figcaption>', '<summary>s</summary>', '<div><li>x</li></div>']) expect(mended(html).html, html).toMatch(/^(<div>)+[cxs](<\/div>)+$/);
  });

  it("gives ruby's annotations out of a ruby their place in the line", () => {
    expect(mended('<p>Text <rt>ruby</rt> on.</p>').html).toBe('<p>Text ruby on.</p>');
  });

  it('puts what a list holds outside its items into an item of its own', () => {
    expect(mended('<ul>\n<p>a paragraph</p>\n<li>item</li>\n</ul>').html).toBe('<ul><li>\n<p>a paragraph</p>\n</li><li>item</li>\n</ul>');
    expect(mended('<ol><li>one</li>stray text</ol>').html).toBe('<ol><li>one</li><li>stray text</li></ol>');
  });

  it('begins a definition list with a term, then adds definitions', () => {
    expect(mended('<dl><p>first</p><dt>t</dt><dd>d</dd><p>more</p></dl>').html).toBe('<dl><dt><p>first</p></dt><dt>t</dt><dd>d</dd><dd><p>more</p></dd></dl>');
  });

  it('shows details with no summary as an open division', () => {
    expect(mended('<details><p>no summary</p></details>').html).toBe('<div><p>no summary</p></div>');
    expect(mended('<details><summary>s</summary><p>x</p></details>').html).toBe('<details><summary>s</summary><p>x</p></details>');
  });

  it('gives a table one caption, first, and a figure one caption, first or last', () => {
    expect(mended('<table><caption>c</caption><tr><td>x</td></tr><caption>second</caption></table>').html).toBe('<table><caption>c second</caption><tbody><tr><td>x</td></tr></tbody></table>');
    expect(mended('<table><tr><td>x</td></tr><caption>late</caption></table>').html).toBe('<table><caption>late</caption><tbody><tr><td>x</td></tr></tbody></table>');
    expect(mended('<figure>alt text<figcaption>one</figcaption><figcaption>two</figcaption></figure>').html).toBe('<figure>alt text<div>one</div><figcaption>two</figcaption></figure>');
    expect(mended('<figure><figcaption>one</figcaption><img src="a.png" alt=""><figcaption>two</figcaption></figure>').html).toBe(
      '<figure><figcaption>one</figcaption><img src="a.png" alt=""><div>two</div></figure>',
    );
  });

  it('leaves out an empty paragraph, as the parser leaves one where it closed a paragraph around a block', () => {
    expect(mended('<p></p><div>centred</div><p>, after</p><p></p>')).toEqual({ html: '<div>centred</div><p>, after</p>', messages: [] });
    expect(mended('<p> </p>').html).toBe('<p> </p>');
  });

  it('leaves valid structure alone', () => {
    for (const html of [
      '<ul><li><p>a</p></li></ul>',
      '<dl><div><dt>t</dt><dd>d</dd></div></dl>',
      '<figure><img src="a.png" alt=""><figcaption>c</figcaption></figure>',
      '<table><caption>c</caption><tbody><tr><td>x</td></tr></tbody></table>',
      '<details><summary>s</summary>text</details>',
      '<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>',
    ]) {
      const result = mended(html);
      expect(result.html).toBe(html);
      expect(result.messages).toEqual([]);
    }
  });
});
