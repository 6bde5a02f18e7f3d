// Two plugins on trees: rehype-wrap-loose-text gives text that stands among blocks a paragraph (raw
// HTML leaves it so, and Paged.js cannot break it at a page's foot), and rehype-check-links leaves out
// a link that shows nothing (nothing to tap, no name for a screen reader). The layout of such text on
// real pages is tested through the CLI (tests/corpus/real-world/fixture-style-examples.md).
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeCheckLinks from '../../src/transform/plugins/rehype-check-links.js';
import rehypeWrapLooseText from '../../src/transform/plugins/rehype-wrap-loose-text.js';

const tree = (html: string): Root => fromHtml(html, { fragment: true });
const wrapped = (html: string) => {
  const root = tree(html);
  rehypeWrapLooseText()(root);
  return toHtml(root);
};

describe('rehype-wrap-loose-text', () => {
  it('gives text between blocks of the body a paragraph, with what phrasing it holds', () => {
    expect(wrapped('<p>One</p>\n.\n<p>Two</p>\nloose <em>words</em> and <a href="#x">a link</a>\n<h2>Three</h2>')).toBe(
      '<p>One</p><p>\n.\n</p><p>Two</p><p>\nloose <em>words</em> and <a href="#x">a link</a>\n</p><h2>Three</h2>',
    );
  });

  it('gives the paragraph the place of the text it holds', () => {
    const root = fromHtml('<p>One</p>\nloose\ntext', { fragment: true });
    rehypeWrapLooseText()(root);
    const paragraph = root.children[1];
    expect(paragraph).toMatchObject({ type: 'element', tagName: 'p', position: { start: { line: 1, column: 11 }, end: { line: 3, column: 5 } } });
  });

  it('leaves spaces between blocks, an image alone and a comment as they are', () => {
    for (const html of ['<p>a</p>\n\n<p>b</p>', '<p>a</p>\n<img src="x.png" alt="">\n<p>b</p>', '<p>a</p><!-- note --><p>b</p>']) expect(wrapped(html)).toBe(toHtml(tree(html)));
  });

  it('wraps in a quotation or division that also holds blocks, and nowhere that holds loose text by design', () => {
    expect(wrapped('<blockquote><p>a</p>loose</blockquote>')).toBe('<blockquote><p>a</p><p>loose</p></blockquote>');
    expect(wrapped('<div>only text</div>')).toBe('<div>only text</div>');
    for (const html of ['<ul><li>tight<ul><li>inner</li></ul></li></ul>', '<table><tbody><tr><td>cell<p>para</p></td></tr></tbody></table>', '<dl><dt>term</dt><dd>text<p>more</p></dd></dl>'])
      expect(wrapped(html)).toBe(toHtml(tree(html)));
  });

  it('does not put a block in a paragraph: a link around a division stays where it is', () => {
    const html = '<p>a</p><a href="#b"><div>block in a link</div></a>';
    expect(wrapped(html)).toBe(toHtml(tree(html)));
  });
});

describe('rehype-check-links: a link that shows nothing', () => {
  const checked = (html: string) => {
    const root = tree(html);
    const file = new VFile({ path: 'manuscript/test.md' });
    rehypeCheckLinks()(root, file);
    return { html: toHtml(root), messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
  };

  it('leaves out a link without text, and says where, with the fix', () => {
    expect(checked('<p>Before <a href="https://example.org/a"></a>after.</p>')).toEqual({
      html: '<p>Before after.</p>',
      messages: ['1:11 link-empty A link with no text (to "https://example.org/a") has nothing to read or tap; left out (give it text: [the text](https://example.org/a))'],
    });
  });

  it('keeps what it held (spaces) and leaves out the empty first of two nested links', () => {
    // What the HTML parser makes of <a><a>inner</a></a>: the outer closed, empty, before the inner.
    expect(checked('<p><a href="https://example.org/outer"> </a><a href="https://example.org/inner">inner</a></p>').html).toBe('<p> <a href="https://example.org/inner">inner</a></p>');
  });

  it('leaves out, without a word, the empty copy the parser makes of a link around a block: its text is in the other copy', () => {
    // <a href><div>…</div></a> in a paragraph: the paragraph closes on an empty copy of the link.
    expect(checked('<p><a href="https://example.org/r"><div>the report</div></a></p>')).toEqual({
      html: '<p></p><div><a href="https://example.org/r">the report</a></div><p></p>',
      messages: [],
    });
  });

  it('keeps a link that shows a described image as it is', () => {
    const html = '<p><a href="https://example.org/"><img src="x.png" alt="The logo"></a></p>';
    expect(checked(html)).toEqual({ html, messages: [] });
  });

  it('names a link that shows only an undescribed image by its address, and says how to describe it', () => {
    expect(checked('<p><a href="https://example.org/"><img src="x.png" alt=""></a></p>')).toEqual({
      html: '<p><a href="https://example.org/" aria-label="https://example.org/"><img src="x.png" alt=""></a></p>',
      messages: [
        '1:4 link-empty A link shows only an image with no description (to "https://example.org/"): a screen reader has no name for it; named by its address (describe the image: [![what it shows](file)](https://example.org/))',
      ],
    });
  });
});
