// Every heading gets an id that a cross-reference (`[see](#the-heading)`) can point to: the one the
// manuscript gave it (raw HTML), else its text made into a slug the way GitHub makes one (lower case,
// punctuation dropped, spaces as hyphens, -1, -2 … on a repeat), so the same link works on GitHub and
// in the PDF and EPUB. Ids the tool itself uses (sections, notes, chapters, page markers) are avoided.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import '../file-data.js';

const HEADING = /^h[1-6]$/;

/** Ids of the publication's own sections and templates, and the patterns of the ids it makes. */
const RESERVED = new Set([
  'title-page',
  'contents',
  'contents-heading',
  'lists',
  'list-of-figures-heading',
  'list-of-tables-heading',
  'loi',
  'lot',
  'body',
  'notes',
  'notes-heading',
  'author',
  'author-page-heading',
  'colophon',
  'colophon-heading',
  'toc',
  'toc-heading',
  'landmarks',
  'page-list',
  'nav',
  'title',
  'subtitle',
  'pub-id',
  'series',
  'conformance',
]);
// Whole ids only: a heading "Chapter 1: Trade" is #chapter-1-trade.
const RESERVED_PATTERN = /^(fn|fnref|chapter|page|figure|table)-\d+(-\d+)*$/;

export function isReservedId(id: string): boolean {
  return RESERVED.has(id) || RESERVED_PATTERN.test(id);
}

/** GitHub's slug of a heading's text (github-slugger's rule): lower case, only letters, marks,
 * numbers, connector punctuation, spaces and hyphens kept, each space a hyphen. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const taken = new Set<string>();
    for (const note of file.data.notes ?? []) taken.add(note.id);
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    const counts = new Map<string, number>();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || typeof node.properties.id === 'string') return;
      const base = githubSlug(textWithoutCalls(node.children).trim());
      if (base === '') return;
      // GitHub's own numbering of repeats (intro, intro-1 …), past any id already in use; an id the tool
      // uses itself gets "-section" (never one of those: they end in a number or are listed).
      const candidate = (n: number) => {
        const id = n === 0 ? base : `${base}-${n}`;
        return isReservedId(id) ? `${id}-section` : id;
      };
      let count = counts.get(base) ?? 0;
      while (taken.has(candidate(count))) count++;
      const id = candidate(count);
      counts.set(base, count + 1);
      taken.add(id);
      node.properties.id = id;
    });
  };
}

/** A heading's text without its note calls (a heading "Trade¹" is #trade, as on GitHub). */
function textWithoutCalls(children: ElementContent[]): string {
  return children
    .map((child) => {
      if (child.type === 'element') return child.properties.role === 'doc-noteref' ? '' : textWithoutCalls(child.children);
      return toString(child);
    })
    .join('');
}
