// The EPUB's fonts: each face of the brand that sets some of the book's text, once, as a TrueType or
// OpenType file (what Kindle and Calibre embed) subset to the characters that face draws. Which face
// draws a character is decided as a reading system decides it: the computed font-family list, weight
// and style (styled-text.ts measures them in the browser), the first family whose face has the
// character, the face chosen by CSS font matching. Subsetting: font-subsets.ts; sizes in docs/fonts.md.
import { allFaces, type LoadedFace, type Typefaces } from '../../load/typefaces.js';
import { subsetFace } from '../font-subsets.js';
import type { StyledText } from './styled-text-api.js';

export interface EmbeddedFont {
  face: LoadedFace;
  /** The subset file's bytes. */
  data: Buffer;
  /** How many characters it maps. */
  characters: number;
}

const STYLE_ORDER: Record<string, string[]> = { italic: ['italic', 'oblique', 'normal'], oblique: ['oblique', 'italic', 'normal'], normal: ['normal', 'oblique', 'italic'] };

/** CSS Fonts 4 §5.2: within a family, the face for a style (italic before normal for italic text),
 * then the weight nearest in the specification's order. */
export function matchFace(faces: LoadedFace[], weight: number, style: string): LoadedFace | undefined {
  const byStyle = (STYLE_ORDER[style] ?? STYLE_ORDER.normal!).map((wanted) => faces.filter((face) => face.style === wanted)).find((found) => found.length > 0);
  if (!byStyle) return undefined;
  const exact = byStyle.find((face) => face.weight === weight);
  if (exact) return exact;
  const lighter = byStyle.filter((face) => face.weight < weight).sort((a, b) => b.weight - a.weight);
  const heavier = byStyle.filter((face) => face.weight > weight).sort((a, b) => a.weight - b.weight);
  if (weight >= 400 && weight <= 500) {
    const upTo500 = heavier.filter((face) => face.weight <= 500);
    return upTo500[0] ?? lighter[0] ?? heavier[0];
  }
  return weight < 400 ? (lighter[0] ?? heavier[0]) : (heavier[0] ?? lighter[0]);
}

function familyNames(value: string): string[] {
  return value.split(',').map((name) => name.trim().replace(/^["']|["']$/g, ''));
}

/** Per face: the characters it draws. Characters no brand family has are left out (the transform
 * reported them). */
export function charactersPerFace(runs: StyledText[], typefaces: Typefaces): Map<LoadedFace, Set<string>> {
  const families = Object.values(typefaces.families);
  const perFace = new Map<LoadedFace, Set<string>>();
  for (const run of runs) {
    const stack = familyNames(run.family).flatMap((name) => families.filter((family) => family.family.toLowerCase() === name.toLowerCase()));
    const faces = stack.map((family) => matchFace(family.faces, run.weight, run.style)).filter((face): face is LoadedFace => face !== undefined);
    for (const character of run.characters) {
      if (/\s/u.test(character) || /\p{Default_Ignorable_Code_Point}/u.test(character)) continue;
      const face = faces.find((candidate) => candidate.unicodes.has(character.codePointAt(0)!));
      if (!face) continue;
      let characters = perFace.get(face);
      if (!characters) perFace.set(face, (characters = new Set()));
      characters.add(character);
    }
  }
  return perFace;
}

/** The faces to embed, in the brand file's order, each subset to what it draws. */
export async function embeddedFonts(runs: StyledText[], typefaces: Typefaces): Promise<EmbeddedFont[]> {
  const perFace = charactersPerFace(runs, typefaces);
  const fonts: EmbeddedFont[] = [];
  for (const face of allFaces(typefaces)) {
    const used = perFace.get(face);
    if (!used) continue;
    fonts.push({ face, data: await subsetFace(face, used), characters: used.size });
  }
  return fonts;
}
