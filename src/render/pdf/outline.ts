// The PDF outline (bookmarks), written with pdf-lib from the headings as laid out, as Vivliostyle CLI
// does in its post-processing: Chromium's own outline joins the words around a heading's line break
// ("CENTRAL ASIANCOUNTRIES"), and Paged.js's pages would give it nothing else to go on.
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDict, type PDFRef } from 'pdf-lib';
import type { PageHeading } from './in-page-api.js';

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
  /** Distance of the heading's top from the page's top, in points. */
  top: number;
  /** 0 for a top-level entry, 1 for its children ... */
  depth: number;
}

const PX_TO_PT = 72 / 96;

/** Outline entries: each section's headings nested from that section's top heading level; in a book
 * with parts, the headings after a part's title in its section (its chapters and theirs) one level
 * under it, so front and back matter stay at the top beside the parts. */
export function outlineEntries(headings: PageHeading[]): OutlineEntry[] {
  const top = new Map<string, number>();
  for (const heading of headings) top.set(heading.section, Math.min(top.get(heading.section) ?? 6, heading.level));
  let partSection: string | undefined;
  return headings
    .filter((heading) => heading.title)
    .map((heading) => {
      if (heading.part) partSection = heading.section;
      const underPart = !heading.part && heading.section === partSection;
      return { title: heading.title, page: heading.page, top: heading.top * PX_TO_PT, depth: heading.level - top.get(heading.section)! + (underPart ? 1 : 0) };
    });
}

interface Item {
  entry: OutlineEntry;
  ref: PDFRef;
  children: Item[];
}

/** Nest entries by depth: an entry belongs to the nearest earlier entry of a smaller depth. */
function nest(entries: OutlineEntry[], ref: () => PDFRef): Item[] {
  const roots: Item[] = [];
  const stack: Item[] = [];
  for (const entry of entries) {
    const item: Item = { entry, ref: ref(), children: [] };
    while (stack.length > 0 && stack.at(-1)!.entry.depth >= entry.depth) stack.pop();
    (stack.at(-1)?.children ?? roots).push(item);
    stack.push(item);
  }
  return roots;
}

function count(items: Item[]): number {
  return items.reduce((total, item) => total + 1 + count(item.children), 0);
}

export function writeOutline(pdf: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = pdf;
  const pages = pdf.getPages();
  const outlinesRef = context.nextRef();
  const roots = nest(entries, () => context.nextRef());
  const write = (items: Item[], parent: PDFRef) => {
    items.forEach((item, index) => {
      const page = pages[Math.min(item.entry.page, pages.length - 1)]!;
      const dict: PDFDict = context.obj({
        Title: PDFHexString.fromText(item.entry.title),
        Parent: parent,
        Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round((page.getHeight() - item.entry.top) * 100) / 100), PDFNull],
      });
      if (index > 0) dict.set(PDFName.of('Prev'), items[index - 1]!.ref);
      if (index < items.length - 1) dict.set(PDFName.of('Next'), items[index + 1]!.ref);
      if (item.children.length > 0) {
        dict.set(PDFName.of('First'), item.children[0]!.ref);
        dict.set(PDFName.of('Last'), item.children.at(-1)!.ref);
        dict.set(PDFName.of('Count'), PDFNumber.of(count(item.children)));
        write(item.children, item.ref);
      }
      context.assign(item.ref, dict);
    });
  };
  write(roots, outlinesRef);
  context.assign(outlinesRef, context.obj({ Type: 'Outlines', First: roots[0]!.ref, Last: roots.at(-1)!.ref, Count: PDFNumber.of(count(roots)) }));
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
