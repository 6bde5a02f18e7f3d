// A note as the templates that print notes read it (templates/sections/notes.ejs for endnotes,
// templates/epub/footnotes.ejs for e-book footnotes): its content as safe HTML and a link back to
// each of its calls.
import { hastToHtml } from '../util/html.js';
import type { Labels } from '../load/project.js';
import type { Note } from './model.js';

export interface NoteTemplateData {
  id: string;
  number: number;
  html: string;
  backlinks: { href: string; label: string }[];
  /** In a book, the chapter that calls it. */
  chapter?: string;
}

export function noteTemplateData(note: Note, labels: Labels): NoteTemplateData {
  return {
    id: note.id,
    number: note.number,
    html: hastToHtml({ type: 'root', children: note.content }),
    // "Back to the text (2)", and for a second call of note 2 "(2.2)".
    backlinks: note.calls.map((call, index) => ({ href: `#${call}`, label: `${labels.backToCall} (${note.number}${index > 0 ? `.${index + 1}` : ''})` })),
    ...(note.chapter !== undefined ? { chapter: note.chapter } : {}),
  };
}
