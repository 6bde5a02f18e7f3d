// How Paged.js 0.4.3 marks the pages it lays out (its classes and attributes), for the engine-neutral
// checks. Plain data: docs/layout-engine.md shows the markup.
import type { LayoutMarkers } from '../layout-markers.js';

export const PAGEDJS_MARKERS: LayoutMarkers = {
  page: '.pagedjs_page',
  pageContent: '.pagedjs_page_content',
  pageFootnotes: '.pagedjs_footnote_content',
  marginBox: '.pagedjs_margin',
  footnote: '[data-note="footnote"]',
  sourceRef: 'data-ref',
  continues: 'data-split-to',
  continuation: 'data-split-from',
};
