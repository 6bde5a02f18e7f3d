// The print edition's pages in the e-book: at the place each print page starts (the PDF render's page
// map, render/page-map.ts), a page-break marker, `<span epub:type="pagebreak" role="doc-pagebreak"
// id="page-N" aria-label="N">`, so a reader can find and cite "p. 112"; and the page list the
// navigation document gives of them.
import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { EXIT, visit } from 'unist-util-visit';
import { countedLength, textBlocks, type PageStart } from '../page-map.js';
import type { ContentDocument } from './documents.js';

export interface PageListEntry {
  label: string;
  href: string;
}

/** Markers for the pages that start in this section's tree (a fresh copy of the publication's, not yet
 * changed); returns how many were placed. */
export function insertPageBreaks(tree: Root, kind: string, pageMap: PageStart[]): number {
  const starts = pageMap.filter((start) => start.section === kind);
  if (starts.length === 0) return 0;
  // All blocks first: a marker holds no text, so placing one does not change the count of another.
  const blocks = textBlocks(tree);
  const parents = new Map<Element, Root | Element>();
  visit(tree, 'element', (node: Element, _, parent) => {
    if (parent) parents.set(node, parent);
  });
  let placed = 0;
  for (const start of starts) {
    const block = blocks[start.block];
    if (!block) continue;
    // A page that starts with a block: the marker before it, where a span may stand (not in a list or
    // a table row), so that a heading's or a paragraph's own markup stays as it is.
    const parent = parents.get(block);
    if (start.offset === 0 && parent && (parent.type === 'root' || FLOW_CONTAINERS.has(parent.tagName))) {
      parent.children.splice(parent.children.indexOf(block), 0, marker(start.label));
      placed++;
    } else if (insertAt(block, start.offset, marker(start.label))) placed++;
  }
  return placed;
}

/** Elements whose content is flow content, where a span may stand beside blocks. */
const FLOW_CONTAINERS = new Set(['section', 'div', 'blockquote', 'li', 'figure', 'aside', 'td', 'th', 'dd', 'main', 'article', 'nav', 'header', 'footer', 'details']);

/** A page-break marker (split-body.ts keeps one that stands before a chapter's heading with it). */
export function isPageBreak(node: unknown): boolean {
  return typeof node === 'object' && node !== null && (node as Element).type === 'element' && (node as Element).properties?.role === 'doc-pagebreak';
}

function marker(label: string): Element {
  const span = h('span', { role: 'doc-pagebreak', id: `page-${label}`, ariaLabel: label });
  // Set as the other epub:type attributes are (documents.ts): as written, not as a known property.
  span.properties['epub:type'] = 'pagebreak';
  return span;
}

/** The marker before the block's counted character number `offset` (from 0), inside the text node that holds it. */
function insertAt(block: Element, offset: number, span: Element): boolean {
  let before = 0;
  let done = false;
  visit(block, 'text', (node: Text, index, parent) => {
    if (done || index === undefined || !parent) return;
    const length = countedLength(node.value);
    if (before + length <= offset) {
      before += length;
      return;
    }
    // The string index of the wanted character.
    let wanted = offset - before;
    let at = 0;
    for (const character of node.value) {
      if (countedLength(character) > 0 && wanted-- === 0) break;
      at += character.length;
    }
    const pieces: ElementContent[] = [];
    if (at > 0) pieces.push({ type: 'text', value: node.value.slice(0, at) });
    pieces.push(span, { type: 'text', value: node.value.slice(at) });
    parent.children.splice(index, 1, ...pieces);
    done = true;
    return EXIT;
  });
  return done;
}

/** The markers in reading order, each with the file it is in. */
export function pageList(documents: ContentDocument[]): PageListEntry[] {
  const entries: PageListEntry[] = [];
  for (const document of documents) {
    visit(document.tree, 'element', (node) => {
      if (node.properties.role === 'doc-pagebreak' && typeof node.properties.id === 'string')
        entries.push({ label: String(node.properties.ariaLabel), href: `${document.filename}#${node.properties.id}` });
    });
  }
  return entries;
}
