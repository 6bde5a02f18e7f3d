// The one publication model: the transform produces it, the PDF and EPUB renderers only read it.
import type { Element, Root } from 'hast';
import type { Brand } from '../load/brand-schema.js';

export type LanguageCode = 'en' | 'tr';
export type NotesPlacement = 'footnotes' | 'endnotes';
export type PageSize = 'A4' | 'A5' | 'B5' | 'Letter' | '6x9';

export interface Author {
  name: string;
  role?: string;
  /** The biography, as hast (from front matter Markdown or the "About the Author" section). */
  bio?: Root;
  /** The author's photo as an <img> (src: the file's real path inside the project). */
  photo?: Root;
}

export interface Metadata {
  title: string;
  subtitle?: string;
  /** Used in running heads; defaults to the title. */
  shortTitle: string;
  authors: Author[];
  lang: LanguageCode;
  /** Publication date as written (YYYY, YYYY-MM or YYYY-MM-DD), when the manuscript gives one. */
  date?: string;
  /** The year the copyright line ends with: the publication's, else the build's. */
  year: number;
  /** The copyright years: "2009–2024" from the brand's first year, or the year alone. */
  copyrightYears: string;
  /** When this build's artifacts say they were made: SOURCE_DATE_EPOCH when set. */
  modified: Date;
  publicationType?: string;
  description?: string;
  keywords: string[];
  photoCredit?: string;
  isbn?: string;
  /** ISBN-based URN when an ISBN is given, else a urn:uuid derived from the publication. */
  identifier: string;
  edition?: string;
  series?: { name: string; position?: number };
  /** Absolute path of the cover image the front matter names (`cover`), when it names one. */
  cover?: string;
  notes: NotesPlacement;
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
}

export type SectionKind = 'title-page' | 'body' | 'notes' | 'author' | 'colophon';

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
  /** In reading order: title page, body, notes, author page, colophon. */
  sections: Section[];
  notes: Note[];
  /** The absolute path of the manuscript and of its folder (images resolve against it). */
  source: { path: string; dir: string };
}
