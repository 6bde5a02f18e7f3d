// Every image a manuscript shows must be its own: a file inside the project or the manuscript's own
// folder, found relative to the manuscript. The img's src becomes the file's real absolute path, which the renderers package
// (PDF: inlined; EPUB: copied in). Remote images are not fetched unless allowed.
// A Markdown image that cannot be shown is an error at its line: the editor wrote it and must fix it.
// A raw HTML <img> reaching outside (pasted from the web or Word, or hostile) is left out with a
// warning, and the build goes on.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { IMAGE_TYPES } from '../../util/image-types.js';
import { isInside, realPath, safeDecode } from '../../util/paths.js';

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
  const root = realpathSync(options.projectRoot);
  return (tree: Root, file: VFile) => {
    const base = file.path ? realpathSync(path.dirname(path.resolve(file.path))) : root;
    // A manuscript built from elsewhere (avim-press build ~/drafts/paper.md) may show the images beside it.
    const allowed = (candidate: string) => isInside(root, candidate) || isInside(base, candidate);
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
      const place = node.position;
      // Set by markMarkdownImages before rehype-raw: only Markdown images are elements then.
      const fromMarkdown = node.properties[MARKDOWN_IMAGE] !== undefined;
      delete node.properties[MARKDOWN_IMAGE];
      const fail = (reason: string, ruleId: string) => {
        const message = file.message(fromMarkdown ? reason : `${reason}; left out`, { place, ruleId, source: 'avim-press' });
        if (fromMarkdown) {
          message.fatal = true;
          return;
        }
        // The raw HTML image goes; its alt text stays, as text.
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
        return index;
      };
      if (/^https?:/i.test(src)) {
        if (options.allowRemote) return;
        file.message(`Remote image not fetched: ${src} (save it beside the manuscript)`, { place, ruleId: 'image-remote', source: 'avim-press' });
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
        return index;
      }
      if (src === '') return fail('Image without a source', 'image-missing');
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return fail(`Image "${src}": only files beside the manuscript can be shown`, 'image-outside');
      const wanted = path.resolve(base, safeDecode(src.replace(/[?#].*$/, '')));
      if (!allowed(wanted)) return fail(`Image "${src}" is outside the project`, 'image-outside');
      const real = realPath(wanted);
      if (!real) return fail(`Image "${src}" not found (looked for ${path.relative(root, wanted)})`, 'image-missing');
      // A symbolic link inside the project may point out of it.
      if (!allowed(real)) return fail(`Image "${src}" is a link to a file outside the project`, 'image-outside');
      if (!statSync(real).isFile()) return fail(`Image "${src}" is not a file`, 'image-missing');
      if (!IMAGE_TYPES[path.extname(real).toLowerCase()]) {
        return fail(`Image "${src}": use PNG, JPEG, GIF or SVG`, 'image-type');
      }
      node.properties.src = real;
      return undefined;
    });
  };
}
