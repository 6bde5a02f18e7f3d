// What the transform's plugins leave on the VFile for the publication builder (vfile's typed data map).
import type { ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Point, Position } from 'unist';
import type { FrontMatter, LanguageCode } from '../load/frontmatter-schema.js';
import type { ValuePlace } from '../load/yaml-data.js';
import type { Note } from '../publication/model.js';
import type { AssetList } from './assets.js';

/** What a converted document (Word, web page) says of itself outside front matter. */
export interface ImportedMetadata {
  title?: string;
  titlePlace?: Point;
  authors?: { name: string; role?: string; place?: Point }[];
  photoCredit?: string;
  photoCreditPlace?: Point;
}

/** A text the tool prints outside the body (title, a name ...), with where it is in the manuscript. */
export interface PlacedText {
  value: string;
  place?: Point | undefined;
}

export interface DescribedAuthor {
  name: string;
  role?: string;
  /** The biography: Markdown (front matter) parsed at its own lines, then safe hast. */
  bioMarkdown?: MdastRoot;
  bio?: HastRoot;
  /** The photo: the real path of its asset. */
  photo?: string;
}

/** What the document says of itself (front matter, else a converted document's title block), typeset. */
export interface DescribedMetadata {
  title: string;
  subtitle?: string;
  shortTitle?: string;
  description?: string;
  keywords: string[];
  photoCredit?: string;
  authors: DescribedAuthor[];
  /** The cover image: the real path of its asset. */
  cover?: string;
  /** Each edition's ISBN. */
  isbn: { pdf?: string; epub?: string };
  /** Every text above with its place, for the checks every printed text gets (glyphs). */
  texts: PlacedText[];
}

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter (a book chapter's says less: ChapterFrontMatter); undefined when there
     * is none or it is invalid. */
    frontMatter: Partial<FrontMatter>;
    /** True when the front matter was present but failed validation. */
    frontMatterInvalid: boolean;
    /** Where the front matter is, for problems found in it as a whole. */
    frontMatterPosition: Position;
    /** Where each front-matter value is, by dotted path ("title", "author.0.bio"). */
    frontMatterPlaces: ReadonlyMap<string, ValuePlace>;
    /** The file is a book folder's book.yaml, read as the front matter of an empty manuscript. */
    bookFile: boolean;
    /** The file is a book folder's preface: its text needs no title. */
    preface: boolean;
    /** The document's language: the front matter's, else the project's default. */
    lang: LanguageCode;
    imported: ImportedMetadata;
    described: DescribedMetadata;
    /** The "About the Author" section's content, lifted out of the body (safe hast). */
    authorSection: ElementContent[];
    notes: Note[];
    /** Every file the document shows, resolved once. */
    assets: AssetList;
  }
}

export {};
