// The brand's typefaces in CSS: one @font-face per face (no unicode-range: each file has every script
// its family sets) and the font-family stack per role, with the fallback family before the generic
// one. The faces themselves are subsets (font-subsets.ts).
import type { FontRole, LoadedFace, Typefaces } from '../load/typefaces.js';

// The generic family a role ends on in CSS (never used in print: the font check forbids it).
const GENERIC: Record<string, string> = { body: 'serif', heading: 'sans-serif', mono: 'monospace' };
const ROLES: FontRole[] = ['body', 'heading', 'mono'];

/** Per role (body, heading, mono): the CSS font-family value, brand family first, then the fallback family, generic last. */
export function fontStacks(typefaces: Typefaces): Record<string, string> {
  const fallback = typefaces.families.fallback;
  const stacks: Record<string, string> = {};
  for (const role of ROLES) {
    const family = typefaces.families[role] ?? typefaces.families.body;
    if (!family) continue;
    stacks[role] = [family.family, ...(fallback ? [fallback.family] : [])].map((name) => `"${name}"`).join(',') + `,${GENERIC[role]}`;
  }
  return stacks;
}

export function fontFaceCss(faces: LoadedFace[], urlFor: (face: LoadedFace) => string): string {
  return faces.map((face) => `@font-face{font-family:"${face.family}";font-style:${face.style};font-weight:${face.weight};src:url("${urlFor(face)}") format("${face.format}");}`).join('\n');
}

/** The --font-body, --font-heading, --font-mono custom properties print.css and cover.css use. */
export function fontVariablesCss(stacks: Record<string, string>): string {
  return `:root{${Object.entries(stacks)
    .map(([role, stack]) => `--font-${role}:${stack};`)
    .join('')}}`;
}

/** A stylesheet with every var(--font-role) replaced by the stack itself, for readers and converters
 * that do not read custom properties (Calibre warns on each: docs/epub.md). */
export function resolveFontVariables(css: string, stacks: Record<string, string>): string {
  return css.replace(/var\(--font-([a-z]+)\)/g, (whole, role: string) => stacks[role] ?? whole);
}
