// The data templates/epub/*.ejs read, as types. epub-gen-memory hands its template options our keys
// unchanged: the package, navigation and NCX templates get every option key (beside its own `id`,
// `images`, `cover` and `content`), the chapter template every key of its chapter (beside `lang`).
import type { Labels } from '../../load/project.js';
import type { Metadata } from '../../publication/model.js';
import type { AccessibilityMetadata } from './accessibility.js';
import type { ContentDocument, NavEntry } from './documents.js';
import type { PageListEntry } from './page-breaks.js';

/** content.opf.ejs, toc.xhtml.ejs and toc.ncx.ejs. */
export interface PackageTemplateData {
  meta: Metadata;
  labels: Labels;
  brandName: string;
  rights: string;
  /** dc:date: the publication's date as written, else the build's day. */
  pubDate: string;
  /** dcterms:modified, to the second: 2023-11-14T22:13:20Z */
  modified: string;
  creators: { name: string; relator: string }[];
  documents: ContentDocument[];
  nav: NavEntry[];
  landmarks: Landmark[];
  /** The print edition's pages, in reading order (empty when the EPUB was made without the PDF). */
  pages: PageListEntry[];
  /** The captioned figures and tables, in reading order. */
  lists: { figures: { title: string; href: string }[]; tables: { title: string; href: string }[] };
  /** Manifest items besides the documents, the navigation, the NCX and the style sheet. */
  resources: ManifestResource[];
  coverImage: { id: string };
  accessibility: AccessibilityMetadata;
}

export interface Landmark {
  type: string;
  href: string;
  title: string;
}

export interface ManifestResource {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

/** chapter.xhtml.ejs, per content document (with `title`, `filename`, and `lang` from the options). */
export interface ChapterTemplateData {
  id: string;
  kind: ContentDocument['kind'];
  /** The heading that opens a chapter file (its section's aria-labelledby). */
  headingId?: string;
  /** A chapter in another language than the book's: its own (the template's `lang` otherwise). */
  lang?: string;
  /** The finished XHTML of the document's body. It goes beside the library's `content` (left
   * empty), which its HTML clean-up would rewrite. */
  xhtml: string;
}
