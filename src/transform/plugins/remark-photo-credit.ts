// "*Photograph: <url>" lines (as converted documents carry them) become the publication's photo credit.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { plainText } from '../mdast-text.js';
import '../file-data.js';

const creditLine = /^\*?\s*(?:photograph|photo|photo credit|fotoğraf)\s*:\s*(.+)$/iu;

export default function remarkPhotoCredit() {
  return (tree: Root, file: VFile) => {
    const index = tree.children.findIndex((node) => node.type === 'paragraph' && creditLine.test(plainText(node)));
    if (index < 0) return;
    const credit = creditLine.exec(plainText(tree.children[index]!))![1]!;
    if (!file.data.frontMatter?.photoCredit) (file.data.imported ??= {}).photoCredit = credit;
    tree.children.splice(index, 1);
  };
}
