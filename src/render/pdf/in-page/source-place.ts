// In the page: the manuscript line a node came from, by the nearest element carrying the
// data-source-line print-html.ts gave it (engines copy attributes to every piece of an element they
// lay out), so a problem found on the pages can point at the manuscript.
import type { SourcePlace } from '../in-page-api.js';

export function sourcePlace(node: Node | null | undefined): SourcePlace | undefined {
  const start = node instanceof Element ? node : node?.parentElement;
  const element = start?.closest<HTMLElement>('[data-source-line]');
  if (!element) return undefined;
  const place: SourcePlace = { line: Number(element.dataset.sourceLine), column: Number(element.dataset.sourceColumn ?? 1) };
  if (element.dataset.sourceFile) place.file = element.dataset.sourceFile;
  return place;
}

/** The start of a text as a message shows it: soft hyphens gone, spaces collapsed. */
export function snippet(text: string | null | undefined, length: number): string {
  return (text ?? '')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, length);
}
