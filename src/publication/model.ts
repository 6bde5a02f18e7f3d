// The one publication model: the transform produces what it holds, the PDF and EPUB renderers only
// read it. Its value types come from the front-matter schema (declared once, in load/).
import type { Element, Root } from 'hast';
import type { Brand } from '../load/brand-schema.js';
import type { FrontMatter, LanguageCode, NotesNumbering, NotesPlacement, PageSize } from '../load/frontmatter-schema.js';
import type { Asset } from '../transform/assets.js';

export type { Asset, LanguageCode, NotesNumbering, NotesPlacement, PageSize };

export interface Author {
  name: string;
  role?: string;
  /** The biography, as safe hast (from front matter Markdown or the "About the Author" section). */
  bio?: Root;
  /** The author's photo: the real path of its asset. */
  photo?: string;
}

export interface Metadata {
  title: string;
  subtitle?: string;
  /** Used in running heads; defaults to the title. */
  shortTitle: string;
  authors: Author[];
  lang: LanguageCode;
  /** The publication date as the front matter writes it (YYYY, YYYY-MM or YYYY-MM-DD), when it does. */
  date?: string;
  /** The publication date for metadata (dc:date): `date`, else where load/dates.ts found one. */
  issued: string;
  /** The year the copyright line ends with. */
  year: number;
  /** The copyright years: "2009–2024" from the brand's first year, or the year alone. */
  copyrightYears: string;
  /** When this build's artifacts say they were made (never the build's clock: load/dates.ts). */
  modified: Date;
  publicationType?: string;
  description?: string;
  keywords: string[];
  photoCredit?: string;
  /** Each edition's ISBN, when it has one. */
  isbn: { pdf?: string; epub?: string };
  /** Each edition's identifier: urn:isbn of its ISBN, else the publication's urn:uuid (publisher and slug). */
  identifiers: { pdf: string; epub: string };
  edition?: string;
  series?: NonNullable<FrontMatter['series']>;
  /** The cover image the front matter names: the real path of its asset. */
  cover?: string;
  notes: NotesPlacement;
  /** A book's notes are numbered through it (book) or from 1 in each chapter; an article's, 'book'. */
  noteNumbering: NotesNumbering;
  pageSize: PageSize;
  /** File name stem of the artifacts: dist/<slug>.pdf */
  slug: string;
  toolVersion: string;
}

export interface Note {
  number: number;
  /** id of the note element: fn-N */
  id: string;
  /** ids of every call to this note, in document order: fnref-N, fnref-N-2 ... */
  calls: string[];
  /** The note's block content (paragraphs, lists ...), without back links. */
  content: Element[];
  /** In a book, the title of the chapter that calls it (endnotes are grouped under it). */
  chapter?: string;
}

/** `lists`: a book's printed lists of figures and tables (the EPUB's are in its navigation). */
export type SectionKind = 'half-title' | 'title-page' | 'copyright' | 'contents' | 'lists' | 'preface' | 'body' | 'notes' | 'author' | 'colophon';

/** An entry of a book's printed contents: a part, a chapter (with its author), a heading under it. */
export interface ContentsEntry {
  title: string;
  /** A part (its chapters under it), or a front matter page (its page number in roman). */
  kind?: 'part' | 'front';
  /** `#id` of the heading. */
  href: string;
  author?: string;
  children: ContentsEntry[];
}

export interface Section {
  kind: SectionKind;
  id: string;
  /** Title for tables of contents and navigation. */
  title: string;
  content: Root;
}

export interface Publication {
  metadata: Metadata;
  brand: Brand;
  /** In reading order: (a book's half title,) title page, (a book's copyright page, contents,
   * preface,) body, notes, author page, colophon. */
  sections: Section[];
  notes: Note[];
  /** Every file the publication shows (images, photos, the cover), resolved once by the transform. */
  assets: Asset[];
  /** The absolute path of the manuscript and of its folder; a book's chapter files, in order. */
  source: { path: string; dir: string; chapters: string[] };
}
