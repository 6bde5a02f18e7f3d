// Every character must be in the brand's typefaces: a character none of them has would be set in a
// system font (the PDF's font check then fails, but cannot say where). Found here, it is an error at
// its line and column, naming the character, the typeface and its subsets: once per character, at
// its first use. The body, the notes, the author section and bios, and every text the title page,
// author page, colophon and metadata print (title, names, roles ...) are checked alike.
import type { Element, Root, Text } from 'hast';
import type { Point } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { covers, type RoleCoverage } from '../../load/font-coverage.js';
import { problem } from '../../problems/problem.js';
import { codeTextFirstLine, pointInBlockText, pointInText } from '../text-position.js';
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
    const check = (value: string, roles: string[], placeAt: (offset: number) => Point | undefined) => {
      let offset = 0;
      for (const character of value) {
        const codePoint = character.codePointAt(0)!;
        // Controls, spaces and what is never drawn (the soft hyphen, joiners, variation selectors) need no glyph.
        if (codePoint > 0x20 && !/\s/u.test(character) && !/\p{Default_Ignorable_Code_Point}/u.test(character) && !reported.has(character)) {
          const lacking = roles.map((role) => options.coverage[role] ?? options.coverage.body).find((coverage) => coverage && !covers(coverage, codePoint));
          if (lacking) {
            reported.add(character);
            const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
            problem(file, `The character “${character}” (${code}) is in none of the brand’s typefaces (${lacking.family}: ${lacking.subsets.join(', ')}); add a subset that has it to the brand file`, {
              place: placeAt(offset),
              ruleId: 'glyph-missing',
            });
          }
        }
        offset += character.length;
      }
    };
    const described = file.data.described;
    // The text, and what was lifted out of it: the notes, the author's section, the bios.
    const lifted: Root = {
      type: 'root',
      children: [...(file.data.notes ?? []).flatMap((note) => note.content), ...(described?.authors ?? []).flatMap((author) => author.bio?.children ?? [])].filter(
        (node): node is Element => node.type === 'element',
      ),
    };
    for (const text of described?.texts ?? []) {
      // Titles and names are set in the heading typeface on the title page and in the body's elsewhere.
      check(text.value, ['heading', 'body'], (offset) => (text.place ? { line: text.place.line, column: text.place.column + offset } : undefined));
    }
    for (const root of [tree, lifted]) {
      visitParents(root, 'text', (node: Text, ancestors) => {
        const tags = ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element').map((element) => element.tagName);
        const role = tags.some((tag) => CODE.has(tag)) ? 'mono' : tags.some((tag) => HEADINGS.has(tag)) ? 'heading' : 'body';
        check(node.value, [role], (offset) => placeOf(file, node, ancestors, offset));
      });
    }
  };
}

/** Where a character of a text node is: exact for running text; for code (whose text has no
 * position of its own), found from its block's first line. */
function placeOf(file: VFile, node: Text, ancestors: (Root | Element)[], offset: number): Point | undefined {
  if (node.position) return pointInText(file, node.position.start, node.value, offset);
  const block = [...ancestors].reverse().find((ancestor) => ancestor.position);
  const start = block?.position?.start;
  if (!start) return undefined;
  const isCode = block.type === 'element' && (block.tagName === 'pre' || block.tagName === 'code');
  return pointInBlockText(file, isCode ? codeTextFirstLine(file, start) : start.line, node.value, offset);
}
