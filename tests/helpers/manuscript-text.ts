// What a reader must find of a manuscript in its artifacts: the words of every paragraph (and table
// cell), read from the Markdown by the same parser the build uses, compared with the text a PDF or an
// EPUB gives back, squashed so that line breaks, hyphenation, ligatures and case do not matter.
import type { Nodes, PhrasingContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface ManuscriptParagraph {
  line: number;
  words: string[];
}

/** Raw HTML whose content the sanitiser removes with the element: its words are not expected. */
const DROPPED = /^<(script|style|template|noscript|iframe|object|textarea|title|select)\b/i;

/** The words of a squashed text: letters, digits and marks only, NFKC, lower case. */
export function squashWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

function phrasingText(nodes: PhrasingContent[]): string {
  let text = '';
  let dropping: string | undefined;
  for (const node of nodes) {
    if (node.type === 'html') {
      const open = DROPPED.exec(node.value);
      if (open) dropping = open[1]!.toLowerCase();
      else if (dropping && new RegExp(`^</${dropping}`, 'i').test(node.value)) dropping = undefined;
      continue;
    }
    if (dropping) continue;
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'break') text += ' ';
    else if ('children' in node) text += ` ${phrasingText(node.children)} `;
    // images (their alt text is no printed text), note calls (numbers), raw HTML: nothing.
  }
  return text;
}

/** Every paragraph and table cell of the manuscript with its words; paragraphs of notes that are
 * never called (they print nowhere), of second definitions of a note and a row's cells past the
 * header's count (GFM drops them) are left out. */
export function manuscriptParagraphs(markdown: string): ManuscriptParagraph[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(markdown);
  const called = new Set<string>();
  visit(tree, 'footnoteReference', (node) => void called.add(node.identifier.toLowerCase()));
  const defined = new Set<string>();
  const paragraphs: ManuscriptParagraph[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') {
      const id = node.identifier.toLowerCase();
      if (!called.has(id) || defined.has(id)) return;
      defined.add(id);
    }
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      const words = phrasingText(node.children)
        .split(/[^\p{L}\p{N}\p{M}]+/u)
        .map(squashWords)
        .filter(Boolean);
      if (words.length > 0) paragraphs.push({ line: node.position?.start.line ?? 0, words });
      return;
    }
    if (node.type === 'table') {
      // GFM: a row's cells past the header's count are dropped.
      const columns = node.children[0]?.children.length ?? 0;
      for (const row of node.children) for (const cell of row.children.slice(0, columns)) walk(cell);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return paragraphs;
}

/** The words of `paragraphs` that `text` does not hold, as "line N: word". */
export function missingWords(paragraphs: ManuscriptParagraph[], text: string): string[] {
  const squashed = squashWords(text.replace(/[\u00AD\u2010\u2011-]/g, ''));
  return paragraphs.flatMap((paragraph) => paragraph.words.filter((word) => !squashed.includes(word)).map((word) => `line ${paragraph.line}: ${word}`));
}
