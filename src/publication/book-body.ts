// A book's one body from its chapters, each transformed as its own file: each chapter under its
// title (an h1, the chapter author under it; a part's title before its first chapter), its notes
// renumbered through the book or from 1 in each chapter, with ids unique in the book; the book's own
// text (a preface) apart, its notes first; the printed contents' entries (parts, chapters and their
// `##` headings); the chapter authors with a biography, for the author page. Ids stay unique in the
// book (a repeat in a later chapter is renamed there, its own links with it) and a link into another
// chapter is checked here, where the chapters meet. Pure: hast in, hast out.
import type { Element, ElementContent, ElementData, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { safeDecode } from '../util/paths.js';
import type { Asset } from '../transform/assets.js';
import { captionOf } from '../transform/plugins/rehype-captions.js';
import '../transform/file-data.js';
import type { Author, ContentsEntry, Note, NotesNumbering } from './model.js';

declare module 'hast' {
  interface ElementData {
    /** The file an element of a book came from (its position's lines are that file's), for problems
     * found after the transform; never written into an artifact. */
    sourceFile?: string;
  }
}

export interface TransformedPart {
  file: VFile;
  body: Root;
}

/** A chapter, and the title of the part it opens (when it opens one). */
export type TransformedChapter = TransformedPart & { part?: string };

export interface BookBody {
  /** The chapters (and part titles). */
  body: Root;
  /** The book's own text before its chapters, when it has some. */
  preface?: Root;
  notes: Note[];
  assets: Asset[];
  contents: ContentsEntry[];
  /** The chapters' authors who have a biography, in order, each once: they join the author page. */
  chapterAuthors: Author[];
  /** The captioned figures and tables, in order: a book lists them after its contents. */
  figures: ContentsEntry[];
  tables: ContentsEntry[];
  /** Links to an id no part of the book has, kept as text: the file and place to report them at. */
  deadLinks: { file: VFile; href: string; place?: Position }[];
}

export function bookBody(bookFile: VFile, book: TransformedPart, chapters: TransformedChapter[], numbering: NotesNumbering): BookBody {
  const notes: Note[] = [];
  const children: RootContent[] = [];
  const contents: ContentsEntry[] = [];
  const chapterAuthors = new Map<string, Author>();
  // The book's own text keeps its notes first (fn-1 … through the book, fn-0-1 … per chapter).
  const renumber = (part: TransformedPart, index: number, chapter?: string) => {
    const own = part.file.data.notes ?? [];
    const key = (number: number) => (numbering === 'book' ? String(notes.length + number) : `${index}-${number}`);
    const renumbered = renumberNotes(part.body, own, numbering === 'book' ? notes.length : 0, key);
    notes.push(...(chapter === undefined ? renumbered : renumbered.map((note) => ({ ...note, chapter }))));
  };
  const taken = new Set<string>();
  renumber(book, 0);
  keepIdsUnique(book, taken);
  // A preface file's lines are its own; the book file's own text keeps the book's.
  if (book.file !== bookFile) markSourceFile(book);
  const preface = book.body.children.some((node) => node.type === 'element') ? book.body : undefined;
  const bookLang = bookFile.data.lang;
  const bookTitle = bookFile.data.described?.shortTitle ?? bookFile.data.described?.title ?? '';
  let partEntry: ContentsEntry | undefined;
  let parts = 0;

  chapters.forEach((chapter, position) => {
    const index = position + 1;
    const title = chapter.file.data.described?.title ?? '';
    renumber(chapter, index, title);
    markSourceFile(chapter);
    if (chapter.part !== undefined) {
      const id = `part-${++parts}`;
      taken.add(id);
      partEntry = { title: chapter.part, href: `#${id}`, kind: 'part', children: [] };
      contents.push(partEntry);
      children.push(h('h1', { id, className: ['part-title'] }, chapter.part));
    }
    const described = chapter.file.data.described;
    const author = described?.authors.map((entry) => entry.name).join(', ') || undefined;
    // A chapter in another language than the book's says so on each of its blocks (hyphenation, voices).
    const lang = chapter.file.data.lang !== undefined && chapter.file.data.lang !== bookLang ? chapter.file.data.lang : undefined;
    for (const { name, role, bio, photo } of described?.authors ?? []) {
      if (bio && !chapterAuthors.has(name)) chapterAuthors.set(name, { name, ...(role !== undefined ? { role } : {}), bio, ...(photo ? { photo } : {}) });
    }
    const id = `chapter-${index}`;
    taken.add(id);
    keepIdsUnique(chapter, taken, index);
    const entry: ContentsEntry = { title, href: `#${id}`, ...(author ? { author } : {}), children: [] };
    let sub = 0;
    for (const node of chapter.body.children) {
      if (node.type !== 'element' || node.tagName !== 'h2') continue;
      if (typeof node.properties.id !== 'string') node.properties.id = `${id}-${++sub}`;
      const text = headingText(node);
      if (text) entry.children.push({ title: text, href: `#${node.properties.id}`, children: [] });
    }
    (partEntry ?? { children: contents }).children.push(entry);
    // The running heads' words (styles/print.css): the chapter's short title on the right, its author
    // (an anthology's) or the book's title on the left.
    const heads = { dataRecto: described?.shortTitle ?? title, dataVerso: author ?? bookTitle };
    const opening = [h('h1', { id, className: ['chapter-title'], ...heads }, title), ...(author ? [h('p', { className: ['chapter-author'] }, author)] : [])];
    const blocks = [...opening, ...chapter.body.children];
    if (lang) for (const block of blocks) if (block.type === 'element') block.properties.lang = lang;
    children.push(...blocks);
  });

  const assets = new Map<string, Asset>();
  for (const file of [bookFile, book.file, ...chapters.map((chapter) => chapter.file)]) for (const asset of file.data.assets?.all ?? []) assets.set(asset.path, asset);
  for (const note of notes) taken.add(note.id);
  const deadLinks = [book, ...chapters].flatMap((part) => deadLinksOf(part, taken));
  const body: Root = { type: 'root', children };
  const captioned = (tag: string): ContentsEntry[] => {
    const found: ContentsEntry[] = [];
    visit(body, 'element', (node) => {
      const caption = node.tagName === tag ? captionOf(node) : undefined;
      if (caption && typeof node.properties.id === 'string') found.push({ title: headingText(caption), href: `#${node.properties.id}`, children: [] });
    });
    return found;
  };
  return {
    body,
    ...(preface ? { preface } : {}),
    notes,
    assets: [...assets.values()],
    contents,
    figures: captioned('figure'),
    tables: captioned('table'),
    chapterAuthors: [...chapterAuthors.values()],
    deadLinks,
  };
}

/** Each element of a part remembers its file (its positions are that file's lines). */
function markSourceFile(part: TransformedPart): void {
  visit(part.body, 'element', (node) => {
    if (!node.position) return;
    // (A parser's augmentation types `position` in ElementData as always there; it is optional.)
    node.data = { ...(node.data as ElementData), sourceFile: part.file.path };
  });
}

/** The part's body and its notes' content (the same elements the book holds). */
function treesOf(part: TransformedPart): (Root | Element)[] {
  return [part.body, ...(part.file.data.notes ?? []).flatMap((note) => note.content)];
}

/** An id an earlier part already has becomes `<id>-2` (-3 …) here, and this part's own links to it
 * follow; a chapter's made figure and table ids are numbered in it (figure-3-1 in chapter 3, as its
 * notes are); every id of the part joins `taken`. Note ids are unique already (renumbered). */
function keepIdsUnique(part: TransformedPart, taken: Set<string>, chapter?: number): void {
  const renamed = new Map<string, string>();
  for (const tree of treesOf(part)) {
    visit(tree, 'element', (node) => {
      const written = node.properties.id;
      if (typeof written !== 'string') return;
      const id = chapter !== undefined && node.data?.generatedId ? written.replace(/^(figure|table)-/, `$1-${chapter}-`) : written;
      if (id !== written) {
        renamed.set(written, id);
        node.properties.id = id;
      }
      if (taken.has(id)) {
        let fresh = id;
        for (let n = 2; taken.has(fresh); n++) fresh = `${id}-${n}`;
        renamed.set(written, fresh);
        node.properties.id = fresh;
      }
      taken.add(String(node.properties.id));
    });
  }
  if (renamed.size === 0) return;
  for (const tree of treesOf(part)) {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const target = renamed.get(safeDecode(href.slice(1)));
      if (target) node.properties.href = `#${target}`;
    });
  }
}

