// What the in-page script (in-page/, built into one browser script) gives the Node code: the functions
// it installs on the page's window, the plain data they return, and the one attribute both sides name.
// No imports beyond plain types: the Node program and the in-page program both read this file.
import type { LayoutMarkers } from './engine/layout-markers.js';

/** Where an element of the print HTML came from in the manuscript (its data-source-line and -column). */
export interface SourcePlace {
  line: number;
  column: number;
  /** A book's chapter file, when the element came from one (else the manuscript itself). */
  file?: string;
}

export interface LostText {
  /** Nothing was laid out; an element of the publication is on no page; text lies past the area that shows it. */
  kind: 'not-laid-out' | 'not-on-page' | 'cut-off';
  /** The start of the text, soft hyphens removed. */
  text: string;
  /** For an element on no page: its tag name. */
  element?: string;
  /** For text cut off: the page, from 1. */
  page?: number;
  place?: SourcePlace;
}

export interface BreakFault {
  /** Too few lines left at a page's foot (orphan) or carried to the next (widow), or a heading last on its page. */
  kind: 'orphan' | 'widow' | 'heading';
  /** The page, from 1. */
  page: number;
  text: string;
  place?: SourcePlace;
}

export interface HyphenSettling {
  /** Soft hyphens kept, where a line breaks. */
  broken: number;
  /** Soft hyphens removed, everywhere else. */
  removed: number;
  /** Elements whose box changed when the soft hyphens went: their lines moved. */
  moved: { text: string; place?: SourcePlace }[];
}

export interface PageHeading {
  /** 0-based page index. */
  page: number;
  /** Distance from the page's top, CSS px. */
  top: number;
  level: number;
  title: string;
  section: string;
  /** A book part's title (h1.part-title, publication/book-body.ts): its chapters nest under it in the outline. */
  part: boolean;
}

/** An element the system-font check asks about (in-page/mark-font-probes.ts). */
export interface FontProbe {
  /** Its own text, when that brings a character new to its font ('' when only its generated content is asked about). */
  text: string;
  /** Its generated content (::before, ::after, a list marker) is asked about too. */
  generated: boolean;
  /** The manuscript line of the element, when it comes from the manuscript. */
  place?: SourcePlace;
  /** It is in a margin box (a running head or folio). */
  inMargin: boolean;
}

/** The attribute markFontProbes puts on the elements the system-font check asks about. */
export const FONT_PROBE_ATTRIBUTE = 'data-avim-font-probe';
/** Where a part laid out apart must start: a page on one side, any new page, or no new page at all. */
export type PartStart = 'left' | 'right' | 'page' | 'none';

/** The attribute fillPageReferences gives a link: the folio of its target's page (styles/print.css shows it). */
export const PAGE_REFERENCE_ATTRIBUTE = 'data-page-ref';

/** Where a print page's text starts (render/page-map.ts says how it is counted). */
export interface PageStart {
  /** The page, from 1, and the number it is known by (its folio). */
  page: number;
  label: string;
  /** The publication section (a SectionKind) and the text block's number in it. */
  section: string;
  block: number;
  /** Characters of the block (white space, soft hyphens and zero-width spaces not counted) before the page's first. */
  offset: number;
}

/** The folio styles the pages are labelled in (CSS list-style names). */
export type FolioStyle = 'decimal' | 'lower-roman' | 'upper-roman';

/** Pages numbered in one style, on by one from a start: from `page` (0-based) to the next run's. */
export interface PageLabelRun {
  page: number;
  style: FolioStyle;
  start: number;
}

export interface InPageApi {
  findLostText(markers: LayoutMarkers, withSource?: boolean): LostText[];
  findBreakFaults(markers: LayoutMarkers): BreakFault[];
  settleSoftHyphens(): HyphenSettling;
  collectHeadings(markers: LayoutMarkers): PageHeading[];
  /** Marks the elements the system-font check must ask about (in-page/mark-font-probes.ts), in document order. */
  markFontProbes(marginBox: string): FontProbe[];
  unmarkFontProbes(): void;
  findPageStarts(markers: LayoutMarkers): PageStart[];
  fillPageReferences(markers: LayoutMarkers): number;
  /** Before layout: where the document's first element must start (a later part of a book). */
  partStartSide(): PartStart;
  /** The printed folios as runs (in-page/folios.ts), for the PDF's page labels. */
  findPageLabels(markers: LayoutMarkers): PageLabelRun[];
  /** Once the images are decoded (a joined part's are made again): how many there are. */
  imagesDecoded(): Promise<number>;
  /** Before the print HTML: the faces of these @font-face rules into the window's font set (how many). */
  loadFontFaces(css: string): Promise<number>;
  /** Before a chunk of a long print: only the pages from `first` to `end` (0-based, end excluded) print. */
  showPagesForPrint(markers: LayoutMarkers, first: number, end: number): void;
}

/** The page's window as `page.evaluate` callbacks in Node code see it (they run in the page). */
export interface InPageWindow {
  avimPressInPage: InPageApi;
}
