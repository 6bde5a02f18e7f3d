// Blocks that raw HTML leaves inside an element that may hold only text (phrasing content) are taken
// out of it. The HTML parser makes such trees from ordinary mistakes: a `<strong>` left open in one
// paragraph is reopened around the next block (`<strong><blockquote>…`), and `# a <div>b</div>` keeps
// the division inside the heading. A browser shows them, but an EPUB's XHTML may not hold them
// (EPUBCheck RSC-005: "element blockquote not allowed here"), so the EPUB was invalid.
// - A formatting element (strong, em, span …) standing among blocks is carried into its blocks: each
//   run of text inside them gets a copy of it, as the browser shows them (bold text stays bold).
// - A block inside a paragraph, heading or preformatted text is merged into that text.
// Hand-written: hast-util-phrasing says what is phrasing content, but no unified utility knows which
// elements may hold only it (the HTML standard's content models, listed below).
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { phrasing } from 'hast-util-phrasing';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';

/** Elements that may hold only phrasing content and show it as it is formatted: carried into blocks. */
const FORMATTING = new Set([
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  'ruby',
  'rp',
  'rt',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);
/** Blocks that may hold only phrasing content: a block inside is merged into their text. */
const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'summary', 'label', 'button', 'legend', 'output']);
/** Phrasing content through and through. */
const allPhrasing = (node: RootContent): boolean => node.type !== 'element' || (phrasing(node) && node.children.every(allPhrasing));

const blank = (nodes: RootContent[]) => nodes.every((node) => node.type === 'comment' || (node.type === 'text' && node.value.trim() === ''));

/** A shallow copy of a formatting element around the given run; only the first copy keeps its id. */
function copyAround(element: Element, run: ElementContent[], first: boolean): Element {
  const properties = { ...element.properties };
  if (!first) delete properties.id;
  return { type: 'element', tagName: element.tagName, properties, children: run, ...(element.position ? { position: element.position } : {}) };
}

/** The children of `block` with each run of text in them, at any depth, put inside a copy of `formatting`. */
function carryInto(block: Element, formatting: Element, state: { first: boolean }): void {
  const children: ElementContent[] = [];
  let run: ElementContent[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    if (blank(run)) children.push(...run);
    else {
      children.push(copyAround(formatting, run, state.first));
      state.first = false;
    }
    run = [];
  };
  for (const child of block.children) {
    if (allPhrasing(child)) run.push(child);
    else {
      endRun();
      if (child.type === 'element') carryInto(child, formatting, state);
      children.push(child);
    }
  }
  endRun();
  block.children = children;
}

const firstBlock = (element: Element): Element | undefined => {
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (!phrasing(child)) return child;
    const inner = firstBlock(child);
    if (inner) return inner;
  }
  return undefined;
};

export default function rehypeUnnestBlocks() {
  return (tree: Root, file: VFile) => {
    const warn = (outer: Element, block: Element, outcome: string) =>
      problem(file, `<${outer.tagName}> holds a block (<${block.tagName}>), which it may not: ${outcome}`, {
        place: block.position ?? outer.position,
        ruleId: 'html-invalid',
        severity: 'warning',
      });

    /** Mends the children of `parent`; `textOnly` when it may hold only phrasing content, `quiet` inside
     * an element already reported. */
    const mend = (parent: Root | Element, textOnly: boolean, quiet = false): void => {
      const children: RootContent[] = [];
      let spaceAfter = false;
      const push = (...nodes: RootContent[]) => {
        if (spaceAfter && nodes.length > 0 && /^\S/.test(toString(nodes[0]!))) children.push({ type: 'text', value: ' ' });
        spaceAfter = false;
        children.push(...nodes);
      };
      for (const child of parent.children) {
        if (child.type !== 'element') {
          push(child);
          continue;
        }
        if (textOnly && !phrasing(child)) {
          // A block inside text: its content joins the text, kept apart from the words around it.
          mend(child, true, true);
          const text = toString(child);
          const before = children.at(-1);
          if (before && /\S$/.test(toString(before)) && /^\S/.test(text)) push({ type: 'text', value: ' ' });
          push(...(child.children as RootContent[]));
          spaceAfter = /\S$/.test(text);
          continue;
        }
        if (!textOnly && FORMATTING.has(child.tagName) && !allPhrasing(child)) {
          if (!quiet) warn(child, firstBlock(child) ?? child, `its formatting was carried into the block (close <${child.tagName}> before the block)`);
          mend(child, false, true);
          const wrapper: Element = { type: 'element', tagName: 'div', properties: {}, children: child.children };
          carryInto(wrapper, child, { first: true });
          push(...(wrapper.children as RootContent[]));
          continue;
        }
        const holdsText = textOnly || TEXT_BLOCKS.has(child.tagName) || FORMATTING.has(child.tagName);
        const block = !textOnly && holdsText && !quiet ? firstBlock(child) : undefined;
        if (block) warn(child, block, `the block was merged into its text (take the <${block.tagName}> out of the <${child.tagName}>)`);
        // A transparent element (a link) holds what its parent may.
        mend(child, holdsText, quiet || block !== undefined);
        push(child);
      }
      parent.children = children;
    };
    mend(tree, false);
  };
}
