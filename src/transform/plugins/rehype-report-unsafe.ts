// rehype-sanitize removes what is unsafe without a word; an editor should hear what was dropped and
// where. This runs just before it and reports, as warnings, the elements and attributes that will
// not reach an artifact: scripts, embedded documents, style, event handlers, javascript: URLs and
// attributes that would load something (srcset, poster, data ...).
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const DROPPED_ELEMENTS: Record<string, string> = {
  script: 'scripts never run',
  noscript: 'scripts never run',
  iframe: 'no other document is embedded',
  frame: 'no other document is embedded',
  frameset: 'no other document is embedded',
  object: 'no other document is embedded',
  embed: 'no other document is embedded',
  applet: 'no other document is embedded',
  portal: 'no other document is embedded',
  meta: 'the document’s head is the tool’s',
  base: 'the document’s head is the tool’s',
  link: 'nothing is loaded from elsewhere',
  style: 'presentation lives in styles/, not in the manuscript',
  video: 'no media is loaded',
  audio: 'no media is loaded',
  source: 'no media is loaded',
  track: 'no media is loaded',
  form: 'no forms in a publication',
  svg: 'inline SVG may carry script',
  math: 'not supported yet',
};

// Attributes that load something or run something.
const LOADING = new Set(['srcSet', 'poster', 'data', 'background', 'codeBase', 'archive', 'formAction', 'action', 'ping', 'lowsrc', 'dynsrc', 'xLinkHref']);

export default function rehypeReportUnsafe() {
  return (tree: Root, file: VFile) => {
    const warn = (node: Element, reason: string) => {
      file.message(reason, { place: node.position, ruleId: 'unsafe-html', source: 'avim-press' });
    };
    visit(tree, 'element', (node) => {
      const why = DROPPED_ELEMENTS[node.tagName];
      if (why) {
        const target = node.properties.src ?? node.properties.href ?? node.properties.data;
        warn(node, `Removed <${node.tagName}${target ? ` ${String(target)}` : ''}>: ${why}`);
        return 'skip';
      }
      for (const [name, value] of Object.entries(node.properties)) {
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        if (/^on/i.test(name)) warn(node, `Removed the ${name.toLowerCase()} attribute of <${node.tagName}>: scripts never run`);
        else if (name === 'style') warn(node, `Removed the style attribute of <${node.tagName}>: presentation lives in styles/`);
        else if (LOADING.has(name)) warn(node, `Removed ${name.toLowerCase()}="${text}" from <${node.tagName}>: nothing is loaded from elsewhere`);
        else if (/^\s*(javascript|vbscript|data):/i.test(text) && (name === 'href' || name === 'src' || name === 'action')) {
          warn(node, `Removed the ${text.split(':')[0]!.trim().toLowerCase()}: link of <${node.tagName}>`);
        }
      }
      return undefined;
    });
  };
}
