// Every character must be in the brand's typefaces, read from their cmaps. One the role's family lacks
// but the brand's fallback family has is set in the fallback: a warning naming it. One no family has
// would be set in a system font or as an empty box (the PDF's font check then fails, but cannot say
// where): an error. Each at its line and column, naming the character and the family, once per
// character, at its first use. The body, the notes, the author section and bios, and every text the title page,
// author page, colophon and metadata print (title, names, roles ...) are checked alike.
import type { Element, Root, Text } from 'hast';
import type { Point } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { FontRole, LoadedFamily, Typefaces } from '../../load/typefaces.js';
import { problem } from '../../problems/problem.js';
import { codeTextFirstLine, pointInBlockText, pointInText } from '../text-position.js';
import '../file-data.js';

export interface CheckGlyphsOptions {
  /** The brand's families per role (body, heading, mono, fallback); a missing role falls back to body. */
  typefaces: Typefaces;
}

const CODE = new Set(['code', 'pre', 'kbd', 'samp']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export default function rehypeCheckGlyphs(options: CheckGlyphsOptions) {
  return (tree: Root, file: VFile) => {
    const reported = new Set<string>();
    // Characters already found fine for a list of roles: a book has a few hundred distinct ones in
    // millions, and the Unicode property tests per character were most of this check's time.
    const fine = new Map<string, Set<string>>();
    const check = (value: string, roles: string[], placeAt: (offset: number) => Point | undefined) => {
      const rolesKey = roles.join();
      const fineHere = fine.get(rolesKey) ?? fine.set(rolesKey, new Set()).get(rolesKey)!;
      let offset = 0;
      for (const character of value) {
        if (fineHere.has(character)) {
          offset += character.length;
          continue;
        }
        const codePoint = character.codePointAt(0)!;
        // Controls, spaces and what is never drawn (the soft hyphen, joiners, variation selectors) need no glyph.
        if (codePoint > 0x20 && !/\s/u.test(character) && !/\p{Default_Ignorable_Code_Point}/u.test(character) && !reported.has(character)) {
          const lacking = roles.map((role) => familyOf(options.typefaces, role)).find((family) => family && !family.coverage.has(codePoint));
          if (!lacking) fineHere.add(character);
          else {
            reported.add(character);
            const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
            const fallback = options.typefaces.families.fallback;
            if (fallback?.coverage.has(codePoint))
              problem(
                file,
                `The character “${character}” (${code}) is not in ${lacking.family}: it is set in the fallback face, ${fallback.family}; for the brand's own type, give the brand file a family that has it`,
                {
                  place: placeAt(offset),
                  ruleId: 'glyph-fallback',
                  severity: 'warning',
                },
              );
            else
              problem(
                file,
                `The character “${character}” (${code}) is in none of the brand’s typefaces (${lacking.family}${fallback ? `, nor the fallback ${fallback.family}` : ''}); give the brand file a family that has it`,
                {
                  place: placeAt(offset),
                  ruleId: 'glyph-missing',
                },
              );
          }
        } else if (!reported.has(character)) fineHere.add(character);
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

function familyOf(typefaces: Typefaces, role: string): LoadedFamily | undefined {
  return typefaces.families[role as FontRole] ?? typefaces.families.body;
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
