// Text that stands among blocks without a block of its own gets a paragraph. Raw HTML makes it: an
// HTML block ends at a blank line, so `<p>…</p>` followed by a line of text leaves that text loose in
// the body once parsed (markdown-it's and other suites' fixtures are written so). A browser shows it
// in an anonymous block, but Paged.js cannot break it at a page's foot ("Unable to layout item:
// [node Text]") and the text was cut off the page. Wrapped where it stands: in the body (a note, a
// biography) always, and in a quotation or division that also holds blocks. Lists, table cells and
// the like hold loose text by design (a tight list item): left as they are. Runs with nothing to read
// (spaces between blocks, an image alone) are left too.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { phrasing } from 'hast-util-phrasing';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Elements whose loose text is wrapped when they also hold blocks. */
const FLOW_CONTAINERS = new Set(['blockquote', 'div', 'section', 'article', 'aside', 'main', 'header', 'footer', 'nav']);

/** Phrasing content through and through: a link around a division (raw HTML allows it) is no
 * paragraph's to hold. */
const inRun = (node: RootContent): boolean => node.type === 'comment' || (phrasing(node) && (node.type !== 'element' || node.children.every(inRun)));

function wrapRuns(children: RootContent[]): RootContent[] {
  const wrapped: RootContent[] = [];
  let run: RootContent[] = [];
  const endRun = () => {
    if (run.some((node) => node.type !== 'comment' && toString(node).trim() !== '')) {
      const first = run[0]!.position;
      const last = run.at(-1)!.position;
      const paragraph: Element = { type: 'element', tagName: 'p', properties: {}, children: run as ElementContent[] };
      if (first && last) paragraph.position = { start: first.start, end: last.end };
      wrapped.push(paragraph);
    } else wrapped.push(...run);
    run = [];
  };
  for (const child of children) {
    if (inRun(child)) run.push(child);
    else {
      endRun();
      wrapped.push(child);
    }
  }
  endRun();
  return wrapped;
}

export default function rehypeWrapLooseText() {
  return (tree: Root) => {
    tree.children = wrapRuns(tree.children);
    visit(tree, 'element', (node) => {
      if (!FLOW_CONTAINERS.has(node.tagName) || node.children.every((child) => inRun(child))) return;
      node.children = wrapRuns(node.children) as ElementContent[];
    });
  };
}
