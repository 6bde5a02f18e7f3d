// Read a built EPUB's package, navigation and content documents as a reader would follow them.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import { visit } from 'unist-util-visit';

export interface EpubContent {
  opf: string;
  nav: string;
  ncx: string;
  /** Spine documents in reading order: file name (inside OEBPS) and parsed tree. */
  spine: { file: string; tree: Root; text: string }[];
  files: string[];
}

export async function readEpubContent(bytes: Buffer): Promise<EpubContent> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async('string');
  const opf = await text('OEBPS/content.opf');
  const hrefOf = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1]!, match[2]!]));
  const spine = [];
  for (const [, idref] of opf.matchAll(/<itemref idref="([^"]+)"/g)) {
    const file = hrefOf.get(idref!)!;
    const source = await text(`OEBPS/${file}`);
    spine.push({ file, tree: fromHtml(source), text: source });
  }
  return { opf, nav: await text('OEBPS/toc.xhtml'), ncx: await text('OEBPS/toc.ncx'), spine, files: Object.keys(zip.files).filter((name) => !name.endsWith('/')) };
}

/** Every element of the content documents, with the file it is in. */
export function elements(content: EpubContent, test: (node: Element) => boolean): { file: string; node: Element }[] {
  const found: { file: string; node: Element }[] = [];
  for (const { file, tree } of content.spine) {
    visit(tree, 'element', (node) => {
      if (test(node)) found.push({ file, node });
    });
  }
  return found;
}

/** Follow a link from a file: the element it lands on, and in which file. */
export function follow(content: EpubContent, from: string, href: string): { file: string; node: Element } | undefined {
  const [target = '', id] = href.split('#');
  const file = target === '' ? from : target;
  const document = content.spine.find((entry) => entry.file === file);
  if (!document || !id) return undefined;
  let found: Element | undefined;
  visit(document.tree, 'element', (node) => {
    if (node.properties.id === id) found = node;
  });
  return found ? { file, node: found } : undefined;
}

export const epubType = (node: Element) => String(node.properties['epub:type'] ?? node.properties['epubType'] ?? '');
