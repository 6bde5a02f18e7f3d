// mdast → hast with raw HTML parsed and sanitised: the one path every piece of manuscript content
// takes into the publication model (body, notes, author biographies).
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import path from 'node:path';
import { unified, type PluggableList, type Preset } from 'unified';
import { VFile } from 'vfile';
import rehypeFetchRemoteImages from './plugins/rehype-fetch-remote-images.js';
import rehypeReportUnsafe from './plugins/rehype-report-unsafe.js';
import rehypeTableAlignment from './plugins/rehype-table-alignment.js';
import rehypeUrlBreaks from './plugins/rehype-url-breaks.js';
import rehypeTaskListLabels from './plugins/rehype-task-list-labels.js';
import rehypeFitChildren from './plugins/rehype-fit-children.js';
import rehypeModernizeHtml from './plugins/rehype-modernize-html.js';
import rehypeUnnestBlocks from './plugins/rehype-unnest-blocks.js';
import rehypeWrapLooseText from './plugins/rehype-wrap-loose-text.js';
import rehypeResolveImages, { rehypeMarkMarkdownImages, type ResolveImagesOptions } from './plugins/rehype-resolve-images.js';
import { sanitizeSchema } from './sanitize-schema.js';
import type { LanguageCode } from '../load/frontmatter-schema.js';
import type { Labels } from '../load/locale-schema.js';

export type SafeHtmlOptions = ResolveImagesOptions & {
  /** Every language's labels, for what the transform itself writes (a checkbox's label). */
  labels?: Record<LanguageCode, Labels>;
};

export function safeHtml(options: SafeHtmlOptions): Preset {
  return {
    plugins: [
      // Footnote ids stay fn-x / fnref-x; rehype-collect-notes renumbers them.
      [remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }],
      rehypeMarkMarkdownImages,
      rehypeRaw,
      rehypeModernizeHtml,
      // Before the sanitiser, so that a file: or absolute image path is reported, not silently dropped.
      [rehypeResolveImages, options],
      // Only with --allow-remote (without it, the images were left out above).
      ...(options.allowRemote
        ? [[rehypeFetchRemoteImages, { projectRoot: options.projectRoot, cacheDir: path.join(options.projectRoot, '.avim-press-cache', 'remote-images') }] as PluggableList[number]]
        : []),
      [rehypeReportUnsafe, sanitizeSchema],
      [rehypeSanitize, sanitizeSchema],
      rehypeUnnestBlocks,
      rehypeFitChildren,
      rehypeWrapLooseText,
      // After the sanitiser: these classes and labels are ours, not the manuscript's.
      rehypeTableAlignment,
      rehypeUrlBreaks,
      [rehypeTaskListLabels, { ...(options.labels ? { labels: options.labels } : {}) }],
    ],
  };
}

const markdownProcessor = unified().use(remarkParse).use(remarkGfm);

/** Already-parsed Markdown nodes (a lifted "About the Author" section) as safe hast. */
export async function mdastToSafeHast(nodes: RootContent[], file: VFile, options: SafeHtmlOptions): Promise<HastRoot> {
  const root: MdastRoot = { type: 'root', children: nodes };
  return (await unified().use(safeHtml(options)).run(root, file)) as HastRoot;
}

/** A Markdown string (a biography in front matter) as safe hast, typeset by the given transform. */
export async function markdownToSafeHast(markdown: string, file: VFile, options: SafeHtmlOptions & { typeset?: (tree: MdastRoot) => void; firstLine?: number }): Promise<HastRoot> {
  const fragment = new VFile({ path: file.path, value: markdown });
  const mdast = (await markdownProcessor.run(markdownProcessor.parse(fragment), fragment)) as MdastRoot;
  options.typeset?.(mdast);
  const hast = await mdastToSafeHast(mdast.children, fragment, options);
  // Problems in the biography are reported on the manuscript, at the manuscript's own lines.
  const shift = (options.firstLine ?? 1) - 1;
  for (const message of fragment.messages) {
    if (message.line) message.line += shift;
    if (message.place && 'line' in message.place) message.place = { ...message.place, line: message.place.line + shift };
    else if (message.place && 'start' in message.place)
      message.place = { start: { ...message.place.start, line: message.place.start.line + shift }, end: { ...message.place.end, line: message.place.end.line + shift } };
    file.messages.push(message);
  }
  return hast;
}
