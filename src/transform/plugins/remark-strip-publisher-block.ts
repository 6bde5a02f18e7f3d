// A converted document often ends with the publisher's contact block (address, telephone, e-mail,
// web site, copyright). The colophon states those details from the brand file, so the copy at the
// end of the text is dropped: each detail must appear exactly once in the output. Only in converted
// documents (no front matter), and only when the block repeats two details or more: a closing line
// such as "Map © OpenStreetMap contributors" is the author's, not a contact block.
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Brand } from '../../load/brand-schema.js';
import { plainText } from '../mdast-text.js';

export interface StripPublisherBlockOptions {
  brand: Brand;
}

export default function remarkStripPublisherBlock(options: StripPublisherBlockOptions) {
  const needles = brandNeedles(options.brand);
  const repeated = (node: RootContent): string[] | undefined => {
    if (node.type === 'thematicBreak') return [];
    if (node.type === 'html') return /^<!--[\s\S]*-->$/.test(node.value.trim()) || node.value.trim() === '' ? [] : undefined;
    if (node.type !== 'paragraph') return undefined;
    const text = normalize(plainText(node));
    if (text === '') return [];
    const found = needles.filter((needle) => text.includes(needle));
    return found.length > 0 ? found : undefined;
  };
  return (tree: Root, file: VFile) => {
    if (tree.children[0]?.type === 'yaml') return;
    let start = tree.children.length;
    const details = new Set<string>();
    while (start > 0) {
      const found = repeated(tree.children[start - 1]!);
      if (!found) break;
      for (const needle of found) details.add(needle);
      start--;
    }
    const block = tree.children.slice(start);
    if (details.size < 2) return;
    file.info('Dropped the trailing contact block: the colophon gives the publisher’s details', {
      place: block[0]?.position,
      ruleId: 'publisher-block',
      source: 'avim-press',
    });
    tree.children.splice(start);
  };
}

function normalize(text: string): string {
  return text.toLocaleLowerCase('tr').replace(/\s+/g, ' ');
}

/** Fragments of the brand's contact details that identify a line as a copy of them. */
function brandNeedles(brand: Brand): string[] {
  const needles = [brand.email, brand.address?.slice(0, 24), brand.phone, brand.fax];
  if (brand.website) needles.push(new URL(brand.website).host.replace(/^www\./, ''));
  for (const account of brand.social) needles.push(account.handle, account.url?.replace(/^https?:\/\//, ''));
  needles.push('©');
  return needles.filter((needle): needle is string => Boolean(needle)).map(normalize);
}
