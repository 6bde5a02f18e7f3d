// The manuscript's images, packaged under stable names: the transform leaves each <img src> as the
// absolute path of a verified file; here it is read, typed from its bytes and renamed images/<name>.
// Nothing is fetched: a src that is no local file is an error, never a download.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { imageSize } from 'image-size';
import { visit } from 'unist-util-visit';
import { slugify } from '../../publication/build-publication.js';
import { isInside, realPath } from '../../util/paths.js';

// EPUB 3.2 core media types for images (WebP is core only from EPUB 3.3, which EPUBCheck 4.2.6
// rejects: docs/epub.md).
const MEDIA_TYPES: Record<string, { mediaType: string; extension: string }> = {
  png: { mediaType: 'image/png', extension: 'png' },
  jpg: { mediaType: 'image/jpeg', extension: 'jpg' },
  gif: { mediaType: 'image/gif', extension: 'gif' },
  svg: { mediaType: 'image/svg+xml', extension: 'svg' },
};

export interface PackagedImage {
  id: string;
  /** Path inside OEBPS: images/<name>.<ext> */
  href: string;
  mediaType: string;
  data: Buffer;
  properties?: string;
}

/** The media type of an image file from its bytes; throws for anything that is not a core type. */
export function imageType(data: Buffer, file: string): { mediaType: string; extension: string } {
  let type: string | undefined;
  try {
    type = imageSize(new Uint8Array(data)).type;
  } catch {
    type = undefined;
  }
  const known = type ? MEDIA_TYPES[type] : undefined;
  if (!known) throw new Error(`${file}: ${type ? `a ${type.toUpperCase()} image` : 'not an image'}; an EPUB takes PNG, JPEG, GIF or SVG`);
  return known;
}

export class ImagePackage {
  readonly images: PackagedImage[] = [];
  private readonly byFile = new Map<string, PackagedImage>();
  private readonly names = new Set<string>();

  /** @param roots folders images may come from (the manuscript's, the project's): nothing else is read. */
  private readonly roots: string[];

  constructor(roots: string[]) {
    // Real paths: the transform gives images by their real path, and /tmp may be a link (macOS).
    this.roots = roots.map((root) => realPath(root) ?? root);
  }

  /** Package an image file once, named from its file name (-2, -3 ... when two share a name). */
  add(given: string, options: { name?: string; properties?: string } = {}): PackagedImage {
    const file = realPath(given);
    if (!file) throw new Error(`${given}: image not found`);
    const existing = this.byFile.get(file);
    if (existing) return existing;
    // A link inside the project may point out of it: the real path decides.
    if (!this.roots.some((root) => isInside(root, file))) {
      throw new Error(`${given}: an image outside the manuscript's and the project's folders; not packaged`);
    }
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      throw new Error(`${file}: image not found`);
    }
    const image = this.addData(data, options.name ?? slugify(path.parse(file).name), imageType(data, file), options.properties);
    this.byFile.set(file, image);
    return image;
  }

  /** Package image bytes made here (the drawn cover). */
  addData(data: Buffer, stem: string, type: { mediaType: string; extension: string }, properties?: string): PackagedImage {
    let name = `${stem}.${type.extension}`;
    for (let n = 2; this.names.has(name); n++) name = `${stem}-${n}.${type.extension}`;
    this.names.add(name);
    const image: PackagedImage = { id: `img-${name.replace(/\.[^.]+$/, '')}`, href: `images/${name}`, mediaType: type.mediaType, data, ...(properties ? { properties } : {}) };
    this.images.push(image);
    return image;
  }

  /** Point every <img> of a content document at its packaged copy. */
  rewrite(tree: Root, sourceDir: string): void {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const src = String(node.properties.src ?? '');
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) throw new Error(`${src}: a remote image; avim-press packages only the manuscript's own files`);
      // The transform gives each image as the real path of a checked file.
      const file = path.resolve(sourceDir, src);
      // Alt text stays as written (an empty alt says the image is decorative; none is a fault Ace reports).
      node.properties.src = this.add(file).href;
    });
  }
}
