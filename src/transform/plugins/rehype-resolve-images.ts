// Every image a manuscript shows must be its own: a file inside the project or the manuscript's own
// folder, found relative to the manuscript (resolve-image.ts). The img's src becomes the real path of
// its entry in the document's asset list, which the renderers package (PDF: inlined; EPUB: copied
// in). Remote images are not fetched unless allowed.
// A Markdown image that cannot be shown is an error at its line: the editor wrote it and must fix it.
// A raw HTML <img> reaching outside (pasted from the web or Word, or hostile) is left out with a
// warning, and the build goes on.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';
import { resolveImage } from '../resolve-image.js';

export interface ResolveImagesOptions {
  /** The project folder: no image may come from outside it. */
  projectRoot: string;
  /** Keep http(s) images (they are still not fetched at build time by the transform). */
  allowRemote?: boolean;
}

const MARKDOWN_IMAGE = 'dataAvimMarkdownImage';

/** Before rehype-raw: every img element is a Markdown image (raw HTML is still text). */
export function rehypeMarkMarkdownImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') node.properties[MARKDOWN_IMAGE] = '';
    });
  };
}

export default function rehypeResolveImages(options: ResolveImagesOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
      const place = node.position;
      // Set by markMarkdownImages before rehype-raw: only Markdown images are elements then.
      const fromMarkdown = node.properties[MARKDOWN_IMAGE] !== undefined;
      delete node.properties[MARKDOWN_IMAGE];
      const leaveOut = () => {
        // The raw HTML image goes; its alt text stays, as text.
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
        return index;
      };
      if (/^https?:/i.test(src)) {
        if (options.allowRemote) return undefined;
        problem(file, `Remote image not fetched: ${src} (save it beside the manuscript)`, { place, ruleId: 'image-remote', severity: 'warning' });
        return leaveOut();
      }
      const resolved = resolveImage(src, file, options.projectRoot);
      if ('asset' in resolved) {
        node.properties.src = resolved.asset.path;
        return undefined;
      }
      // A Markdown image is the editor's own: an error to fix. A raw HTML one is left out, with a warning.
      problem(file, fromMarkdown ? resolved.reason : `${resolved.reason}; left out`, { place, ruleId: resolved.ruleId, severity: fromMarkdown ? 'error' : 'warning' });
      return fromMarkdown ? undefined : leaveOut();
    });
  };
}
