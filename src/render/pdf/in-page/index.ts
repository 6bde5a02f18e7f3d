// The in-page script's entry: bundled (with everything it imports) into one browser script, which the
// renderer evaluates in the print page before it runs a check. It installs the engine-neutral checks
// as one global, window.avimPressInPage; Node code calls them through page.evaluate.
import type { InPageApi, InPageWindow } from '../in-page-api.js';
import { collectHeadings } from './collect-headings.js';
import { findBreakFaults } from './find-break-faults.js';
import { findLostText } from './find-lost-text.js';
import { findPageStarts } from './page-starts.js';
import { findPageLabels } from './folios.js';
import { imagesDecoded } from './images-decoded.js';
import { loadFontFaces } from './load-font-faces.js';
import { fillPageReferences } from './page-references.js';
import { partStartSide } from './part-start.js';
import { showPagesForPrint } from './print-range.js';
import { markFontProbes, unmarkFontProbes } from './mark-font-probes.js';
import { settleSoftHyphens } from './settle-soft-hyphens.js';

const api: InPageApi = {
  findLostText,
  findBreakFaults,
  settleSoftHyphens,
  collectHeadings,
  findPageStarts,
  markFontProbes,
  unmarkFontProbes,
  fillPageReferences,
  partStartSide,
  findPageLabels,
  imagesDecoded,
  loadFontFaces,
  showPagesForPrint,
};
(window as unknown as InPageWindow).avimPressInPage = api;
