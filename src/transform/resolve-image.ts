// Where an image a manuscript names really is, and whether it may be shown: a file inside the project
// or the manuscript's own folder (real path: a link may point out), of a type both editions take.
// Shared by the text's images, an author's photo and the cover: each is resolved once, into the
// document's asset list.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { RuleId } from '../problems/rules.js';
import { isInside, realPath, safeDecode } from '../util/paths.js';
import { AssetList, type Asset } from './assets.js';
import './file-data.js';

export type ImageResolution = { asset: Asset } | { reason: string; ruleId: RuleId };

/** The document's asset list, made on first use. */
export function assetsOf(file: VFile, projectRoot: string): AssetList {
  return (file.data.assets ??= new AssetList(realPath(projectRoot) ?? projectRoot));
}

export function resolveImage(src: string, file: VFile, projectRoot: string): ImageResolution {
  const root = realpathSync(projectRoot);
  const base = file.path ? realpathSync(path.dirname(path.resolve(file.path))) : root;
  // A manuscript built from elsewhere (avim-press build ~/drafts/paper.md) may show the images beside it.
  const allowed = (candidate: string) => isInside(root, candidate) || isInside(base, candidate);
  if (src === '') return { reason: 'Image without a source', ruleId: 'image-missing' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return { reason: `Image "${src}": only files beside the manuscript can be shown`, ruleId: 'image-outside' };
  const wanted = path.resolve(base, safeDecode(src.replace(/[?#].*$/, '')));
  if (!allowed(wanted)) return { reason: `Image "${src}" is outside the project`, ruleId: 'image-outside' };
  const real = realPath(wanted);
  if (!real) return { reason: `Image "${src}" not found (looked for ${path.relative(root, wanted)})`, ruleId: 'image-missing' };
  if (!allowed(real)) return { reason: `Image "${src}" is a link to a file outside the project`, ruleId: 'image-outside' };
  if (!statSync(real).isFile()) return { reason: `Image "${src}" is not a file`, ruleId: 'image-missing' };
  try {
    return { asset: assetsOf(file, projectRoot).add(real) };
  } catch (error) {
    return { reason: `Image "${src}": ${(error as Error).message}`, ruleId: 'image-type' };
  }
}
