// The brand's typefaces as font files: each face a TrueType or OpenType file from an npm font package
// (Kindle and Calibre embed nothing else: docs/fonts.md), with the characters its cmap maps, read by
// HarfBuzz. Which characters a role can set is what its faces really have, not a subset's name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import type { Brand, FontFamily } from './brand-schema.js';

const require = createRequire(import.meta.url);

export type FontRole = 'body' | 'heading' | 'mono' | 'fallback';

export interface LoadedFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Absolute path of the .ttf or .otf file. */
  file: string;
  /** The file's name, unique within a publication: SourceSerif4-Regular.ttf */
  fileName: string;
  format: 'truetype' | 'opentype';
  mediaType: 'font/ttf' | 'font/otf';
  /** Code points the face's cmap maps to a glyph. */
  unicodes: Set<number>;
}

export interface LoadedFamily {
  role: FontRole;
  family: string;
  faces: LoadedFace[];
  /** Code points every face of the family has: whichever face CSS picks sets them. */
  coverage: Set<number>;
}

export interface Typefaces {
  /** Per role (body, heading, mono, fallback), in the brand file's order. */
  families: Partial<Record<FontRole, LoadedFamily>>;
}

/** A font the brand file names that cannot be used, with the brand key that names it. */
export class TypefaceError extends Error {
  constructor(
    message: string,
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const faceCache = new Map<string, Set<number>>();

function cmapOf(file: string): Set<number> {
  let unicodes = faceCache.get(file);
  if (!unicodes) {
    const face = new Face(new Blob(readFileSync(file)), 0);
    unicodes = new Set(face.collectUnicodes());
    faceCache.set(file, unicodes);
  }
  return unicodes;
}

function packageDir(role: FontRole, name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    throw new TypefaceError(`The font package ${name} is not installed with avim-press`, `fonts.${role}.package`, { cause: error });
  }
}

function loadFamily(role: FontRole, family: FontFamily): LoadedFamily {
  const dir = packageDir(role, family.package);
  const faces = family.faces.map((face, index): LoadedFace => {
    const key = `fonts.${role}.faces.${index}.file`;
    const file = path.resolve(dir, face.file);
    // The schema refuses "..", and the file must stay in the package all the same.
    if (!file.startsWith(dir + path.sep)) throw new TypefaceError(`The font file ${face.file} is outside ${family.package}`, key);
    const opentype = /\.otf$/i.test(file);
    let unicodes: Set<number>;
    try {
      unicodes = cmapOf(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
      throw new TypefaceError(`${family.package} has no font file ${face.file}: ${reason}`, key, { cause: error });
    }
    return {
      family: family.family,
      weight: face.weight,
      style: face.style,
      file,
      fileName: path.basename(file),
      format: opentype ? 'opentype' : 'truetype',
      mediaType: opentype ? 'font/otf' : 'font/ttf',
      unicodes,
    };
  });
  const [first, ...rest] = faces.map((face) => face.unicodes);
  const coverage = new Set([...first!].filter((codePoint) => rest.every((unicodes) => unicodes.has(codePoint))));
  return { role, family: family.family, faces, coverage };
}

const cache = new WeakMap<Brand, Typefaces>();

export function loadTypefaces(brand: Brand): Typefaces {
  let typefaces = cache.get(brand);
  if (!typefaces) {
    typefaces = { families: {} };
    for (const [role, family] of Object.entries(brand.fonts) as [FontRole, FontFamily | undefined][]) if (family) typefaces.families[role] = loadFamily(role, family);
    cache.set(brand, typefaces);
  }
  return typefaces;
}

/** Every face, each file once (the brand may use one family in two roles). */
export function allFaces(typefaces: Typefaces): LoadedFace[] {
  const seen = new Map<string, LoadedFace>();
  for (const family of Object.values(typefaces.families)) for (const face of family.faces) if (!seen.has(face.file)) seen.set(face.file, face);
  return [...seen.values()];
}
