// The print page loads nothing: every image the publication shows is one of its assets (the
// transform resolved, checked and read each once), inlined as a data: URL. An <img> whose source is
// no asset of the publication (which the transform never leaves) is dropped and reported.
import type { Element, Root } from 'hast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { Asset } from '../../publication/model.js';

/** An image the print leaves out: its source as written, why, and where the manuscript shows it. */
export interface DroppedImage {
  source: string;
  reason: string;
  place?: Point;
}

/** Inline every image of the tree (in place) from the assets, by their real path; returns what was dropped. */
export function inlineImages(tree: Root, assets: ReadonlyMap<string, Asset>): DroppedImage[] {
  const dropped: DroppedImage[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const src = String(node.properties.src ?? '');
    const asset = assets.get(src);
    if (asset) {
      node.properties.src = `data:${asset.mediaType};base64,${asset.bytes.toString('base64')}`;
      return;
    }
    dropped.push({ source: src || '(empty image source)', reason: 'not a file of the publication', ...(node.position ? { place: node.position.start } : {}) });
    parent.children.splice(index, 1);
    return index;
  });
  return dropped;
}
