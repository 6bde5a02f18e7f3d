// "*Photograph: <url>" lines (as converted documents carry them) become the publication's photo credit.
// Only in a converted document (no front matter), and only a short line: a figure caption that
// happens to start with "Photo:" in a manuscript with front matter stays where it is.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';
import { plainText } from '../mdast-text.js';
import '../file-data.js';

const creditLine = /^\*?\s*(?:photograph|photo|photo credit|fotoğraf)\s*:\s*(.+)$/iu;

export default function remarkPhotoCredit() {
  return (tree: Root, file: VFile) => {
    if (tree.children[0]?.type === 'yaml') return;
    const index = tree.children.findIndex((node) => node.type === 'paragraph' && plainText(node).length < 300 && creditLine.test(plainText(node)));
    if (index < 0) return;
    const credit = creditLine.exec(plainText(tree.children[index]!))![1]!;
    const imported = (file.data.imported ??= {});
    imported.photoCredit = credit;
    const place = tree.children[index]!.position;
    if (place) imported.photoCreditPlace = place.start;
    problem(file, `Took “${credit}” as the photo credit`, { place, ruleId: 'photo-credit', severity: 'info' });
    tree.children.splice(index, 1);
  };
}
