// The publisher's identity, as a brand data file (YAML) describes it. Validated, never trusted.
import { z } from 'zod';

const fontFace = z.strictObject({
  weight: z.number().int().min(100).max(900).default(400),
  style: z.enum(['normal', 'italic']).default('normal'),
  /** A TrueType or OpenType file, by its path inside the package: Kindle embeds no other kind. */
  file: z.string().regex(/^(?![/\\])(?!.*\.\.)[\w ./-]+\.(ttf|otf)$/i, 'must be a .ttf or .otf file inside the package'),
});

const fontFamily = z.strictObject({
  /** The name CSS gives it. */
  family: z.string().min(1),
  /** The npm package (a dependency of avim-press) that ships the font files. */
  package: z.string().regex(/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/, 'must name an npm package'),
  faces: z.array(fontFace).min(1),
});

const localized = z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]);

export const brandSchema = z.strictObject({
  /** Full name, per language where it differs: { en: ..., tr: ... } or one string. */
  name: localized,
  /** Short name, also the typographic wordmark when no logo is given. */
  shortName: z.string().min(1),
  wordmark: z.string().optional(),
  tagline: localized.optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.email().optional(),
  website: z.url().optional(),
  social: z.array(z.strictObject({ label: z.string().optional(), handle: z.string().optional(), url: z.url().optional() })).default([]),
  copyrightFrom: z.number().int().min(1900).max(2200).optional(),
  /** body and heading, mono for code (without it, code would fall back to a system font), and a
   * fallback family for the symbols the others lack (set with a warning, never a system font). */
  fonts: z.strictObject({ body: fontFamily, heading: fontFamily, mono: fontFamily.optional(), fallback: fontFamily.optional() }),
});

export type Brand = z.infer<typeof brandSchema>;
export type FontFamily = z.infer<typeof fontFamily>;

/** The brand's name in a language, falling back to English, then to any. */
export function localize(value: string | Record<string, string> | undefined, lang: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[lang] ?? value.en ?? Object.values(value)[0] ?? '';
}