/** The part's `#` links to ids nowhere in the book: kept as text (their href removed). */
function deadLinksOf(part: TransformedPart, ids: Set<string>): BookBody['deadLinks'] {
  const dead: BookBody['deadLinks'] = [];
  for (const tree of treesOf(part)) {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || ids.has(safeDecode(href.slice(1)))) return;
      dead.push({ file: part.file, href, ...(node.position ? { place: node.position } : {}) });
      delete node.properties.href;
    });
  }
  return dead;
}

/** The part's notes with their new numbers and ids (`fn-<key>`, calls `fnref-<key>[-k]`), their
 * calls in the text and in the notes rewritten to match. */
function renumberNotes(body: Root, notes: Note[], offset: number, key: (number: number) => string): Note[] {
  const byId = new Map<string, Note>();
  const callIds = new Map<string, string>();
  const renumbered = notes.map((note) => {
    const name = key(note.number);
    const fresh: Note = {
      ...note,
      number: offset + note.number,
      id: `fn-${name}`,
      calls: note.calls.map((_, index) => (index === 0 ? `fnref-${name}` : `fnref-${name}-${index + 1}`)),
    };
    byId.set(note.id, fresh);
    note.calls.forEach((call, index) => callIds.set(call, fresh.calls[index]!));
    return fresh;
  });
  const rewrite = (tree: Root | Element) =>
    visit(tree, 'element', (node) => {
      if (node.properties.role !== 'doc-noteref') return;
      const note = byId.get(String(node.properties.href).replace(/^#/, ''));
      if (!note) return;
      node.properties.href = `#${note.id}`;
      node.properties.id = callIds.get(String(node.properties.id)) ?? node.properties.id;
      node.children = [{ type: 'text', value: String(note.number) }];
    });
  rewrite(body);
  for (const note of renumbered) for (const block of note.content) rewrite(block);
  return renumbered;
}

/** A heading's (or caption's) words as a contents entry shows them: without its note calls. */
function headingText(heading: Element): string {
  const copy = structuredClone(heading);
  const withoutCalls = (children: ElementContent[]): ElementContent[] =>
    children
      .filter((child) => !(child.type === 'element' && child.properties.role === 'doc-noteref'))
      .map((child) => (child.type === 'element' ? { ...child, children: withoutCalls(child.children) } : child));
  copy.children = withoutCalls(copy.children);
  return toString(copy).replace(/\s+/g, ' ').trim();
}
