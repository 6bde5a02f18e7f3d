// The EPUB's images: each asset the publication shows (the transform resolved and typed it once)
// packaged under a stable name, images/<name>.<extension>, and every <img> pointed at its copy.
// Nothing is read or fetched here: a src that is not an asset of the publication is a bug.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Asset } from '../../publication/model.js';

export interface PackagedImage {
  id: string;
  /** Path inside OEBPS: images/<name>.<ext> */
  href: string;
  mediaType: string;
  data: Uint8Array;
  properties?: string;
}

export class ImagePackage {
  readonly images: PackagedImage[] = [];
  private readonly byPath = new Map<string, PackagedImage>();
  private readonly byAsset: Map<string, Asset>;
  private readonly names = new Set<string>();

  constructor(assets: Asset[]) {
    this.byAsset = new Map(assets.map((asset) => [asset.path, asset]));
  }

  /** Package an asset once (named from its file, or `name`, with -2, -3 ... when two share a name). */
  add(assetPath: string, options: { name?: string; properties?: string } = {}): PackagedImage {
    const existing = this.byPath.get(assetPath);
    if (existing) return existing;
    const asset = this.byAsset.get(assetPath);
    if (!asset) throw new Error(`${assetPath}: not an asset of the publication; not packaged`);
    const image = this.addData(asset.bytes, options.name ?? asset.name, asset, options.properties);
    this.byPath.set(assetPath, image);
    return image;
  }

  /** Package image bytes made here (the drawn cover). */
  addData(data: Uint8Array, stem: string, type: { mediaType: string; extension: string }, properties?: string): PackagedImage {
    let name = `${stem}.${type.extension}`;
    for (let n = 2; this.names.has(name); n++) name = `${stem}-${n}.${type.extension}`;
    this.names.add(name);
    const image: PackagedImage = { id: `img-${name.replace(/\.[^.]+$/, '')}`, href: `images/${name}`, mediaType: type.mediaType, data, ...(properties ? { properties } : {}) };
    this.images.push(image);
    return image;
  }

  /** Point every <img> of a content document at its packaged copy. */
  rewrite(tree: Root): void {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      // Alt text stays as written (an empty alt says the image is decorative).
      node.properties.src = this.add(String(node.properties.src ?? '')).href;
    });
  }
}
