// The Paged.js adapter's page script: bundled into one browser script that the adapter evaluates in
// the print page before Paged.js itself. It installs the patches and the pagination as one global,
// window.avimPressPagedjs.
import type { PagedjsPageApi, PagedjsPageWindow, PagedjsPatch } from '../page-api.js';
import { registerBreakRules } from './break-rules.js';
import { limitCarriedNotes } from './limit-carried-notes.js';
import { keepCallLineWithNote } from './keep-call-line-with-note.js';
import { cutNoteOverflowEarlier } from './cut-note-overflow-earlier.js';
import { registerContinuePageNumbers } from './continue-page-numbers.js';
import { registerDropIdleFirstLetterRule } from './drop-idle-first-letter-rule.js';
import { registerLayOutWithoutFrames } from './lay-out-without-frames.js';
import { appendPackedPages, appendPages, exportPackedPages, exportPages } from './join-pages.js';
import { paginate, removeNoteMarks } from './paginate.js';
import { placeFootnotes } from './place-footnotes.js';

const patches: Record<PagedjsPatch, () => void> = {
  'limit-carried-notes': limitCarriedNotes,
  'cut-note-overflow-earlier': cutNoteOverflowEarlier,
  'keep-call-line-with-note': keepCallLineWithNote,
  'break-rules': registerBreakRules,
  'continue-page-numbers': registerContinuePageNumbers,
  'drop-idle-first-letter-rule': registerDropIdleFirstLetterRule,
  'lay-out-without-frames': registerLayOutWithoutFrames,
};

const api: PagedjsPageApi = {
  placeFootnotes,
  applyPatch: (name) => patches[name](),
  paginate,
  removeNoteMarks,
  exportPages,
  appendPages,
  exportPackedPages,
  appendPackedPages,
};
(window as unknown as PagedjsPageWindow).avimPressPagedjs = api;
