// HTML elements whose content is raw text (<textarea>, <xmp>, <style>, <script>, <title>, <iframe>,
// <noembed>, <noframes>, <noscript>, <plaintext>) run to their closing tag; one never closed would
// swallow the rest of the manuscript when the raw HTML is parsed (and the sanitiser would then drop
// it all, silently). Like GFM's tag filter, such an opening tag is escaped: it stays as text, with a
// warning at its line. A closed one is left to the sanitiser, which removes it with its content.
import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';
import { pointInText } from '../text-position.js';

const RAW_TEXT = 'textarea|xmp|style|script|title|iframe|noembed|noframes|noscript|plaintext';
const opening = new RegExp(`<(${RAW_TEXT})(?=[\\s/>])`, 'gi');

export default function remarkGuardRawText() {
  return (tree: Root, file: VFile) => {
    const nodes: Html[] = [];
    visit(tree, 'html', (node) => void nodes.push(node));
    nodes.forEach((node, index) => {
      // The closing tag may come in this node or a later one (an inline element across a line).
      const rest = nodes
        .slice(index)
        .map((later) => later.value)
        .join('\n');
      node.value = node.value.replace(opening, (match, name: string, offset: number) => {
        if (name.toLowerCase() !== 'plaintext' && new RegExp(`</${name}\\s*>`, 'i').test(rest.slice(offset))) return match;
        problem(file, `<${name}> is never closed: kept as text (it would hide the rest of the manuscript)`, {
          place: pointInText(file, node.position?.start, node.value, offset),
          ruleId: 'unsafe-html',
          severity: 'warning',
        });
        return `&lt;${match.slice(1)}`;
      });
    });
  };
}
