// Font subsets, made with HarfBuzz (subset-font): for the EPUB, each face cut to the characters it
// draws (epub/embedded-fonts.ts); for the pages the browser draws (the print, the cover), every face
// cut to the characters of the page's HTML. Whole faces as data: URLs cost the print page about 1.6 s
// to load (3.1 MB of fonts); subsets cost 2–8 ms each to make (docs/fonts.md).
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import type { LoadedFace, Typefaces } from '../load/typefaces.js';
import { allFaces } from '../load/typefaces.js';
import { fontFaceCss, fontStacks, fontVariablesCss } from './fonts.js';

/** Layout features kept: what shaping needs by default (kerning, standard ligatures, marks, the
 * language's own forms, such as Turkish i with fi). Alternates nobody asks for are what made the
 * subsets large (docs/fonts.md). */
const FEATURES = ['kern', 'liga', 'clig', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'rlig'];

/** Every subset keeps the spaces and hyphens a reading system or the layout may add. */
export const ALWAYS = ' \u00A0-\u2010\u00AD';

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');

const made = new Map<string, Promise<Buffer>>();
// Each face's file, read once per process (every page and every EPUB subsets from it).
const fontFiles = new Map<string, Buffer>();
const fontFile = (file: string) => fontFiles.get(file) ?? fontFiles.set(file, readFileSync(file)).get(file)!;

/** The face cut to the characters (plus ALWAYS) it has; the same request gives the same bytes, made once. */
export function subsetFace(face: LoadedFace, characters: Iterable<string>): Promise<Buffer> {
  const text = [...new Set([...characters, ...ALWAYS])]
    .filter((character) => face.unicodes.has(character.codePointAt(0)!))
    .sort()
    .join('');
  const key = `${face.file}\n${text}`;
  let subset = made.get(key);
  if (!subset) {
    if (made.size > 500) made.clear();
    made.set(key, (subset = subsetFont(fontFile(face.file), text, { targetFormat: 'sfnt', noHinting: true, keepFeatures: FEATURES })));
  }
  return subset;
}

/** The characters a page's HTML can show, as typed and as character references, in both cases (a
 * stylesheet may transform them), plus printable ASCII for what the layout adds (folios, counters).
 * Cased per distinct character, not per text: a book's HTML is megabytes, its alphabet a few hundred
 * characters. The one casing that depends on context, Greek final sigma, is added outright. */
export function pageCharacters(html: string, lang: string): Set<string> {
  const distinct = new Set<string>(PRINTABLE_ASCII);
  for (const character of html) distinct.add(character);
  for (const match of html.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) distinct.add(String.fromCodePoint(parseInt(match[1]!.replace(/^x/i, ''), /^x/i.test(match[1]!) ? 16 : 10)));
  const cased = new Set(distinct);
  for (const character of distinct) {
    for (const other of character.toLocaleUpperCase(lang)) cased.add(other);
    for (const other of character.toLocaleLowerCase(lang)) cased.add(other);
  }
  if (cased.has('\u03C3')) cased.add('\u03C2');
  return cased;
}

/** A page's fonts in CSS: its @font-face rules and the --font-* properties. */
export interface PageFonts {
  /** The @font-face rules (subsets as data: URLs), one a line. */
  faces: string;
  /** The --font-body, --font-heading, --font-mono properties. */
  variables: string;
}

/** @font-face rules and the --font-* properties, for a page of this text. The fallback family comes
 * in only when a character needs it: one some role's family lacks. */
export async function pageFonts(typefaces: Typefaces, characters: Set<string>): Promise<PageFonts> {
  const roleFamilies = (['body', 'heading', 'mono'] as const).map((role) => typefaces.families[role]).filter((family) => family !== undefined);
  const needsFallback = [...characters].some((character) => {
    const codePoint = character.codePointAt(0)!;
    return !/\s/u.test(character) && roleFamilies.some((family) => !family.coverage.has(codePoint));
  });
  const fallbackFaces = new Set(typefaces.families.fallback?.faces.map((face) => face.file) ?? []);
  const faces = allFaces(typefaces).filter((face) => needsFallback || !fallbackFaces.has(face.file));
  const urls = new Map(await Promise.all(faces.map(async (face) => [face, `data:${face.mediaType};base64,${(await subsetFace(face, characters)).toString('base64')}`] as const)));
  return { faces: fontFaceCss(faces, (face) => urls.get(face)!), variables: fontVariablesCss(fontStacks(typefaces)) };
}

/** The page's fonts as one stylesheet (pageFonts). */
export async function pageFontCss(typefaces: Typefaces, characters: Set<string>): Promise<string> {
  const { faces, variables } = await pageFonts(typefaces, characters);
  return [faces, variables].join('\n');
}

/** A page whose fonts are cut to its own characters: drafted without fonts to learn them, then
 * rendered with them (the print page, the drawn cover). */
export async function withPageFonts(typefaces: Typefaces, lang: string, render: (fontCss: string) => string): Promise<string> {
  return render(await pageFontCss(typefaces, pageCharacters(render(''), lang)));
}
