// Raw HTML written for browsers of old, as long documentation pages still carry it (GitHub renders
// it: `<p align="center">` around a logo, `<a name="top">`, `<tt>`), in the form HTML5 gives the same
// thing. An EPUB's XHTML has none of the old forms (EPUBCheck RSC-005), and the sanitiser, which
// keeps what is safe, not what is valid, would let some through and drop others with their look.
// Before the sanitiser, so that what is made here is what it judges.
// - obsolete elements: `<strike>` → `<s>`, `<tt>` → `<code>`, `<acronym>` → `<abbr>`, `<center>` →
//   a centred division;
// - `align` on a paragraph, heading or division → the class the stylesheets align by (`align-center`),
//   as rehype-table-alignment does for cells;
// - `<a name="x">` with no id → `id="x"`, so that links to `#x` still lead there;
// - an image's `width` or `height` in pixels (`120px`) → the number HTML5 takes; one in another unit
//   (`50%`, `auto`) has no HTML5 form: removed, with a warning.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';

const RENAMED: Record<string, string> = { strike: 's', tt: 'code', acronym: 'abbr', center: 'div' };
const ALIGNED = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify']);

export default function rehypeModernizeHtml() {
  return (tree: Root, file?: VFile) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') {
        for (const name of ['width', 'height'] as const) {
          const value = node.properties[name];
          if (value === undefined || typeof value === 'number') continue;
          const pixels = /^\s*(\d+)(?:\.\d*)?\s*(?:px)?\s*$/i.exec(String(value));
          if (pixels) node.properties[name] = Number(pixels[1]);
          else {
            delete node.properties[name];
            if (file)
              problem(file, `Removed ${name}="${String(value)}" from <img>: HTML5 gives an image's ${name} in pixels, as a number (write ${name}="120", or none)`, {
                place: node.position,
                ruleId: 'html-invalid',
                severity: 'warning',
              });
          }
        }
      }
      const renamed = RENAMED[node.tagName];
      if (renamed) {
        if (node.tagName === 'center') node.properties.align = 'center';
        node.tagName = renamed;
      }
      if (ALIGNED.has(node.tagName) && node.properties.align !== undefined) {
        const align = String(node.properties.align).toLowerCase();
        delete node.properties.align;
        if (ALIGNMENTS.has(align)) {
          const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
          node.properties.className = [...classes, `align-${align}`];
        }
      }
      if (node.tagName === 'a' && typeof node.properties.name === 'string') {
        if (node.properties.id === undefined) node.properties.id = node.properties.name;
        delete node.properties.name;
      }
    });
  };
}
