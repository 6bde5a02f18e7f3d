// What the engine-neutral checks look for on the laid-out pages, and where the print HTML leaves the
// publication for the engine. Plain data with no imports: both the Node code and the in-page script
// (a separate program, with DOM types) use it.

/** Selectors and attributes of an engine's laid-out pages. */
export interface LayoutMarkers {
  /** One laid-out page; the pages come in document order. */
  page: string;
  /** Inside a page: the area that shows the running text. */
  pageContent: string;
  /** Inside a page: the area that shows the page's footnotes. */
  pageFootnotes: string;
  /** Inside a page: a margin box (running head, folio). */
  marginBox: string;
  /** A note the engine floats to the foot of a page (on the page, or still in the text). */
  footnote: string;
  /**
   * The attribute the engine gives each element of the publication template's content (left in place)
   * and copies to every piece of it on the pages: the lost-text check compares the two.
   */
  sourceRef: string;
  /** The attribute of the first piece of an element split across pages (it continues on the next). */
  continues: string;
  /** The attribute of the later pieces of an element split across pages. */
  continuation: string;
}

/**
 * The print HTML's two inert containers (templates/pdf/document.ejs): the publication, and, with
 * footnotes, the notes (each made by the engine's footnoteElement), for the engine to lay out.
 */
export const PRINT_CONTAINERS = {
  publication: 'template[data-print="publication"]',
  footnotes: 'template[data-print="footnotes"]',
} as const;

/** What joining a part's pages to the pages before did (a book laid out in parts, render-pdf.ts). */
export interface JoinedPart {
  /** Pages added, a blank page put before them included. */
  added: number;
  /** False when the part's pages would not sit as laid out (they had to change side and their text
   * area changed size with it; their first page would be set otherwise in the whole): the book must be
   * laid out in one piece. */
  exact: boolean;
}
