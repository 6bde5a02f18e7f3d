// Notes: numbering, links both ways, and the imported bracket notes of converted documents.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED } from '../helpers/cli.js';
import { transform } from '../helpers/transform.js';

describe('Markdown footnotes', () => {
  it('numbers word labels 1, 2, 3 in order of first call, whatever the labels', async () => {
    const result = await transform('# T\n\nA[^zeta] b[^alpha] c[^mid].\n\n[^alpha]: Alpha.\n[^mid]: Mid.\n[^zeta]: Zeta.\n');
    expect(result.notes.map((note) => [note.number, note.id])).toEqual([
      [1, 'fn-1'],
      [2, 'fn-2'],
      [3, 'fn-3'],
    ]);
    expect(result.notesHtml).toEqual(['<p>Zeta.</p>', '<p>Alpha.</p>', '<p>Mid.</p>']);
    expect(result.html).toContain('<a href="#fn-1" id="fnref-1" class="noteref" role="doc-noteref">1</a>');
    expect(result.html).not.toContain('data-footnotes');
  });

  it('keeps one number for a note called twice and records each call', async () => {
    const result = await transform('# T\n\nOne[^a] two[^b] again[^a].\n\n[^a]: A.\n[^b]: B.\n');
    expect(result.notes[0]!.calls).toEqual(['fnref-1', 'fnref-1-2']);
    expect(result.html).toContain('id="fnref-1-2" class="noteref" role="doc-noteref">1</a>');
    expect(result.notes[1]!.calls).toEqual(['fnref-2']);
  });
});

describe('bracket-number notes of converted documents', () => {
  it('turns the seed’s [\\[1\\]](#), [2] and [3] calls and its [n] list into three linked notes', async () => {
    const result = await transform(readFileSync(SEED, 'utf8'), { name: 'seed.txt' });
    expect(result.messages.filter((message) => /error/.test(message))).toEqual([]);
    expect(result.notes.map((note) => note.calls)).toEqual([['fnref-1'], ['fnref-2'], ['fnref-3']]);
    expect(result.notesHtml[0]).toMatch(/^<p>Almaz Kumenov, China promises more investment/);
    expect(result.notesHtml[2]).toMatch(/^<p>China to aid 5 Central Asia countries/);
    expect(result.html).toContain('pandemic.<sup><a href="#fn-1" id="fnref-1"');
    expect(result.html).toContain('intervention.<sup><a href="#fn-2" id="fnref-2"');
    expect(result.html).not.toMatch(/\[\d\]/);
  });

  it('converts <sup>n</sup> calls', async () => {
    const result = await transform('# T\n\nText<sup>1</sup> more<sup>2</sup>.\n\n[1] First.\n\n[2] Second.\n');
    expect(result.notes.map((note) => note.number)).toEqual([1, 2]);
    expect(result.html).toContain('Text<sup><a href="#fn-1"');
  });

  it('reports a gap in the numbering at the note', async () => {
    const result = await transform('# T\n\nA[1] b[3].\n\n[1] First.\n\n[3] Third.\n');
    expect(result.messages).toContain('manuscript/test.md:7:1: error: Imported note [3] breaks the numbering: expected [2] (import-notes-gap)');
  });

  it('reports a number used twice', async () => {
    const result = await transform('# T\n\nA[1] b[2].\n\n[1] First.\n\n[2] Second.\n\n[2] Again.\n');
    expect(result.messages).toContain('manuscript/test.md:9:1: error: Imported note [2] is numbered twice (import-notes-duplicate)');
  });

  it('leaves a document with Markdown footnotes alone', async () => {
    const result = await transform('# T\n\nA[^x] and [1].\n\n[^x]: X.\n\n[1] Not a note list.\n');
    expect(result.notes).toHaveLength(1);
    expect(result.html).toContain('[1] Not a note list.');
  });

  it('does nothing with --import-notes never', async () => {
    const result = await transform('# T\n\nA[1].\n\n[1] First.\n', { importNotes: 'never' });
    expect(result.notes).toHaveLength(0);
  });
});

