// Raw HTML in a manuscript is untrusted. GitHub's schema (rehype-sanitize's default) is the base: no
// script, iframe, object, embed, meta, base, style attribute, event handler or javascript: URL passes.
// On top of it: ids are kept as written (links inside the document must keep working), a few harmless
// publishing elements are allowed, and what could still load something is taken out (picture/source
// srcset, form actions). Elements whose content is not text (style, title ...) go with their content.
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

const extraTags = ['figure', 'figcaption', 'abbr', 'cite', 'mark', 'small', 'u', 'caption', 'aside'];
const loadingTags = new Set(['picture', 'source']);
const loadingAttributes = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept', 'useMap']);

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  strip: ['script', 'style', 'title', 'textarea', 'noscript', 'template', 'xmp', 'iframe', 'noembed', 'noframes'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !loadingTags.has(tag)), ...extraTags],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => !loadingTags.has(tag))),
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => typeof name !== 'string' || !loadingAttributes.has(name)), 'className', 'lang', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    // Images are the manuscript's own files; remote ones are dropped earlier with a warning.
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
};
