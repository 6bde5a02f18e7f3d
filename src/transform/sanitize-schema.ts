// Raw HTML in a manuscript is untrusted. GitHub's schema (rehype-sanitize's default) is the base: no
// script, iframe, object, embed, meta, base, style attribute, event handler or javascript: URL passes.
// On top of it: ids are kept as written (links inside the document must keep working) and a few
// harmless publishing elements and attributes are allowed.
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

const extraTags = ['figure', 'figcaption', 'abbr', 'cite', 'mark', 'small', 'u', 'caption', 'aside'];

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), ...extraTags],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'lang', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    // Images are the manuscript's own files; remote ones are dropped later with a warning.
    src: ['http', 'https'],
  },
};