describe('note problems, each at its line and column', () => {
  it('a call with no note is an error', async () => {
    const result = await transform('# T\n\nSome text[^missing] here.\n');
    expect(result.messages).toContain('manuscript/test.md:3:10: error: Call to note "missing", but no such note is defined (note-undefined)');
  });

  it('a note never called is a warning', async () => {
    const result = await transform('# T\n\nText.\n\n[^lonely]: Nobody calls me.\n');
    expect(result.messages).toContain('manuscript/test.md:5:1: warning: Note "lonely" is never called in the text (note-unused)');
  });

  it('two notes with one label is an error', async () => {
    const result = await transform('# T\n\nText[^a].\n\n[^a]: One.\n\n[^a]: Two.\n');
    expect(result.messages).toContain('manuscript/test.md:7:1: error: Note "a" is defined twice (first at line 5) (note-duplicate)');
  });

  it('an empty note is an error', async () => {
    const result = await transform('# T\n\nText[^a].\n\n[^a]:\n');
    expect(result.messages).toContain('manuscript/test.md:5:1: error: Note "a" is empty (note-empty)');
  });
});

describe('inline notes, as Pandoc writes them', () => {
  it('turns ^[text] into a numbered note in order with the others', async () => {
    const result = await transform('# T\n\nFirst[^a] then inline.^[An *inline* note with [a link](https://example.org).] End.\n\n[^a]: A.\n');
    expect(result.notes.map((note) => note.number)).toEqual([1, 2]);
    expect(result.notesHtml[1]).toBe('<p>An <em>inline</em> note with <a href="https://example.org">a link</a>.</p>');
    expect(result.html).toContain('then inline.<sup><a href="#fn-2" id="fnref-2" class="noteref" role="doc-noteref">2</a></sup> End.');
  });

  it('keeps nested brackets inside the note', async () => {
    const result = await transform('# T\n\nText^[See [sic] here.] after.\n');
    expect(result.notesHtml).toEqual(['<p>See [sic] here.</p>']);
    expect(result.html).toContain('</sup> after.');
  });

  it('reports an unclosed inline note', async () => {
    const result = await transform('# T\n\nText ^[never closed.\n');
    expect(result.messages).toContain('manuscript/test.md:3:6: error: Inline note `^[` is never closed with `]` (note-unclosed)');
  });
});

describe('notes called from anywhere, holding anything', () => {
  it('takes calls from block quotes, lists and table cells', async () => {
    const result = await transform('# T\n\n> Quoted[^q].\n\n- Item[^l]\n\n| a | b |\n| - | - |\n| cell[^t] | x |\n\n[^q]: Q.\n[^l]: L.\n[^t]: T.\n');
    expect(result.notes.map((note) => result.notesHtml[note.number - 1])).toEqual(['<p>Q.</p>', '<p>L.</p>', '<p>T.</p>']);
    expect(result.html).toMatch(/<blockquote>[\s\S]*href="#fn-1"[\s\S]*<\/blockquote>/);
    expect(result.html).toMatch(/<li>Item<sup><a href="#fn-2"/);
    expect(result.html).toMatch(/<td>cell<sup><a href="#fn-3"/);
  });

  it('keeps several paragraphs, lists and code in one note', async () => {
    const result = await transform('# T\n\nText[^long].\n\n[^long]: First paragraph.\n\n    Second paragraph.\n\n    - a list item\n\n    ```\n    code\n    ```\n');
    expect(result.notes).toHaveLength(1);
    const html = result.notesHtml[0]!;
    expect(html).toContain('<p>First paragraph.</p>');
    expect(html).toContain('<p>Second paragraph.</p>');
    expect(html).toContain('<li>a list item</li>');
    expect(html).toContain('<pre><code>code\n</code></pre>');
  });
});

describe('notes that call notes', () => {
  it('rewrites a call inside a note, even to itself', async () => {
    const result = await transform('# T\n\nText[^a].\n\n[^a]: See also[^b] and me[^a].\n\n[^b]: B.\n');
    expect(result.notesHtml[0]).toBe(
      '<p>See also<sup><a href="#fn-2" id="fnref-2" class="noteref" role="doc-noteref">2</a></sup> and me<sup><a href="#fn-1" id="fnref-1-2" class="noteref" role="doc-noteref">1</a></sup>.</p>',
    );
    expect(result.notes[0]!.calls).toEqual(['fnref-1', 'fnref-1-2']);
  });
});
