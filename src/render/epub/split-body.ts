// Long works go to the reader as one file per chapter: the body is split before each level-1
// heading when it has two or more (Markdown `# Chapter`); an article (title in the front matter,
// `##` sections) stays one file. Reading systems load, paginate and remember position per file.
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { isPageBreak } from './page-breaks.js';

export interface BodyPart {
  /** The chapter heading's text; undefined for the body as one part or for text before chapter 1. */
  title?: string;
  /** The chapter heading element, when the part starts with one. */
  heading?: Element;
  children: RootContent[];
}

const isChapterHeading = (node: RootContent): node is Element => node.type === 'element' && node.tagName === 'h1';

export function splitBody(body: Root): BodyPart[] {
  if (body.children.filter(isChapterHeading).length < 2) return [{ children: body.children }];
  const parts: BodyPart[] = [];
  let current: BodyPart = { children: [] };
  for (const node of body.children) {
    if (isChapterHeading(node)) {
      // The print page that starts with the chapter's heading starts with its file.
      const markers: RootContent[] = [];
      while (current.children.length > 0 && (isPageBreak(current.children.at(-1)) || !hasContent(current.children.at(-1)!))) markers.unshift(current.children.pop()!);
      if (current.heading || current.children.some(hasContent)) parts.push(current);
      current = { title: toString(node).trim(), heading: node, children: [...markers.filter(isPageBreak), node] };
    } else current.children.push(node);
  }
  parts.push(current);
  return parts;
}

/** Whitespace-only text between blocks does not make a part. */
function hasContent(node: RootContent): boolean {
  return node.type === 'element' || (node.type === 'text' && node.value.trim() !== '');
}
