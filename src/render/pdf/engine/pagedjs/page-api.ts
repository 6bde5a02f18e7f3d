// What the Paged.js adapter's page script (in-page/, one browser script) installs on the page's window:
// the patches, each by name, and the pagination. Plain types and names, read by both the Node code and
// the in-page program.
import type { JoinedPart } from '../layout-markers.js';

/**
 * The patches applied to Paged.js once it is loaded, in this order (each file under in-page/ says
 * what it fixes; docs/layout-engine.md lists them with their tripwires).
 */
export const PAGEDJS_PATCHES = [
  'limit-carried-notes',
  'cut-note-overflow-earlier',
  'keep-call-line-with-note',
  'break-rules',
  'continue-page-numbers',
  'drop-idle-first-letter-rule',
  'lay-out-without-frames',
] as const;

export type PagedjsPatch = (typeof PAGEDJS_PATCHES)[number];

export interface PagedjsPageApi {
  /** Before the layout, in the print HTML: each note to its call (returns how many were placed). */
  placeFootnotes(): number;
  /** Once Paged.js is in the window (with or before the print HTML): one patch. */
  applyPatch(name: PagedjsPatch): void;
  paginate(settings: { hyphenGlyph: string }): Promise<{ pages: number }>;
  /** After pagination: Paged.js's own note calls and random note ids removed. */
  removeNoteMarks(): void;
  /** A part of a book laid out apart: its pages as HTML (join-pages.ts). */
  exportPages(): string;
  /** In the first part's page: another part's pages joined after its own. */
  appendPages(html: string, startsOn: 'left' | 'right' | undefined): JoinedPart;
  /** exportPages, packed for the way between two pages (packed-text.ts). */
  exportPackedPages(): Promise<string>;
  /** appendPages, from exportPackedPages' text. */
  appendPackedPages(packed: string, startsOn: 'left' | 'right' | undefined): Promise<JoinedPart>;
}

export interface PagedjsPageWindow {
  avimPressPagedjs: PagedjsPageApi;
}
