// A book's publication model, as the build makes it from tests/fixtures/book (no browser): the
// sections in order (the notes section is the PDF's only with endnotes), the chapters in one body, the chapter files recorded, and the print HTML telling
// each chapter element's own file, so that a problem found on the pages points there.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagedjsEngine } from '../../src/render/pdf/engine/pagedjs/pagedjs-engine.js';
import { printHtml } from '../../src/render/pdf/print-html.js';
import { ROOT } from '../helpers/cli.js';
import { published, textOf } from '../helpers/publication.js';
import { project } from '../helpers/transform.js';

const BOOK = path.join(ROOT, 'tests', 'fixtures', 'book', 'book.md');
const chapter = (name: string) => path.join(ROOT, 'tests', 'fixtures', 'book', 'chapters', name);

describe('a book', () => {
  it('is one publication: half title, title page, copyright page, contents, preface, one body of the chapters, notes, author page, colophon', async () => {
    const { publication, file } = await published(BOOK);
    expect(file.messages.filter((message) => message.fatal)).toEqual([]);
    expect(publication.sections.map((section) => section.kind)).toEqual(['half-title', 'title-page', 'copyright', 'contents', 'preface', 'body', 'notes', 'author', 'colophon']);
    expect(publication.source.chapters).toEqual([chapter('01-corridors.md'), chapter('02-energy.md'), chapter('03-memory.md')]);
    const body = publication.sections.find((section) => section.kind === 'body')!.content;
    const titles = body.children.flatMap((node) => (node.type === 'element' && node.tagName === 'h1' ? [[node.properties.id, textOf(node)]] : []));
    expect(titles).toEqual([
      ['chapter-1', 'The Middle Corridor Comes of Age'],
      ['chapter-2', 'Power Lines Across the Steppe'],
      ['chapter-3', 'Monuments and Textbooks'],
    ]);
    expect(publication.notes.map((note) => [note.id, note.number])).toEqual([
      ['fn-1', 1],
      ['fn-2', 2],
      ['fn-3', 3],
      ['fn-4', 4],
    ]);
  });

  it("marks each chapter element of the print HTML with its own file and line, not the book's", async () => {
    const { publication } = await published(BOOK);
    // Without the soft hyphens the print HTML's text carries.
    const html = (await printHtml(publication, project, pagedjsEngine)).html.replace(/\u00AD/g, '');
    // "Energy is the oldest …" is line 12 of chapter 2 (after its front matter and title heading).
    const paragraph = /<p data-source-line="(\d+)" data-source-column="(\d+)" data-source-file="([^"]+)"[^>]*>Energy is the/.exec(html);
    expect(paragraph?.slice(1)).toEqual(['12', '1', chapter('02-energy.md')]);
    // The book's own text (the preface) keeps the book's lines, with no file of its own.
    expect(html).toMatch(/<p data-source-line="\d+" data-source-column="1"(?! data-source-file)[^>]*>The three essays/);
  });
});
