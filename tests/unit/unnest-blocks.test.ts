// rehype-unnest-blocks on trees as the HTML parser makes them from raw HTML slips: a block inside an
// element that may hold only text (invalid in an EPUB's XHTML). The EPUB built from such a manuscript
// is validated through the CLI (tests/corpus/real-world/raw-html-slips.md).
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { phrasing } from 'hast-util-phrasing';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeUnnestBlocks from '../../src/transform/plugins/rehype-unnest-blocks.js';

const mended = (html: string) => {
  const root = fromHtml(html, { fragment: true });
  const file = new VFile({ path: 'manuscript/test.md' });
  rehypeUnnestBlocks()(root, file);
  return { root, html: toHtml(root), messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
};

/** Elements of the HTML standard that may hold only phrasing content (those the sanitiser lets through). */
const TEXT_ONLY = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'strong',
  'em',
  'b',
  'i',
  'span',
  'sup',
  'sub',
  'code',
  'q',
  's',
  'u',
  'small',
  'mark',
  'cite',
  'abbr',
  'kbd',
  'samp',
  'var',
]);
const blocksInText = (root: Root) => {
  const found: string[] = [];
  const walk = (node: Root | Element, inText: boolean) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      if (inText && !phrasing(child)) found.push(child.tagName);
      walk(child, inText || TEXT_ONLY.has(child.tagName));
    }
  };
  walk(root, false);
  return found;
};

describe('rehype-unnest-blocks', () => {
  it('carries a formatting element left open into the block it was reopened around, once reported', () => {
    // What the parser makes of `<strong> <em>` left open, then a quotation (GFM spec example 657).
    const result = mended('<p><strong> <em></em></strong></p><strong><em>\n<blockquote>\n  quoted\n</blockquote></em></strong>');
    expect(result.html).toBe('<p><strong> <em></em></strong></p>\n<blockquote><strong><em>\n  quoted\n</em></strong></blockquote>');
    expect(result.messages).toEqual(['2:1 html-invalid <strong> holds a block (<blockquote>), which it may not: its formatting was carried into the block (close <strong> before the block)']);
    expect(blocksInText(result.root)).toEqual([]);
  });

  it('reaches the items of a list and the cells of a table, not the spaces between rows', () => {
    expect(mended('<span><ul>\n<li>one</li>\n<li>two <b>bold</b></li>\n</ul></span>').html).toBe('<ul>\n<li><span>one</span></li>\n<li><span>two <b>bold</b></span></li>\n</ul>');
    const table = mended('<em><table><thead><tr><th>a</th></tr></thead>\n<tbody><tr><td>1</td></tr></tbody></table></em>');
    expect(table.html).toBe('<table><thead><tr><th><em>a</em></th></tr></thead>\n<tbody><tr><td><em>1</em></td></tr></tbody></table>');
    expect(blocksInText(table.root)).toEqual([]);
  });

  it('keeps an id on the first copy only', () => {
    expect(mended('<span id="s"><p>one</p><p>two</p></span>').html).toBe('<p><span id="s">one</span></p><p><span>two</span></p>');
  });

  it('merges a block inside a heading or paragraph into its text, the words kept apart', () => {
    const heading = mended('<h1>a<div>b</div>c</h1>');
    expect(heading.html).toBe('<h1>a b c</h1>');
    expect(heading.messages).toEqual(['1:6 html-invalid <h1> holds a block (<div>), which it may not: the block was merged into its text (take the <div> out of the <h1>)']);
    expect(mended('<h2>head <p>para</p></h2>').html).toBe('<h2>head para</h2>');
    expect(mended('<h3><em>a <div>b <ul><li>c</li></ul></div></em> d</h3>').html).toBe('<h3><em>a b c</em> d</h3>');
    expect(mended('<h3><a href="#x"><div>in a link</div></a></h3>').html).toBe('<h3><a href="#x">in a link</a></h3>');
  });

  it('leaves valid nesting alone, a link around a division included', () => {
    for (const html of [
      '<p><strong>a <em>b</em></strong></p>',
      '<a href="#b"><div>block in a link</div></a>',
      '<blockquote><div><p>a</p></div></blockquote>',
      '<pre><code>x</code></pre>',
      '<ul><li><p>a</p><ul><li>b</li></ul></li></ul>',
      '<table><tbody><tr><td><p>cell</p></td></tr></tbody></table>',
    ]) {
      const result = mended(html);
      expect(result.html).toBe(html);
      expect(result.messages).toEqual([]);
    }
  });

  it('leaves no block inside text in what the parser makes of misnested raw HTML', () => {
    for (const html of [
      '<b>bold<pre><code>code</code></pre>text</b>',
      '<sup><blockquote><p>quote</p></blockquote><p>after</p></sup>',
      '<strong><a href="#x"><div>linked block</div></a></strong>',
      '<h1>a <table><tr><td>x</td></tr></table></h1>',
      '<em><details><summary>s</summary><div>d</div></details></em>',
    ]) {
      const result = mended(html);
      expect(blocksInText(fromHtml(html, { fragment: true })).length, html).toBeGreaterThan(0);
      expect(blocksInText(result.root), html).toEqual([]);
      expect(result.messages.length, html).toBe(1);
    }
  });
});
