// The unified transform: Markdown → mdast → (import, lint) → hast body + notes + metadata on the file.
import type { Root as HastRoot } from 'hast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { Brand } from '../load/brand-schema.js';
import type { Typefaces } from '../load/typefaces.js';
import type { LanguageCode } from '../load/frontmatter-schema.js';
import type { Labels } from '../load/locale-schema.js';
import remarkCheckNotes from './plugins/remark-check-notes.js';
import remarkDocumentMetadata from './plugins/remark-document-metadata.js';
import remarkGuardRawText from './plugins/remark-guard-raw-text.js';
import remarkFrontMatterData from './plugins/remark-front-matter-data.js';
import remarkInlineNotes from './plugins/remark-inline-notes.js';
import remarkImportBracketNotes, { type ImportBracketNotesOptions } from './plugins/remark-import-bracket-notes.js';
import remarkPhotoCredit from './plugins/remark-photo-credit.js';
import remarkStripPublisherBlock from './plugins/remark-strip-publisher-block.js';
import remarkTitleBlock from './plugins/remark-title-block.js';
import remarkTypography from './plugins/remark-typography.js';
import rehypeAuthorBios from './plugins/rehype-author-bios.js';
import rehypeAuthorSection from './plugins/rehype-author-section.js';
import rehypeCheckGlyphs from './plugins/rehype-check-glyphs.js';
import rehypeCheckHeadingLevels from './plugins/rehype-check-heading-levels.js';
import rehypeCheckLinks from './plugins/rehype-check-links.js';
import rehypeCaptions from './plugins/rehype-captions.js';
import rehypeCollectNotes from './plugins/rehype-collect-notes.js';
import rehypeHeadingIds from './plugins/rehype-heading-ids.js';
import { safeHtml } from './safe-html.js';

export interface TransformOptions {
  brand: Brand;
  defaultLang: LanguageCode;
  /** Locale labels per language (quote marks for typography). */
  labels: Record<LanguageCode, Labels>;
  importNotes?: ImportBracketNotesOptions['mode'];
  /** Images must be inside this folder. */
  projectRoot: string;
  allowRemoteImages?: boolean;
  /** The brand's typefaces; when given, each character is checked against their cmaps. */
  typefaces?: Typefaces;
  /** The file is a chapter of a book (its front matter: title, author, language). */
  chapter?: boolean;
}

/** Every language's "About the Author" headings. */
function authorHeadings(labels: TransformOptions['labels']): string[] {
  return Object.values(labels).flatMap((table) => [table.aboutTheAuthor, table.aboutTheAuthors]);
}

export function createProcessor(options: TransformOptions) {
  const safeHtmlOptions = { projectRoot: options.projectRoot, allowRemote: options.allowRemoteImages ?? false, labels: options.labels };
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkFrontMatterData, { defaultLang: options.defaultLang, chapter: options.chapter ?? false })
    .use(remarkTypography, { labels: options.labels })
    .use(remarkTitleBlock)
    .use(remarkPhotoCredit)
    .use(remarkDocumentMetadata, { labels: options.labels, projectRoot: options.projectRoot })
    .use(remarkInlineNotes)
    .use(remarkImportBracketNotes, { mode: options.importNotes ?? 'auto' })
    .use(remarkStripPublisherBlock, { brand: options.brand })
    .use(remarkCheckNotes)
    .use(remarkGuardRawText)
    .use(safeHtml(safeHtmlOptions))
    .use(rehypeCollectNotes)
    .use(rehypeAuthorSection, { headings: authorHeadings(options.labels) })
    .use(rehypeAuthorBios, safeHtmlOptions)
    .use(rehypeCaptions)
    .use(rehypeHeadingIds)
    .use(rehypeCheckHeadingLevels)
    .use(rehypeCheckLinks, { chapter: options.chapter ?? false })
    .use(options.typefaces ? [[rehypeCheckGlyphs, { typefaces: options.typefaces }]] : []);
}

/** Run the transform; the body comes back as hast, everything else is on `file.data`. */
export async function transformManuscript(file: VFile, options: TransformOptions): Promise<HastRoot> {
  const processor = createProcessor(options);
  return (await processor.run(processor.parse(file), file)) as HastRoot;
}
