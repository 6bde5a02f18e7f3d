// A document converted from Word or the web has no front matter: its title is the first heading, and
// the bold lines right under it name the author and the author's role. Lift them into metadata.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';
import { isBoldLine, plainText } from '../mdast-text.js';
import '../file-data.js';

export default function remarkTitleBlock() {
  return (tree: Root, file: VFile) => {
    // A book's preface needs no title of its own (the book's contents call it "Preface").
    if (file.data.frontMatter?.title || file.data.frontMatterInvalid || file.data.preface) return;
    const start = tree.children[0]?.type === 'yaml' ? 1 : 0;
    const heading = tree.children[start];
    if (heading?.type !== 'heading') {
      problem(file, 'Missing title: give `title` in the front matter or start with a heading', { place: heading?.position?.start ?? { line: 1, column: 1 }, ruleId: 'frontmatter-missing' });
      return;
    }
    const imported = (file.data.imported ??= {});
    imported.title = plainText(heading);
    if (heading.position) imported.titlePlace = heading.position.start;
    let end = start + 1;
    // Only when the front matter names no author: "**Name**" then "**Role**".
    if (!file.data.frontMatter?.author && isBoldLine(tree.children[end])) {
      const nameNode = tree.children[end]!;
      const name = plainText(nameNode);
      end += 1;
      const roleNode = tree.children[end];
      const role = isBoldLine(roleNode) ? plainText(roleNode) : undefined;
      if (role) end += 1;
      imported.authors = [{ name, ...(role ? { role } : {}), ...(nameNode.position ? { place: nameNode.position.start } : {}) }];
    }
    tree.children.splice(start, end - start);
  };
}
