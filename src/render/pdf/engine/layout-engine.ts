// The boundary around the page-layout engine: what the PDF renderer asks of the program that lays the
// print HTML out into pages inside the browser page. Everything specific to one engine (its browser
// build, its fixes, its markup and class names) stays behind this interface, in that engine's folder
// (pagedjs/); the renderer and its checks see only this. docs/layout-engine.md describes it.
import type { Element } from 'hast';
import type { Page } from 'puppeteer';
import type { Labels } from '../../../load/project.js';
import type { Note } from '../../../publication/model.js';
import type { JoinedPart, LayoutMarkers } from './layout-markers.js';

export { PRINT_CONTAINERS, type JoinedPart, type LayoutMarkers } from './layout-markers.js';

export interface LayoutSettings {
  /** The character drawn where the engine breaks a word at the foot of a page. */
  hyphenGlyph: string;
}

export interface Layout {
  pages: number;
  /** What the engine itself warned about while it laid the pages out. */
  warnings: string[];
}

export interface LayoutEngine {
  /** Named in the PDF's producer and in messages. */
  name: string;
  /** How its laid-out pages are marked, for the checks. */
  markers: LayoutMarkers;
  /** The element a note becomes in the print HTML, which the engine takes to the foot of its call's page. */
  footnoteElement(note: Note, labels: Labels): Element;
  /** The engine, with its fixes, as scripts a print page runs in order in each new window, before its
   * print HTML: what they put there stays once the HTML is set (print-page.ts). */
  scripts(): Promise<string[]>;
  /** Ready the engine its scripts put in the window for the print HTML the page now holds (fonts loaded). */
  load(page: Page): Promise<void>;
  /** Lay the publication out into pages. */
  paginate(page: Page, settings: LayoutSettings): Promise<Layout>;
  /** A part of a publication laid out in a page of its own (it starts where a chapter opens): its
   * laid-out pages, as text for joinPages in the first part's page (in the engine's own form). */
  exportPages(page: Page): Promise<string>;
  /** Joins a later part's pages after the page's own, as they would stand laid out in one go; the
   * part starts on a page of side `startsOn` when given (a blank page goes before it if need be). */
  joinPages(page: Page, pages: string, startsOn: 'left' | 'right' | undefined): Promise<JoinedPart>;
}
