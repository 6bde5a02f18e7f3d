// Raw HTML in a manuscript is untrusted. GitHub's schema (rehype-sanitize's default) is the base: no
// script, iframe, object, embed, meta, base, style attribute, event handler or javascript: URL passes.
// On top of it: ids are kept as written (links inside the document must keep working), a few harmless
// publishing elements are allowed, and what could still load something is taken out (picture/source
// srcset, form actions). Elements whose content is not text (style, title ...) go with their content.
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

const extraTags = ['figure', 'figcaption', 'abbr', 'cite', 'mark', 'small', 'u', 'caption', 'aside'];
const loadingTags = new Set(['picture', 'source']);
const loadingAttributes = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept', 'useMap']);
/** GitHub's schema allows these on every element; HTML5 has them on a few (listed below) or on none, and
 * an EPUB's XHTML may not carry them where it has not (EPUBCheck RSC-005). rehype-modernize-html turns
 * the ones with a modern form (`align` of a paragraph, `<a name>`) into it first. */
export const OBSOLETE_OR_MISPLACED = new Set(
  'abbr align alt axis border cellPadding cellSpacing char charOff charSet checked clear colSpan color cols compact coords dateTime frame hSpace headers height hrefLang isMap label maxLength media multiple name noHref noShade noWrap open prompt readOnly rev rowSpan rows rules scope selected shape size span start summary vAlign value width'.split(
    ' ',
  ),
);

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  strip: ['script', 'style', 'title', 'textarea', 'noscript', 'template', 'xmp', 'iframe', 'noembed', 'noframes'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !loadingTags.has(tag)), ...extraTags],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => !loadingTags.has(tag))),
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => typeof name !== 'string' || (!loadingAttributes.has(name) && !OBSOLETE_OR_MISPLACED.has(name))), 'className', 'lang', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    // Where HTML5 has them (GitHub's schema allows them on every element).
    td: ['align', 'colSpan', 'rowSpan', 'headers'],
    th: ['align', 'colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
    ol: [...(defaultSchema.attributes?.ol ?? []), 'start', 'reversed', 'type'],
    li: [...(defaultSchema.attributes?.li ?? []), 'value'],
    details: [...(defaultSchema.attributes?.details ?? []), 'open'],
    del: [...(defaultSchema.attributes?.del ?? []), 'dateTime'],
    ins: [...(defaultSchema.attributes?.ins ?? []), 'dateTime'],
    input: [...(defaultSchema.attributes?.input ?? []), 'checked'],
    a: [...(defaultSchema.attributes?.a ?? []), 'hrefLang'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    // Images are the manuscript's own files; remote ones are dropped earlier with a warning.
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
};
