// mdast → hast with raw HTML parsed and sanitised: the one path every piece of manuscript content
// takes into the publication model (body, notes, author biographies).
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Preset } from 'unified';
import { VFile } from 'vfile';
import { sanitizeSchema } from './sanitize-schema.js';

export const safeHtmlPreset: Preset = {
  plugins: [
    // Footnote ids stay fn-x / fnref-x; rehype-collect-notes renumbers them.
    [remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }],
    rehypeRaw,
    [rehypeSanitize, sanitizeSchema],
  ],
};

const fragmentProcessor = unified().use(remarkSmartypants).use(safeHtmlPreset);
const markdownProcessor = unified().use(remarkParse).use(remarkGfm);

/** Already-parsed Markdown nodes (a lifted "About the Author" section) as safe hast. */
export async function mdastToSafeHast(nodes: RootContent[], file?: VFile): Promise<HastRoot> {
  const root: MdastRoot = { type: 'root', children: nodes };
  return (await fragmentProcessor.run(root, file ?? new VFile())) as HastRoot;
}

/** A Markdown string (a biography in front matter) as safe hast. */
export async function markdownToSafeHast(markdown: string): Promise<HastRoot> {
  const file = new VFile(markdown);
  const mdast = await markdownProcessor.run(markdownProcessor.parse(file), file);
  return mdastToSafeHast((mdast as MdastRoot).children, file);
}
