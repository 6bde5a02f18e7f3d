// The publisher's identity, as a brand data file (YAML) describes it. Validated, never trusted.
import { z } from 'zod';

const fontFamily = z.strictObject({
  /** An @fontsource package that ships the family's woff2 files. */
  package: z.string().regex(/^@fontsource\/[a-z0-9-]+$/, 'must name an @fontsource package'),
  weights: z.array(z.number().int().min(100).max(900)).min(1),
  styles: z.array(z.enum(['normal', 'italic'])).default(['normal']),
  /** Turkish needs both latin (ı, Ç, Ü) and latin-ext (İ, ş, ğ): docs/fonts.md. */
  subsets: z.array(z.string()).default(['latin', 'latin-ext']),
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
  /** body and heading, and mono for code (without it, code would fall back to a system font). */
  fonts: z.strictObject({ body: fontFamily, heading: fontFamily, mono: fontFamily.optional() }),
});

export type Brand = z.infer<typeof brandSchema>;
export type FontFamily = z.infer<typeof fontFamily>;

/** The brand's name in a language, falling back to English, then to any. */
export function localize(value: string | Record<string, string> | undefined, lang: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[lang] ?? value.en ?? Object.values(value)[0] ?? '';
}
