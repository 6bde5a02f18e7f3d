// What a manuscript's YAML front matter may say. Only `title` is required (and a converted document
// without front matter may take its title from its first heading).
import { z } from 'zod';

/** The languages avim-press has labels for (templates/locales/<lang>.yaml). */
export const LANGUAGES = ['en', 'tr'] as const;
export const languageCode = z.enum(LANGUAGES, { error: 'must be a supported language: "en" or "tr"' });
export const notesPlacement = z.enum(['footnotes', 'endnotes']);
/** A book's notes: numbered through the book (default) or from 1 in each chapter. */
export const notesNumbering = z.enum(['book', 'chapter']);
export const pageSize = z.enum(['A4', 'A5', 'B5', 'Letter', '6x9']);
export type LanguageCode = z.infer<typeof languageCode>;
export type NotesPlacement = z.infer<typeof notesPlacement>;
export type NotesNumbering = z.infer<typeof notesNumbering>;
export type PageSize = z.infer<typeof pageSize>;

const datePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
// YAML reads `date: 2024` and `edition: 2` as numbers: accept them as the text they are.
const text = z.union([z.string(), z.number()]).transform(String);

const publicationDate = text.refine((value) => datePattern.test(value) && !Number.isNaN(Date.parse(value)), {
  message: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD',
});

const isbn = text.refine(isValidIsbn, 'must be an ISBN-10 or ISBN-13 with a correct check digit');

const author = z.strictObject({
  name: z.string().min(1),
  role: z.string().optional(),
  /** Markdown. */
  bio: z.string().optional(),
  photo: z.string().optional(),
});

const chapterPath = z.string().min(1, 'must not be empty');
/** A part of a book: its title and its chapter files (a part-title page in print, a level in the contents). */
const bookPart = z.strictObject({
  part: z.string().min(1, 'must not be empty'),
  chapters: z.array(chapterPath).min(1, 'must list at least one chapter file'),
});
export type BookPartEntry = z.infer<typeof bookPart>;

export const frontMatterSchema = z.strictObject({
  title: z.string({ error: (issue) => (issue.input === undefined ? 'is required: every manuscript needs a title' : 'must be text') }).min(1, 'must not be empty'),
  subtitle: z.string().optional(),
  shortTitle: z.string().optional(),
  author: z.union([z.string().min(1), author, z.array(z.union([z.string().min(1), author])).min(1)]).optional(),
  lang: languageCode.optional(),
  date: publicationDate.optional(),
  type: z.string().optional(),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  photoCredit: z.string().optional(),
  /** One ISBN, or one per edition: { pdf: …, epub: … } (each edition needs its own). */
  isbn: z.union([isbn, z.strictObject({ pdf: isbn.optional(), epub: isbn.optional() })]).optional(),
  edition: text.optional(),
  series: z.strictObject({ name: z.string(), position: z.number().int().positive().optional() }).optional(),
  /** Where the notes go, or { placement, numbering } (numbering: a book's, through it or per chapter). */
  notes: z.union([notesPlacement, z.strictObject({ placement: notesPlacement.optional(), numbering: notesNumbering.optional() })]).optional(),
  pageSize: pageSize.optional(),
  cover: z.string().optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes')
    .optional(),
  /** A book: its chapter files in order, relative to this manuscript, or parts of them. */
  chapters: z
    .array(z.union([chapterPath, bookPart]))
    .min(1, 'must list at least one chapter file')
    .optional(),
});

/** A book folder's `book.yaml`: the keys of a book's front matter, `chapters` required, and the file
 * of its preface (relative to the folder). */
export const bookFileSchema = frontMatterSchema.extend({
  chapters: frontMatterSchema.shape.chapters.unwrap(),
  preface: z.string().min(1, 'must not be empty').optional(),
});

/** A chapter of a book says only what is its own: its title (else its first heading) and author. */
export const chapterFrontMatterSchema = z.strictObject({
  title: z.string().min(1, 'must not be empty').optional(),
  subtitle: frontMatterSchema.shape.subtitle,
  shortTitle: frontMatterSchema.shape.shortTitle,
  author: frontMatterSchema.shape.author,
  lang: frontMatterSchema.shape.lang,
});

export type FrontMatter = z.infer<typeof frontMatterSchema> & { preface?: string };
export type ChapterFrontMatter = z.infer<typeof chapterFrontMatterSchema>;
export type FrontMatterAuthor = z.infer<typeof author>;

/** ISBN-10 (mod 11, X = 10) or ISBN-13 (weights 1 and 3, mod 10), hyphens and spaces ignored. */
export function isValidIsbn(value: string): boolean {
  const digits = value.replace(/[- ]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((total, digit, index) => total + (digit === 'X' ? 10 : Number(digit)) * (10 - index), 0);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  return false;
}
