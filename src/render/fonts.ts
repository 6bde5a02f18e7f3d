// The brand's typefaces, from @fontsource packages: one @font-face per weight, style and subset, with
// the package's own unicode ranges (Turkish needs latin and latin-ext together: docs/fonts.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Brand, FontFamily } from '../load/brand-schema.js';
import { readFontPackage } from '../load/font-coverage.js';

export interface FontFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  subset: string;
  unicodeRange: string;
  /** Absolute path of the woff2 file. */
  file: string;
  /** File name, unique within the publication: source-serif-4-latin-400-normal.woff2 */
  fileName: string;
}

export interface BrandFonts {
  faces: FontFace[];
  /** Per role (body, heading, mono): the CSS font-family value, brand face first, generic last. */
  stacks: Record<string, string>;
}

// The generic family a role falls back to in CSS (never used in print: the font check forbids it).
const GENERIC: Record<string, string> = { body: 'serif', heading: 'sans-serif', mono: 'monospace' };

function familyFaces(family: FontFamily): { name: string; faces: FontFace[] } {
  const { dir: packageDir, id, family: name, ranges } = readFontPackage(family.package);
  const faces: FontFace[] = [];
  for (const weight of family.weights) {
    for (const style of family.styles) {
      for (const subset of family.subsets) {
        const fileName = `${id}-${subset}-${weight}-${style}.woff2`;
        const unicodeRange = ranges[subset];
        if (!unicodeRange) throw new Error(`${family.package} has no "${subset}" subset`);
        faces.push({ family: name, weight, style, subset, unicodeRange, fileName, file: path.join(packageDir, 'files', fileName) });
      }
    }
  }
  return { name, faces };
}

const cache = new WeakMap<Brand, BrandFonts>();

export function brandFonts(brand: Brand): BrandFonts {
  const cached = cache.get(brand);
  if (cached) return cached;
  const fonts: BrandFonts = { faces: [], stacks: {} };
  for (const [role, family] of Object.entries(brand.fonts)) {
    if (!family) continue;
    const { name, faces } = familyFaces(family);
    fonts.faces.push(...faces);
    fonts.stacks[role] = `"${name}",${GENERIC[role] ?? 'serif'}`;
  }
  cache.set(brand, fonts);
  return fonts;
}

/** @font-face rules plus the --font-body, --font-heading, --font-mono custom properties the stylesheets use. */
export function fontFaceCss(fonts: BrandFonts, urlFor: (face: FontFace) => string): string {
  const rules = fonts.faces.map(
    (face) => `@font-face{font-family:"${face.family}";font-style:${face.style};font-weight:${face.weight};` + `src:url("${urlFor(face)}") format("woff2");unicode-range:${face.unicodeRange};}`,
  );
  rules.push(
    `:root{${Object.entries(fonts.stacks)
      .map(([role, stack]) => `--font-${role}:${stack};`)
      .join('')}}`,
  );
  return rules.join('\n');
}

const dataUrls = new Map<string, string>();

/** For the print page: fonts inlined, so the page needs no file access at all. */
export function fontDataUrl(face: FontFace): string {
  let url = dataUrls.get(face.file);
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(face.file).toString('base64')}`;
    dataUrls.set(face.file, url);
  }
  return url;
}

/** A stylesheet with every var(--font-role) replaced by the stack itself, for readers without custom properties. */
export function resolveFontVariables(css: string, fonts: BrandFonts): string {
  return css.replace(/var\(--font-([a-z]+)\)/g, (whole, role: string) => fonts.stacks[role] ?? whole);
}
