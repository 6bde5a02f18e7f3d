// What a manuscript's YAML front matter may say. Only `title` is required (and a converted document
// without front matter may take its title from its first heading).
import { z } from 'zod';

export const languageCode = z.enum(['en', 'tr'], { error: 'must be a supported language: "en" or "tr"' });
export const notesPlacement = z.enum(['footnotes', 'endnotes']);
export const pageSize = z.enum(['A4', 'A5', 'B5', 'Letter', '6x9']);

const datePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const publicationDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .refine((value) => datePattern.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD',
  });

const author = z.strictObject({
  name: z.string().min(1),
  role: z.string().optional(),
  /** Markdown. */
  bio: z.string().optional(),
  photo: z.string().optional(),
});

export const frontMatterSchema = z.strictObject({
  title: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required: every manuscript needs a title' : 'must be text') })
    .min(1, 'must not be empty'),
  subtitle: z.string().optional(),
  shortTitle: z.string().optional(),
  author: z.union([z.string().min(1), author, z.array(z.union([z.string().min(1), author])).min(1)]).optional(),
  lang: languageCode.optional(),
  date: publicationDate.optional(),
  type: z.string().optional(),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  photoCredit: z.string().optional(),
  isbn: z
    .string()
    .regex(/^(97[89][- ]?)?\d{1,5}[- ]?\d+[- ]?\d+[- ]?[\dX]$/, 'must be an ISBN-10 or ISBN-13')
    .optional(),
  edition: z.string().optional(),
  series: z.strictObject({ name: z.string(), position: z.number().int().positive().optional() }).optional(),
  notes: notesPlacement.optional(),
  pageSize: pageSize.optional(),
  cover: z.string().optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes')
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type FrontMatterAuthor = z.infer<typeof author>;
