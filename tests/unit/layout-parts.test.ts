// A long publication's print HTML in parts to lay out at once (src/render/pdf/layout-parts.ts): cut only
// before a level-1 heading of the body, the front matter with the first part, the back matter with the
// last, every note in the part that calls it, and the parts together the whole.
import type { RootContent } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { chapterRuns, layoutParts, wholePublication, type PrintNote, type PrintSection } from '../../src/render/pdf/layout-parts.js';

const chapter = (number: number): string => `<h1 id="c${number}">Chapter ${number}</h1><p>${'text '.repeat(200)}<a id="call-${number}" href="#note-${number}">${number}</a></p>`;

function publication(chapters: number): { sections: PrintSection[]; notes: PrintNote[] } {
  return {
    sections: [
      { kind: 'title-page', id: 'title', runs: ['<h1>Title</h1>'] },
      { kind: 'contents', id: 'contents', runs: ['<nav>contents</nav>'] },
      { kind: 'body', id: 'body', runs: Array.from({ length: chapters }, (_, index) => chapter(index + 1)) },
      { kind: 'colophon', id: 'colophon', runs: ['<p>colophon</p>'] },
    ],
    notes: Array.from({ length: chapters }, (_, index) => ({ call: `call-${index + 1}`, html: `<span class="footnote" data-call="call-${index + 1}">note ${index + 1}</span>` })),
  };
}

describe('chapterRuns', () => {
  it('starts a run at every level-1 heading but the first element, keeping white space with its run', () => {
    const children: RootContent[] = [h('h1', 'One'), { type: 'text', value: '\n' }, h('p', 'a'), h('h2', 'Two'), h('h1', 'Three'), h('p', 'b'), h('h1', 'Four')];
    const runs = chapterRuns(children).map((run) => run.map((node) => (node.type === 'element' ? `${node.tagName}` : 'text')));
    expect(runs).toEqual([['h1', 'text', 'p', 'h2'], ['h1', 'p'], ['h1']]);
  });

  it('keeps a body without level-1 headings in one run', () => {
    expect(chapterRuns([h('p', 'a'), h('h2', 'b')])).toHaveLength(1);
  });
});

describe('layoutParts', () => {
  it('cuts before chapters into parts of about equal length that hold the whole publication', () => {
    const { sections, notes } = publication(10);
    const parts = layoutParts(sections, notes, 2, 0);
    expect(parts).toHaveLength(2);
    const [first, last] = parts as [(typeof parts)[0], (typeof parts)[0]];
    expect(first.sections.map((section) => section.kind)).toEqual(['title-page', 'contents', 'body']);
    expect(last.sections.map((section) => section.kind)).toEqual(['body', 'colophon']);
    // The body's id once, on its first piece.
    expect(first.sections.at(-1)!.id).toBe('body');
    expect(last.sections[0]!.id).toBe('');
    expect(first.sections.at(-1)!.html + last.sections[0]!.html).toBe(wholePublication(sections, notes).sections[2]!.html);
    expect(first.sections.at(-1)!.html.match(/<h1/g)).toHaveLength(5);
    // Each note goes with the part that calls it.
    for (const part of parts) {
      const called = [
        ...part.sections
          .map((section) => section.html)
          .join('')
          .matchAll(/id="(call-\d+)"/g),
      ].map((match) => match[1]);
      expect(part.footnotes.map((note) => /data-call="([^"]+)"/.exec(note)![1])).toEqual(called);
    }
  });

  it('cuts where the parts come nearest equal, not after the chapter that passes the half', () => {
    // Chapters of 300, 100, 500 and 100 words: the half falls inside the third; cut before it the parts are
    // 400 and 600 words, after it 900 and 100.
    const words = [300, 100, 500, 100];
    const runs = words.map((count, index) => `<h1 id="c${index}">Chapter ${index}</h1><p>${'text '.repeat(count)}</p>`);
    const sections: PrintSection[] = [{ kind: 'body', id: 'body', runs }];
    const parts = layoutParts(sections, [], 2, 0);
    expect(parts.map((part) => part.sections[0]!.html.match(/<h1/g)?.length)).toEqual([2, 2]);
  });

  it('puts a note called from another note with that note, and makes no parts when a note has no call', () => {
    const { sections, notes } = publication(4);
    const nested = { call: 'call-in-note', html: '<span class="footnote" data-call="call-in-note">nested</span>' };
    // Note 4 (called in chapter 4, in the second part) calls the nested note.
    notes[3] = { ...notes[3]!, html: notes[3]!.html.replace('note 4', 'note 4 <a id="call-in-note" href="#nested">5</a>') };
    const parts = layoutParts(sections, [...notes, nested], 2, 0);
    expect(parts).toHaveLength(2);
    expect(parts[1]!.footnotes).toContain(nested.html);
    expect(parts[0]!.footnotes).not.toContain(nested.html);
    expect(layoutParts(sections, [...notes, { call: 'nowhere', html: '<span>lost</span>' }], 2, 0)).toEqual([]);
  });

  it('weighs a chapter by the HTML its layout costs, not the bytes of its images', () => {
    // The last chapter shows a large image written into the HTML (a data: URL, as the print HTML has it):
    // counted by characters it would outweigh the rest, and no cut would balance the parts.
    const withImage = (bytes: number) => {
      const { sections, notes } = publication(6);
      sections.find((section) => section.kind === 'body')!.runs[5] += `<p><img src="data:image/png;base64,${'A'.repeat(bytes)}" alt="A figure"></p>`;
      return { sections, notes };
    };
    const chapters = ({ sections, notes }: ReturnType<typeof withImage>) =>
      layoutParts(sections, notes, 2, 0).map((part) => part.sections.find((section) => section.kind === 'body')!.html.match(/<h1/g)?.length);
    const small = chapters(withImage(4));
    expect(small).toHaveLength(2);
    expect(chapters(withImage(100_000))).toEqual(small);
    const { sections, notes } = withImage(100_000);
    // Nor does an image make a short publication long enough to lay out in parts.
    expect(layoutParts(sections, notes, 2, 20_000)).toEqual([]);
  });

  it('makes no more parts than asked or than chapters, and none when a part would be too short', () => {
    const { sections, notes } = publication(3);
    expect(layoutParts(sections, notes, 8, 0)).toHaveLength(3);
    expect(layoutParts(sections, notes, 2, 1_000_000)).toEqual([]);
    expect(layoutParts(publication(1).sections, notes, 2, 0)).toEqual([]);
  });
});
