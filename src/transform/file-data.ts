// What the transform's plugins leave on the VFile for the publication builder (vfile's typed data map).
import type { ElementContent } from 'hast';
import type { Position } from 'unist';
import type { Note } from '../publication/model.js';
import type { FrontMatter } from '../load/frontmatter-schema.js';

/** What a converted document (Word, web page) says of itself outside front matter. */
export interface ImportedMetadata {
  title?: string;
  authors?: { name: string; role?: string }[];
  photoCredit?: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter; undefined when there is none or it is invalid. */
    frontMatter: FrontMatter;
    /** True when the front matter was present but failed validation. */
    frontMatterInvalid: boolean;
    /** Where the front matter is, for problems found in its values later (an author's photo). */
    frontMatterPosition: Position;
    /** Per front-matter author, the file lines where the bio's text begins and where the photo is. */
    authorLines: { bio?: number | undefined; photo?: number | undefined }[];
    imported: ImportedMetadata;
    /** The "About the Author" section's content, lifted out of the body (safe hast). */
    authorSection: ElementContent[];
    notes: Note[];
  }
}

export {};
