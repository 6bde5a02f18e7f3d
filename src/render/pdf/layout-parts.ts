// A long publication laid out in parts at once (several pages of the one browser, docs/speed.md):
// its body's top-level content in runs, each from a chapter's heading (a level-1 heading: a chapter
// starts a page, so what comes before it lays out the same alone), and the runs grouped into parts of
// about equal length, each with the notes called in it. The first part holds the sections before the
// body (the front matter), the last those after it (the back matter). Pure: HTML strings in and out.
import type { RootContent } from 'hast';
import type { SectionKind } from '../../publication/model.js';

/** A section of the print HTML, its HTML in runs (one, except the body's). */
export interface PrintSection {
  kind: SectionKind;
  id: string;
  runs: string[];
}

/** A note's footnote element and the id of the call it goes to. */
export interface PrintNote {
  call: string;
  html: string;
}

/** What one print document lays out: its sections (a piece of the body without the body's id, but the
 * first) and its notes. */
export interface LayoutPart {
  sections: { kind: SectionKind; id: string; html: string }[];
  footnotes: string[];
}

/** The top-level children in runs, a new run at each level-1 heading but the first element. */
export function chapterRuns(children: RootContent[]): RootContent[][] {
  const runs: RootContent[][] = [[]];
  let seenElement = false;
  for (const child of children) {
    if (child.type === 'element') {
      if (child.tagName === 'h1' && seenElement) runs.push([]);
      seenElement = true;
    }
    runs.at(-1)!.push(child);
  }
  return runs;
}

export function wholePublication(sections: PrintSection[], notes: PrintNote[]): LayoutPart {
  return { sections: sections.map((section) => ({ kind: section.kind, id: section.id, html: section.runs.join('') })), footnotes: notes.map((note) => note.html) };
}

// An image's bytes written into the HTML (a data: URL): they take no time to lay out.
const DATA_URL = /\bdata:[a-z]+\/[-+.\w]+[;,][^"'\s)]*/g;

/** The length of HTML as its layout costs: its text and markup, not its images' bytes. */
function layoutLength(html: string): number {
  let length = html.length;
  for (const match of html.matchAll(DATA_URL)) length -= match[0].length;
  return length;
}

// An id attribute (not data-id), as hast-util-to-html writes it: after a space, double-quoted.
const ID = /\sid="([^"]+)"/g;

/**
 * At most `maxParts` parts of about equal length (HTML, its notes' included), as many as the whole
 * has `minimumLength` characters, cut only before a run of the body; none (lay it out in one piece)
 * when fewer than two.
 */
export function layoutParts(sections: PrintSection[], notes: PrintNote[], maxParts: number, minimumLength: number): LayoutPart[] {
  const bodyIndex = sections.findIndex((section) => section.kind === 'body');
  const body = sections[bodyIndex];
  if (!body || body.runs.length < 2) return [];
  // Units: the front matter with the body's first run, each later run, the back matter with the last.
  const units: string[][] = body.runs.map((run) => [run]);
  units[0]!.unshift(...sections.slice(0, bodyIndex).flatMap((section) => section.runs));
  units.at(-1)!.push(...sections.slice(bodyIndex + 1).flatMap((section) => section.runs));
  // Each note goes with the unit that holds its call: in the text, or in a note already placed (a note
  // called from a note).
  const unitOf = new Map<string, number>();
  units.forEach((unit, index) => {
    for (const html of unit) for (const match of html.matchAll(ID)) if (!unitOf.has(match[1]!)) unitOf.set(match[1]!, index);
  });
  const noteUnits = notes.map(() => -1);
  for (let placed = true; placed;) {
    placed = false;
    notes.forEach((note, index) => {
      const unit = unitOf.get(note.call);
      if (noteUnits[index] !== -1 || unit === undefined) return;
      noteUnits[index] = unit;
      for (const match of note.html.matchAll(ID)) if (!unitOf.has(match[1]!)) unitOf.set(match[1]!, unit);
      placed = true;
    });
  }
  // A note whose call is nowhere: laid out in one piece, where the engine says so.
  if (noteUnits.includes(-1)) return [];
  const notesOf: number[][] = units.map((_, unit) => noteUnits.flatMap((found, index) => (found === unit ? [index] : [])));
  const lengths = units.map((unit, index) => unit.reduce((sum, html) => sum + layoutLength(html), 0) + notesOf[index]!.reduce((sum, note) => sum + layoutLength(notes[note]!.html), 0));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const count = Math.min(maxParts, units.length, Math.floor(total / Math.max(1, minimumLength)));
  if (count < 2) return [];
  // Cut before the unit whose start comes nearest each k/count of the whole.
  const before = [0];
  for (const length of lengths) before.push(before.at(-1)! + length);
  const starts = [0];
  for (let cut = 1; cut < count; cut++) {
    const target = (total * cut) / count;
    let best = -1;
    for (let index = starts.at(-1)! + 1; index < units.length; index++) if (best < 0 || Math.abs(before[index]! - target) < Math.abs(before[best]! - target)) best = index;
    if (best < 0) break;
    starts.push(best);
  }
  if (starts.length < 2) return [];
  return starts.map((start, part) => {
    const end = starts[part + 1] ?? units.length;
    const runs = body.runs.slice(start, end).join('');
    const pieces = [
      ...(part === 0 ? sections.slice(0, bodyIndex).map((section) => ({ kind: section.kind, id: section.id, html: section.runs.join('') })) : []),
      { kind: body.kind, id: part === 0 ? body.id : '', html: runs },
      ...(end === units.length ? sections.slice(bodyIndex + 1).map((section) => ({ kind: section.kind, id: section.id, html: section.runs.join('') })) : []),
    ];
    const partNotes = notesOf
      .slice(start, end)
      .flat()
      .sort((a, b) => a - b);
    return { sections: pieces, footnotes: partNotes.map((note) => notes[note]!.html) };
  });
}
