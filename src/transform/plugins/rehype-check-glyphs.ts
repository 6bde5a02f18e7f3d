// Every character must be in the brand's typefaces: a character none of them has would be set in a
// system font (the PDF's font check then fails, but cannot say where). Found here, it is an error at
// its line and column, naming the character, the typeface and its subsets.
import type { Element, Root, Text } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { covers, type RoleCoverage } from '../../load/font-coverage.js';
import '../file-data.js';

export interface CheckGlyphsOptions {
  /** Per role: body, heading, mono (code); a missing role falls back to body. */
  coverage: Record<string, RoleCoverage>;
}

const CODE = new Set(['code', 'pre', 'kbd', 'samp']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export default function rehypeCheckGlyphs(options: CheckGlyphsOptions) {
  return (tree: Root, file: VFile) => {
    const reported = new Set<string>();
    // The text, and what was lifted out of it: the notes and the author's section.
    const lifted: Root = { type: 'root', children: [...(file.data.notes ?? []).flatMap((note) => note.content), ...(file.data.authorSection ?? [])] };
    for (const root of [tree, lifted]) visitParents(root, 'text', (node: Text, ancestors) => {
      const tags = ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element').map((element) => element.tagName);
      const role = tags.some((tag) => CODE.has(tag)) ? 'mono' : tags.some((tag) => HEADINGS.has(tag)) ? 'heading' : 'body';
      const coverage = options.coverage[role] ?? options.coverage.body;
      if (!coverage) return;
      let offset = 0;
      for (const character of node.value) {
        const codePoint = character.codePointAt(0)!;
        // Controls, spaces and the soft hyphen are not drawn from a font.
        if (codePoint > 0x20 && codePoint !== 0xad && !/\s/u.test(character) && !covers(coverage, codePoint) && !reported.has(`${role}${character}`)) {
          reported.add(`${role}${character}`);
          const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
          file.message(`The character “${character}” (${code}) is in none of the brand’s ${role} typeface (${coverage.family}: ${coverage.subsets.join(', ')}); add a subset that has it to the brand file`, {
            place: placeOf(node, ancestors, offset),
            ruleId: 'glyph-missing',
            source: 'avim-press',
          }).fatal = true;
        }
        offset += character.length;
      }
    });
  };
}

/** Where a character of a text node is: exact for running text; for code (whose text has no
 * position of its own), the line within the block of its nearest positioned ancestor. */
function placeOf(node: Text, ancestors: (Root | Element)[], offset: number) {
  const start = node.position?.start;
  if (start) return { line: start.line, column: start.column + offset };
  const block = [...ancestors].reverse().find((ancestor) => ancestor.position)?.position?.start;
  if (!block) return undefined;
  const before = node.value.slice(0, offset);
  return { line: block.line + (before.split('\n').length - 1), column: 1 };
}
