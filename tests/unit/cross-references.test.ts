// What cross-references point to, on the real transform's trees: headings' GitHub-style ids (never
// one the tool uses itself, never looping), links to them kept, a pandoc-style `Table:` caption, and
// the ids of captioned figures and tables.
import { describe, expect, it } from 'vitest';
import { transform } from '../helpers/transform.js';

describe('cross-reference targets', () => {
  it('gives headings the ids GitHub gives them, repeats numbered, and keeps links to them', async () => {
    const { html, messages } = await transform(
      ['---', 'title: T', '---', '', '## Trade and “Power”, 2022', '', '## Intro', '', '## Intro', '', 'See [trade](#trade-and-power-2022) and [the second](#intro-1).', ''].join('\n'),
    );
    expect(html).toContain('<h2 id="trade-and-power-2022">');
    expect(html).toContain('<h2 id="intro">');
    expect(html).toContain('<h2 id="intro-1">');
    expect(html).toContain('<a href="#trade-and-power-2022">trade</a>');
    expect(messages).toEqual([]);
  });

  it('steps around the ids the tool makes (chapters, notes, pages, sections), and ends', async () => {
    const { html } = await transform(['---', 'title: T', '---', '', '## Chapter 1', '', '## Page', '', '## Page', '', '## Notes', '', '## Chapter 1: Trade', ''].join('\n'));
    expect(html).toContain('<h2 id="chapter-1-section">');
    expect(html).toContain('<h2 id="page">');
    expect(html).toContain('<h2 id="page-1-section">');
    expect(html).toContain('<h2 id="notes-section">');
    expect(html).toContain('<h2 id="chapter-1-trade">');
  });

  it('warns at a link to an id nobody has, and keeps its text', async () => {
    const { html, messages } = await transform(['---', 'title: T', '---', '', 'See [nowhere](#no-such-place).', ''].join('\n'));
    expect(html).toContain('See <a>nowhere</a>.');
    expect(messages).toEqual([expect.stringMatching(/test\.md:5:5: warning: Link to "#no-such-place", but no element has that id; kept as text \(link-dead\)/)]);
  });

  it('makes a `Table:` paragraph before a table its caption, and numbers captioned tables and figures', async () => {
    const { html } = await transform(
      [
        '---',
        'title: T',
        '---',
        '',
        'Table: Gas *exports*, 2022',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
        '',
        '<figure><p>x</p><figcaption>The ring</figcaption></figure>',
        '',
        '| no | caption |',
        '| -- | ------- |',
        '| 1  | 2       |',
        '',
        'As [Table 1](#table-1) and [the figure](#figure-1) show.',
        '',
      ].join('\n'),
    );
    expect(html).toMatch(/<table id="table-1"><caption>Gas <em>exports<\/em>, 2022<\/caption>/);
    expect(html).not.toContain('Table:');
    expect(html).toContain('<figure id="figure-1">');
    // A table without a caption is not numbered.
    expect(html.match(/<table[^>]*>/g)).toEqual(['<table id="table-1">', '<table>']);
    expect(html).toContain('<a href="#table-1">Table 1</a>');
  });
});
