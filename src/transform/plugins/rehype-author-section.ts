// A section headed "About the Author" / "Yazar Hakkında" (a heading, or in converted documents a line
// of its own) belongs on the author page: lift it out of the body into file.data.authorSection. It
// runs on the finished hast, after the notes are collected, so a note called in a biography is
// numbered and linked like any other.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import '../file-data.js';

export interface AuthorSectionOptions {
  /** The headings that open the section, in every language (from the locale tables). */
  headings: string[];
}

const normalize = (text: string) =>
  text
    .replace(/\s*:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('tr');
const RANKS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export default function rehypeAuthorSection(options: AuthorSectionOptions) {
  // Compared in Turkish lower case, so "YAZAR HAKKINDA" finds "Yazar Hakkında" (I → ı).
  const headings = new Set(options.headings.map(normalize));
  return (tree: Root, file: VFile) => {
    const start = tree.children.findIndex((node) => node.type === 'element' && (node.tagName === 'p' || RANKS.includes(node.tagName)) && headings.has(normalize(toString(node))));
    if (start < 0) return;
    const marker = tree.children[start] as Element;
    const rank = RANKS.indexOf(marker.tagName) + 1; // 0 for a plain line
    let end = start + 1;
    // The section runs to the next heading of the same or higher rank (for a plain line: to any heading).
    while (end < tree.children.length) {
      const node = tree.children[end]!;
      const nodeRank = node.type === 'element' ? RANKS.indexOf(node.tagName) + 1 : 0;
      if (nodeRank > 0 && (rank === 0 || nodeRank <= rank)) break;
      end++;
    }
    const content = tree.children.slice(start + 1, end) as ElementContent[];
    const declared = file.data.frontMatter?.author;
    const authors = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
    if (authors.some((author) => typeof author === 'object' && author.bio)) {
      file.message('The front matter gives the author’s bio: this “About the Author” section is left in the text', {
        place: marker.position,
        ruleId: 'author-section-ignored',
        source: 'avim-press',
      });
      return;
    }
    file.data.authorSection = content;
    tree.children.splice(start, end - start);
  };
}
