// Every rule a problem can name, with what it checks. docs/rules.md explains each (a test keeps the two
// in step), and each message's `url` points there, as remark-lint's messages point at their rule.

export const RULES = {
  // load
  encoding: 'the manuscript is UTF-8 text',
  'frontmatter-unclosed': 'front matter ends with a `---` line',
  'frontmatter-yaml': 'front matter is valid YAML',
  'frontmatter-unknown-key': 'front matter uses only known keys',
  'frontmatter-missing': 'front matter gives what is required (a title)',
  'frontmatter-invalid': 'front-matter values have the right form',
  'brand-yaml': 'the brand file is valid YAML',
  'brand-unknown-key': 'the brand file uses only known keys',
  'brand-missing': 'the brand file gives what is required',
  'brand-invalid': 'brand values have the right form',
  'config-yaml': 'the configuration is valid YAML',
  'config-unknown-key': 'the configuration uses only known keys',
  'config-missing': 'the configuration gives what is required',
  'config-invalid': 'configuration values have the right form',
  'locale-yaml': 'a locale file is valid YAML',
  'locale-unknown-key': 'a locale file uses only known labels',
  'locale-missing': 'a locale file translates every label',
  'locale-invalid': 'locale labels are text',
  limit: 'the manuscript is within the size, nesting and note limits',
  'chapter-missing': "a book's chapter file exists",
  'chapter-outside': "a book's chapter file is a file of the project",
  'chapter-repeated': 'a book lists each chapter file once, and not itself',
  'chapter-heading': "a book chapter's sections are `##` headings: its title is the chapter's one `#`",
  // transform
  'note-undefined': 'every note call has a note',
  'note-duplicate': 'a note is defined once',
  'note-empty': 'a note has text',
  'note-unused': 'every note is called',
  'note-unclosed': 'an inline note ^[...] is closed',
  'image-missing': 'an image names a file that exists',
  'image-outside': 'an image is a file of the project',
  'image-type': 'an image is PNG, JPEG, GIF or SVG',
  'image-remote': 'web images are downloaded only with --allow-remote',
  'unsafe-html': 'raw HTML holds nothing that could run, load or hide',
  'html-invalid': 'raw HTML is what an EPUB may hold: each element where HTML5 lets it stand, no obsolete attribute',
  'id-duplicate': 'an id is used once',
  'link-dead': 'a link within the document has a target',
  'link-empty': 'a link has text to read',
  'heading-skip': 'heading levels go down one at a time',
  'glyph-missing': "every character is in the brand's typefaces",
  'glyph-fallback': "a character the brand's family lacks is set in the brand's fallback family",
  'author-missing': 'an "About the Author" section has an author',
  'author-section-ignored': 'the author page is given once',
  'publisher-block': "the publisher's contact block is given by the colophon",
  'photo-credit': 'a photo credit of a converted document was recognised',
  'cover-not-found': 'the cover image exists',
  'cover-size': 'a cover is large enough and a portrait that stores take',
  'cover-small': 'a cover is large enough to show sharp',
  'description-title': 'a description says more than the title',
  'isbn-shared': 'the PDF and the EPUB have ISBNs of their own',
  'date-source': 'where the dates of a manuscript without `date` come from',
  // render
  'layout-lost-text': 'the page layout keeps every word',
  'layout-break': 'no widow, orphan or heading alone at a page break',
  'layout-moved-lines': 'settling soft hyphens did not move lines',
  'layout-engine': 'the page-layout engine reported nothing',
  'font-fallback': "the print uses the brand's fonts only",
  'resource-blocked': 'the print page loads nothing from outside',
  // validate
  'validator-missing': 'every validator ran',
  'accessibility-claim': 'an EPUB claims conformance only when DAISY Ace found none of its violations',
  // write
  'slug-clash': 'two manuscripts do not write the same artifact',
  strict: 'with --strict, warnings fail the build',
  // review
  'review-unrecorded': "a PDF given to `review` has its build's page problems in the manifest beside it",
  // any stage
  internal: 'avim-press did not fail on its own',
  'time-limit': 'each stage ends within its time limit',
} as const;

export type RuleId = keyof typeof RULES;

/** Where a rule is explained: docs/rules.md in the repository, by the rule's anchor. */
export function ruleUrl(ruleId: string): string | undefined {
  return ruleId in RULES ? `docs/rules.md#${ruleId}` : undefined;
}
