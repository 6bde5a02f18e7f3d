// Which characters the brand's typefaces can set, per role (body, heading, mono): the union of the
// unicode ranges of the subsets the brand file asks for, as each @fontsource package lists them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Brand } from './brand-schema.js';

const require = createRequire(import.meta.url);

export interface RoleCoverage {
  family: string;
  subsets: string[];
  /** [first, last] code points, inclusive. */
  ranges: [number, number][];
}

export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [first, last] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(first!, 16), parseInt(last ?? first!, 16)] as [number, number];
  });
}

export interface FontPackage {
  /** The package's folder (its woff2 files are in files/). */
  dir: string;
  /** File-name stem (source-serif-4) and family name (Source Serif 4). */
  id: string;
  family: string;
  /** Per subset, its CSS unicode-range. */
  ranges: Record<string, string>;
}

/** What an @fontsource package says of itself: metadata.json and unicode.json. */
export function readFontPackage(name: string): FontPackage {
  const dir = path.dirname(require.resolve(`${name}/package.json`));
  const metadata = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')) as { id: string; family: string };
  const ranges = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  return { dir, id: metadata.id, family: metadata.family, ranges };
}

export function fontCoverage(brand: Brand): Record<string, RoleCoverage> {
  const coverage: Record<string, RoleCoverage> = {};
  for (const [role, family] of Object.entries(brand.fonts)) {
    if (!family) continue;
    const fontPackage = readFontPackage(family.package);
    coverage[role] = { family: fontPackage.family, subsets: family.subsets, ranges: family.subsets.flatMap((subset) => parseUnicodeRange(fontPackage.ranges[subset] ?? '')) };
  }
  return coverage;
}

export function covers(coverage: RoleCoverage, codePoint: number): boolean {
  return coverage.ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}
