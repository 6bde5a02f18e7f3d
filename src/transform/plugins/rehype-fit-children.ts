// Raw HTML's elements put where HTML lets them stand. The HTML parser keeps what a browser can show:
// an `<li>` with no list, a `<p>` directly in a `<ul>`, a second `<caption>`, a `<details>` with no
// `<summary>`. An EPUB's XHTML may hold none of them (EPUBCheck RSC-005: "element li not allowed
// here"). Each is mended the way that keeps its text and shows as near to the browser as valid
// markup can: an element out of its place becomes a division, stray content of a list goes into
// an item, a second caption joins the first. Hand-written: unified's utilities sanitise and parse
// HTML, but none mends it to the standard's content models, of which these are the ones the
// sanitiser's elements can break (rehype-unnest-blocks takes blocks out of text).
import type { Element, ElementContent, Parents, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';

/** Elements that stand only in one of these parents (the standard's "contexts in which this element
 * can be used"); a term or definition may also stand in a `<div>` of a `<dl>`. */
const PARENTS: Record<string, string[]> = {
  li: ['ul', 'ol', 'menu'],
  dt: ['dl', 'div'],
  dd: ['dl', 'div'],
  figcaption: ['figure'],
  summary: ['details'],
  caption: ['table'],
  rt: ['ruby'],
  rp: ['ruby'],
  legend: ['fieldset'],
};

/** Elements whose children are only these; other content goes into the first of them. */
const CHILDREN: Record<string, string[]> = {
  ul: ['li'],
  ol: ['li'],
  menu: ['li'],
  dl: ['dt', 'dd', 'div'],
};

const blank = (node: RootContent) => node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
const isElement = (node: RootContent | undefined, ...names: string[]): node is Element => node?.type === 'element' && names.includes(node.tagName);
const elementsOf = (parent: Element) => parent.children.filter((child): child is Element => child.type === 'element');

function standsHere(node: Element, parent: Parents, grandparent: Parents | undefined): boolean {
  const allowed = PARENTS[node.tagName];
  if (!allowed || (parent.type === 'element' && allowed.includes(parent.tagName) && parent.tagName !== 'div')) return true;
  // A <div> holds terms and definitions only as a group of a <dl>.
  return parent.type === 'element' && parent.tagName === 'div' && allowed.includes('div') && isElement(grandparent as RootContent | undefined, 'dl');
}

export default function rehypeFitChildren() {
  return (tree: Root, file: VFile) => {
    const warn = (node: Element, reason: string) => problem(file, reason, { place: node.position, ruleId: 'html-invalid', severity: 'warning' });
    const parentsOf = new Map<Parents, Parents | undefined>();

    visit(tree, (node, index, parent) => {
      if (node.type !== 'element' && node.type !== 'root') return;
      if (parent) parentsOf.set(node, parent);
      if (node.type !== 'element' || !parent || index === undefined) return;
      // A paragraph with nothing in it (the parser leaves one where it closes a paragraph around a
      // block) would only add its margin.
      if (node.tagName === 'p' && node.children.length === 0) {
        parent.children.splice(index, 1);
        return index;
      }
      // Out of its place: a division in its place (an item with no list is a block of the page), or
      // for ruby's annotations, which stand in a line, their text.
      if (!standsHere(node, parent, parentsOf.get(parent))) {
        const where = parent.type === 'element' ? `<${parent.tagName}>` : 'the text';
        const inLine = node.tagName === 'rt' || node.tagName === 'rp';
        warn(
          node,
          `<${node.tagName}> stands only in ${PARENTS[node.tagName]!.map((name) => `<${name}>`).join(' or ')}, not in ${where}: its content kept${inLine ? '' : ' as a division'} (put it inside one)`,
        );
        if (!inLine) {
          node.tagName = 'div';
          return undefined;
        }
        parent.children.splice(index, 1, ...(node.children as typeof parent.children));
        return index;
      }
      mendChildren(node, warn);
      return undefined;
    });
  };
}

function mendChildren(node: Element, warn: (node: Element, reason: string) => void): void {
  const only = CHILDREN[node.tagName];
  if (only) {
    // Stray content of a list goes into an item of its own; of a definition list, into a definition, or
    // a term when no term comes before it (a definition list begins with one).
    let wrapper = only[0] === 'li' ? 'li' : 'dt';
    const children: ElementContent[] = [];
    let run: ElementContent[] = [];
    const endRun = () => {
      if (run.some((child) => !blank(child))) {
        const first = run.find((child) => child.type === 'element') ?? run[0]!;
        warn(
          first.type === 'element' ? first : node,
          `<${node.tagName}> holds ${first.type === 'element' ? `a <${first.tagName}>` : 'text'} outside its ${only.map((name) => `<${name}>`).join(' or ')}: put in a <${wrapper}> of its own (put it inside one)`,
        );
        children.push({ type: 'element', tagName: wrapper, properties: {}, children: run });
        if (wrapper === 'dt') wrapper = 'dd';
      } else children.push(...run);
      run = [];
    };
    for (const child of node.children) {
      if (isElement(child, ...only)) {
        endRun();
        children.push(child);
        if (wrapper === 'dt') wrapper = 'dd';
      } else run.push(child);
    }
    endRun();
    node.children = children;
  }
  if (node.tagName === 'details' && !isElement(elementsOf(node)[0], 'summary')) {
    // With no summary to open it by, the content shows as it would opened.
    warn(node, '<details> begins with no <summary>: shown as a division, open (begin it with <summary>the label</summary>)');
    node.tagName = 'div';
  }
  if (node.tagName === 'table') {
    // One caption, the table's first child: a later one joins it.
    const captions = elementsOf(node).filter((child) => child.tagName === 'caption');
    if (captions.length > 0 && (captions.length > 1 || elementsOf(node)[0] !== captions[0])) {
      const [first, ...later] = captions as [Element, ...Element[]];
      warn(later[0] ?? first, `<table> has ${captions.length > 1 ? `${captions.length} captions` : 'its caption after its rows'}: one caption, first (write one <caption> right after <table>)`);
      for (const caption of later) first.children.push({ type: 'text', value: ' ' }, ...caption.children);
      node.children = [first, ...node.children.filter((child) => !captions.includes(child as Element))];
    }
  }
  if (node.tagName === 'figure') {
    // One caption, first or last (text counts): another is a division of the figure.
    const parts = node.children.filter((child) => !blank(child));
    const captions = elementsOf(node).filter((child) => child.tagName === 'figcaption');
    const kept = captions.find((caption) => caption === parts[0] || caption === parts.at(-1));
    for (const caption of captions) {
      if (caption === kept) continue;
      warn(caption, '<figure> has a caption that is not its first or last part, or a second one: kept as a division (give a figure one <figcaption>, first or last)');
      caption.tagName = 'div';
    }
  }
}
