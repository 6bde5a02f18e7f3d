// A section headed "About the Author" / "Yazar Hakkında" (a heading, or in converted documents a line
// of its own) belongs on the author page: lift it out of the body into file.data.authorSection.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainText } from '../mdast-text.js';
import '../file-data.js';

const authorHeading = /^(about the authors?|yazar(lar)? hakkında)\s*:?$/iu;

export default function remarkAuthorSection() {
  return (tree: Root, file: VFile) => {
    const start = tree.children.findIndex(
      (node) => (node.type === 'heading' || node.type === 'paragraph') && authorHeading.test(plainText(node)),
    );
    if (start < 0) return;
    const marker = tree.children[start]!;
    const depth = marker.type === 'heading' ? marker.depth : 0;
    let end = start + 1;
    // The section runs to the next heading of the same or higher rank (for a plain line: to any heading).
    while (end < tree.children.length) {
      const node = tree.children[end]!;
      if (node.type === 'heading' && (depth === 0 || node.depth <= depth)) break;
      if (node.type === 'footnoteDefinition') break;
      end++;
    }
    file.data.authorSection = tree.children.slice(start + 1, end);
    tree.children.splice(start, end - start);
  };
}
