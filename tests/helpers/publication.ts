// The publication model of a manuscript, as the build makes it, and plain text out of its trees.
import type { Nodes } from 'hast';
import type { VFile } from 'vfile';
import { publish } from '../../src/publication/publish.js';
import type { Note, Publication } from '../../src/publication/model.js';
import { readClock, type PublicationDates } from '../../src/load/dates.js';
import type { ParsedPdf } from './pdf.js';
import { squash } from './poppler.js';
import { project } from './transform.js';

export function publicationOf(file: string): Promise<Publication> {
  return published(file).then((result) => result.publication);
}

/** The publication and the manuscript's file, on which the renderers put their problems. */
export function published(file: string): Promise<{ publication: Publication; file: VFile }> {
  return publish(file, project, readClock({}), {});
}

export function textOf(node: Nodes | Nodes[]): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

/** Every way a footnote can be misplaced: its text not on the page of its (first) call, the call and
 * the note not linked both ways on that page, or the number on the page not the manuscript's. */
export function footnoteProblems(pdf: ParsedPdf, notes: Note[]): string[] {
  const problems: string[] = [];
  for (const note of notes) {
    const call = pdf.links.find((link) => link.dest === note.id);
    if (!call) {
      problems.push(`note ${note.number}: no link to #${note.id}`);
      continue;
    }
    const page = squash(pdf.pages[call.page - 1]!);
    const opening = squash(`${note.number}${textOf(note.content)}`).slice(0, 50);
    if (call.destPage !== call.page) problems.push(`note ${note.number}: called on page ${call.page}, its link goes to page ${call.destPage}`);
    if (!page.includes(opening)) problems.push(`note ${note.number}: "${opening}" is not on page ${call.page}, where it is called`);
    const back = pdf.links.find((link) => link.dest === note.calls[0]);
    if (!back || back.page !== call.page || back.destPage !== call.page) {
      problems.push(`note ${note.number}: no link back from the note to its call on page ${call.page} (${JSON.stringify(back)})`);
    }
  }
  return problems;
}

/** Dates as SOURCE_DATE_EPOCH=1700000000 (2023-11-14) gives them, for building a publication in a test. */
export const TEST_DATES: PublicationDates = { year: 2023, issued: '2023-11-14', yearSource: 'SOURCE_DATE_EPOCH', modified: new Date(1700000000 * 1000), modifiedSource: 'SOURCE_DATE_EPOCH' };
