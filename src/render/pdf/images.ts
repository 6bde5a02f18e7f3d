// The print page loads nothing: the manuscript's own images (the transform leaves each <img src> as
// the absolute path of a file inside the project) are inlined as data: URLs. Any other source (a
// network URL, a path outside the project, a file that is not there) is dropped and reported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import { IMAGE_TYPES } from '../../util/image-types.js';
import { isInside, realPath } from '../../util/paths.js';


/** The data: URL for an image file of the project, or why it may not be used. */
export function imageDataUrl(src: string, projectRoot: string): { url: string } | { refused: string } {
  if (!path.isAbsolute(src)) return { refused: 'not a file of the project' };
  const type = IMAGE_TYPES[path.extname(src).toLowerCase()];
  if (!type) return { refused: 'not an image type the PDF takes' };
  // Symbolic links are followed before the check: a link inside the project may point outside it.
  const real = realPath(src);
  if (!real) return { refused: 'no such file' };
  if (!isInside(realPath(projectRoot) ?? projectRoot, real)) return { refused: 'outside the project' };
  return { url: `data:${type};base64,${readFileSync(real).toString('base64')}` };
}

/** An image the print leaves out: its source as written, why, and where the manuscript shows it. */
export interface DroppedImage {
  source: string;
  reason: string;
  place?: Point;
}

/** Inline every image of the tree (in place); returns the images that were dropped. */
export function inlineImages(tree: Root, projectRoot: string): DroppedImage[] {
  const dropped: DroppedImage[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const src = String(node.properties.src ?? '');
    const result = imageDataUrl(src, projectRoot);
    if ('url' in result) {
      node.properties.src = result.url;
      return;
    }
    dropped.push({ source: src || '(empty image source)', reason: result.refused, ...(node.position ? { place: node.position.start } : {}) });
    parent.children.splice(index, 1);
    return index;
  });
  return dropped;
}
