// The one list of the files a publication shows (pandoc's MediaBag): each image, author photo and
// cover is resolved once here, in the transform (real path, media type from its bytes, size, hash),
// and the PDF inliner, the EPUB packager and the incremental build read this list instead of
// checking the files again. An <img src> in the model is the real path of an asset of the list.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { slugify } from '../util/slug.js';

export type AssetMediaType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml';

export interface Asset {
  /** The file's real absolute path: the key an <img src> carries. */
  path: string;
  /** The path relative to the project, for the manifest and messages. */
  relative: string;
  mediaType: AssetMediaType;
  /** The extension its type takes: png, jpg, gif, svg. */
  extension: string;
  /** Pixels (SVG: its declared size), when the file says. */
  width?: number;
  height?: number;
  sha256: string;
  bytes: Buffer;
  /** A file-name stem unique within the publication, from the file's name: images/<name>.<extension>. */
  name: string;
}

// EPUB 3.2's core image types (WebP is core only from EPUB 3.3, which EPUBCheck 4.2.6 rejects): what
// both editions take. Recognised by the file's bytes, not its name.
const TYPES: Record<string, { mediaType: AssetMediaType; extension: string }> = {
  png: { mediaType: 'image/png', extension: 'png' },
  jpg: { mediaType: 'image/jpeg', extension: 'jpg' },
  gif: { mediaType: 'image/gif', extension: 'gif' },
  svg: { mediaType: 'image/svg+xml', extension: 'svg' },
};

export class AssetList {
  private readonly byPath = new Map<string, Asset>();
  private readonly names = new Set<string>();

  constructor(private readonly projectRoot: string) {}

  get all(): Asset[] {
    return [...this.byPath.values()];
  }

  get(realPath: string): Asset | undefined {
    return this.byPath.get(realPath);
  }

  /**
   * Add the file at `realPath` (already checked to be a file inside the project) once; throws an
   * Error saying why when its bytes are not an image type both editions take.
   */
  add(realPath: string, stem?: string): Asset {
    const known = this.byPath.get(realPath);
    if (known) return known;
    const bytes = readFileSync(realPath);
    const type = sniff(bytes);
    let name = stem ?? slugify(path.parse(realPath).name);
    for (let n = 2; this.names.has(`${name}.${type.extension}`); n++) name = `${stem ?? slugify(path.parse(realPath).name)}-${n}`;
    this.names.add(`${name}.${type.extension}`);
    const size = dimensions(bytes);
    const asset: Asset = {
      path: realPath,
      relative: path.relative(this.projectRoot, realPath),
      ...type,
      ...size,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      name,
    };
    this.byPath.set(realPath, asset);
    return asset;
  }
}

function sniff(bytes: Buffer): { mediaType: AssetMediaType; extension: string } {
  let type: string | undefined;
  try {
    type = imageSize(new Uint8Array(bytes)).type;
  } catch {
    type = undefined;
  }
  const known = type ? TYPES[type] : undefined;
  if (!known) throw new Error(type ? `it is a ${type.toUpperCase()} image; use PNG, JPEG, GIF or SVG` : 'it is not an image (its bytes are no PNG, JPEG, GIF or SVG)');
  return known;
}

function dimensions(bytes: Buffer): { width?: number; height?: number } {
  try {
    const { width, height } = imageSize(new Uint8Array(bytes));
    return width && height ? { width, height } : {};
  } catch {
    return {};
  }
}
