// Project configuration (avim-press.config.yaml): which brand, and defaults every manuscript inherits.
import { z } from 'zod';
import { DEFAULT_LIMITS } from './limits.js';
import { languageCode, notesPlacement, pageSize } from './frontmatter-schema.js';

export const configSchema = z.strictObject({
  /** Path of the brand data file, relative to the config file. */
  brand: z.string().default('brand/avim.yaml'),
  /** Where `avim-press build` looks when no file is named. */
  manuscripts: z.string().default('manuscript'),
  out: z.string().default('dist'),
  defaults: z
    .strictObject({
      lang: languageCode.default('en'),
      notes: notesPlacement.default('footnotes'),
      pageSize: pageSize.default('A4'),
      publicationType: z.string().optional(),
    })
    .prefault({}),
  /** Inputs larger than these are refused up front (see src/load/limits.ts). */
  limits: z
    .strictObject({
      maxBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxBytes),
      maxDepth: z.number().int().positive().default(DEFAULT_LIMITS.maxDepth),
      maxNotes: z.number().int().positive().default(DEFAULT_LIMITS.maxNotes),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
