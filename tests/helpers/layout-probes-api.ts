// What the tripwire tests' page script (tests/in-page/layout-probes.ts, built like the renderer's own)
// installs on the page: looks at Paged.js's laid-out pages, its internals, and one unpatched note
// placement. Plain types: the tests (Node) and the probes (DOM) both read this file.
import type { LayoutMarkers } from '../../src/render/pdf/engine/layout-markers.js';

export interface ProbedPage {
  /** The page's running text and its footnote area's text, spaces collapsed, soft hyphens out. */
  content: string;
  footnotes: string;
  /** Paged.js's --pagedjs-footnotes-height on the page (px; 0 when unset). */
  footnotesHeight: number;
  /** The height of the page's area (running text and footnotes together), px. */
  areaHeight: number;
}

export interface PagedInternals {
  handlers: string[];
  footnotes: { moveFootnote: number; afterPageLayout: number } | null;
  handlerClass: boolean;
  registerHandlers: boolean;
  previewer: boolean;
}

export interface OverflowHookCall {
  overflow: 'range' | 'undefined' | 'other';
  rendered: 'element' | 'other';
  bounds: 'rect' | 'other';
}

export interface LayoutProbes {
  /** Each note of the footnotes template right after its call, a note called from a note inside that note. */
  placeNotesAtCalls(): void;
  pages(): ProbedPage[];
  /** The page (from 1) whose running text holds the element; 0 when none does. */
  pageOfCall(selector: string): number;
  noteMarks(): { ids: string[]; calls: number };
  footnoteMarginTops(): string[];
  internals(): PagedInternals;
  /** Register a handler that records what Paged.js passes its onOverflow hook. */
  recordOverflowHook(): void;
  overflowHookCalls(): OverflowHookCall[];
  /** How many elements each marker finds on the laid-out pages (attributes: elements carrying them). */
  markerMatches(markers: LayoutMarkers): Record<keyof LayoutMarkers, number>;
  /** A custom property of the first page as set, as read again from the page's style attribute, and as
   * read from the page the adapter's exportPages writes out (its values, each of the names). */
  pageStrings(names: string[]): { set: string[]; written: string[]; exported: string[] };
  /** The width (px) of the first `letters` letters of each paragraph, with the page (from 1) it is on. */
  paragraphStarts(letters: number): { page: number; width: number }[];
  /** Count the animation frames asked for from now on. */
  countAnimationFrames(): void;
  animationFrames(): number;
}

export interface LayoutProbesWindow {
  avimPressProbes: LayoutProbes;
}
