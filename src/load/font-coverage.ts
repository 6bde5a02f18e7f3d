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

export function fontCoverage(brand: Brand): Record<string, RoleCoverage> {
  const coverage: Record<string, RoleCoverage> = {};
  for (const [role, family] of Object.entries(brand.fonts)) {
    if (!family) continue;
    const packageDir = path.dirname(require.resolve(`${family.package}/package.json`));
    const metadata = JSON.parse(readFileSync(path.join(packageDir, 'metadata.json'), 'utf8')) as { family: string };
    const unicode = JSON.parse(readFileSync(path.join(packageDir, 'unicode.json'), 'utf8')) as Record<string, string>;
    coverage[role] = { family: metadata.family, subsets: family.subsets, ranges: family.subsets.flatMap((subset) => parseUnicodeRange(unicode[subset] ?? '')) };
  }
  return coverage;
}

export function covers(coverage: RoleCoverage, codePoint: number): boolean {
  return coverage.ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}
