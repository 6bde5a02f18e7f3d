// Many footnotes, several to a page, and notes too long for the page that calls them: every note
// starts on its call's page with the manuscript's number; a long one continues on the next page.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBook } from '../../bench/generate.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { readPdf, type ParsedPdf } from '../helpers/pdf.js';
import { pdftotext, squash } from '../helpers/poppler.js';
import { footnoteProblems, publicationOf } from '../helpers/publication.js';

const dir = tempDir();
const book = path.join(dir, 'book.md');
writeFileSync(book, generateBook({ chapters: 4, notes: 90, paragraphsPerChapter: 10 }));

/** Deterministic filler: words drawn by a Lehmer generator, so the layout is the same every run. */
function filler(seed: number) {
  const words = 'region cooperation economic relations summit trade security stability policy development energy investment border market'.split(' ');
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const sentence = (length: number) => `${Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(' ')}.`;
  return { sentence, paragraph: () => Array.from({ length: 6 }, () => sentence(15)).join(' ') };
}

// A note of a page and a half, called in the last line of a paragraph near a page's foot (where
// Paged.js pushed the call's line, and the note, a page on), and a short note after it.
const text = filler(1);
const callLine = path.join(dir, 'call-line.md');
const longNote = Array.from({ length: 30 }, () => text.sentence(14)).join(' ');
writeFileSync(
  callLine,
  [
    '---\ntitle: Long Notes\n---\n',
    ...Array.from({ length: 5 }, () => `${text.paragraph()}\n`),
    `${text.paragraph()}[^long]\n`,
    ...Array.from({ length: 6 }, (_, index) => `${text.paragraph()}${index === 2 ? '[^short]' : ''}\n`),
    `[^long]: LONGSTART ${longNote} MIDDLE ${longNote} ${longNote} LONGEND\n`,
    '[^short]: A short note.\n',
  ].join('\n'),
);

// A note of three and a half pages (where Paged.js stopped, "Layout repeated", or clipped the text
// it had laid out above the note's continuation).
const threePages = path.join(dir, 'three-pages.md');
const paragraph = (index: number) => Array.from({ length: 6 }, (_, line) => `Paragraph ${index} line ${line} carries running text about the economy of the region.`).join(' ');
writeFileSync(
  threePages,
  [
    '---\ntitle: Long Notes\n---\n',
    ...Array.from({ length: 16 }, (_, index) => `${paragraph(index)}${index === 7 ? '[^n]' : ''}\n`),
    `[^n]: LONGSTART ${Array.from({ length: 300 }, (_, index) => `Sentence ${index} of the note says something about regional cooperation and trade.`).join(' ')} LONGEND\n`,
  ].join('\n'),
);

// Sections under headings, of many lengths: some heading falls near every page's foot.
const headings = path.join(dir, 'headings.md');
const sentences = (count: number, of: number) => Array.from({ length: count }, (_, index) => `Sentence ${index} of section ${of} goes on about the region and its cooperation.`).join(' ');
writeFileSync(
  headings,
  ['---\ntitle: Headings\n---\n', ...Array.from({ length: 60 }, (_, index) => `## Section ${index + 1} on a subject of some length\n\n${sentences(2 + ((index * 7) % 9), index)}\n`)].join('\n'),
);

describe('footnotes in quantity and at length; page breaks', () => {
  const out = tempDir();
  let run: ReturnType<typeof runCli>;
  const pdfs: Record<string, ParsedPdf> = {};

  beforeAll(async () => {
    run = runCli(['build', book, callLine, threePages, headings, '--out', out, '--format', 'pdf']);
    for (const name of ['book', 'call-line', 'three-pages']) {
      // A PDF the build did not write fails the tests that read it, not this hook.
      if (existsSync(path.join(out, `${name}.pdf`))) pdfs[name] = await readPdf(path.join(out, `${name}.pdf`));
    }
  });

  it('builds, with no widow, no orphan, no heading cut off from its text and no text lost (no layout warning)', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('puts each of 90 notes on the page of its call, several to a page, numbered as written', async () => {
    const { notes } = await publicationOf(book);
    expect(notes).toHaveLength(90);
    expect(footnoteProblems(pdfs.book!, notes)).toEqual([]);
    const perPage = new Map<number, number>();
    for (const link of pdfs.book!.links.filter((link) => link.dest?.startsWith('fn-'))) perPage.set(link.page, (perPage.get(link.page) ?? 0) + 1);
    expect(Math.max(...perPage.values())).toBeGreaterThan(1);
    expect(pdfs.book!.outline.filter((title) => title.startsWith('Chapter '))).toHaveLength(4);
  });

  /** Lines of text on each page between the title page and the colophon. */
  const bodyLines = (name: string) =>
    pdftotext(path.join(out, `${name}.pdf`), true)
      .map((page) => page.split('\n').filter((line) => line.trim()).length)
      .slice(1, -1);

  it('starts a long note on its call’s page and continues it on the next, leaving no page half empty', async () => {
    const { notes } = await publicationOf(callLine);
    expect(footnoteProblems(pdfs['call-line']!, notes)).toEqual([]);
    const pages = pdfs['call-line']!.pages;
    const start = pages.findIndex((page) => page.includes('LONGSTART'));
    expect(pages.findIndex((page) => page.includes('LONGEND'))).toBeGreaterThan(start);
    // Every page but the last of the text is full.
    for (const [index, count] of bodyLines('call-line').slice(0, -1).entries()) expect(count, `page ${index + 2}`).toBeGreaterThan(30);
  });

  it('carries a note of several pages over several pages, losing no line of it or of the text', async () => {
    const { notes } = await publicationOf(threePages);
    expect(footnoteProblems(pdfs['three-pages']!, notes)).toEqual([]);
    const pages = pdfs['three-pages']!.pages;
    expect(pages.findIndex((page) => page.includes('LONGEND')) - pages.findIndex((page) => page.includes('LONGSTART'))).toBeGreaterThanOrEqual(3);
    // Lines and sentences run across page breaks: join the pages without their running heads and folios.
    const lines = pdftotext(path.join(out, 'three-pages.pdf'), true)
      .flatMap((page) => page.split('\n'))
      .filter((line) => !/^\s*(\d+|Long Notes|AVİM)\s*$/.test(line));
    const all = squash(lines.join('\n'));
    // The note carried to a page follows that page's running text: read it without the text's lines.
    const note = squash(lines.filter((line) => !/Paragraph|carries|running|economy/.test(line)).join('\n'));
    const missing = [
      ...Array.from({ length: 16 * 6 }, (_, index) => `Paragraph${Math.floor(index / 6)}line${index % 6}carries`).filter((words) => !all.includes(words)),
      ...Array.from({ length: 300 }, (_, index) => `Sentence${index}of`).filter((words) => !note.includes(words)),
    ];
    expect(missing).toEqual([]);
  });
});
