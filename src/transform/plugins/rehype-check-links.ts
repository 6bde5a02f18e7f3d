// A link must lead somewhere in a PDF or an EPUB: to the web (http, https), to mail or a phone, or to
// a place in the publication. Links to local files, or to ids that do not exist, would be dead (and
// EPUBCheck rejects them): they are reported and kept as plain text. An id used again is removed
// from the later element, with a warning. In a book, a link to an id in another chapter is checked
// when the chapters are one body (publication/book-body.ts): a chapter's or the book file's own
// transform leaves its `#` links to ids it lacks. A link that shows nothing (`[](url)`, or the empty
// first of two nested raw `<a>`, which the HTML parser closes) has nothing to read or tap, and no name
// for a screen reader (DAISY Ace: link-name): it is left out, with a warning. One that shows only
// images without a description is kept, named by its address (aria-label), with a warning.
import type { Element, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit, type VisitorResult } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { safeDecode } from '../../util/paths.js';
import { problem } from '../../problems/problem.js';
import '../file-data.js';

const EXTERNAL = /^(https?:|mailto:|tel:)/i;

export interface CheckLinksOptions {
  /** The file is a chapter of a book: its links may lead into the other chapters. */
  chapter?: boolean;
}

export default function rehypeCheckLinks(options: CheckLinksOptions = {}) {
  return (tree: Root, file: VFile) => {
    const inBook = options.chapter === true || (file.data.frontMatter?.chapters?.length ?? 0) > 0;
    const ids = new Set<string>();
    const notes = file.data.notes ?? [];
    // The notes are out of the tree by now; their calls are still in it.
    for (const note of notes) ids.add(note.id);
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      // The first keeps it (links lead there); a later one would make an invalid EPUB and loses it.
      if (ids.has(id)) {
        problem(file, `The id "${id}" is used before; removed here`, { place: node.position, ruleId: 'id-duplicate', severity: 'warning' });
        delete node.properties.id;
        return;
      }
      ids.add(id);
    });
    // The HTML parser splits a link that holds a block (`<a href="…"><div>…</div></a>` in a paragraph):
    // the paragraph closes on an empty copy, and a copy from the same start tag holds the text.
    const splitLinks = new Set<string>();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && node.position && linkContent(node) !== 'nothing') splitLinks.add(`${String(node.properties.href)}@${node.position.start.offset}`);
    });
    const check = (node: Element, index: number | undefined, parent: Parents | undefined): VisitorResult => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const href = node.properties.href;
      const shown = linkContent(node);
      if (shown === 'nothing' && parent && index !== undefined) {
        if (!node.position || !splitLinks.has(`${href}@${node.position.start.offset}`))
          problem(file, `A link with no text (to "${href}") has nothing to read or tap; left out (give it text: [the text](${href}))`, {
            place: node.position,
            ruleId: 'link-empty',
            severity: 'warning',
          });
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      if (shown === 'undescribed images' && node.properties.ariaLabel === undefined) {
        problem(
          file,
          `A link shows only an image with no description (to "${href}"): a screen reader has no name for it; named by its address (describe the image: [![what it shows](file)](${href}))`,
          {
            place: node.position,
            ruleId: 'link-empty',
            severity: 'warning',
          },
        );
        node.properties.ariaLabel = href;
      }
      const named = node.properties.ariaLabel === href;
      if (EXTERNAL.test(href)) return;
      if (href.startsWith('#') && (ids.has(safeDecode(href.slice(1))) || (inBook && href.length > 1))) return;
      const reason =
        href.trim() === ''
          ? 'A link without a target'
          : href.startsWith('#')
            ? `Link to "${href}", but no element has that id`
            : href.startsWith('//')
              ? `Link to "${href}" names no scheme: a PDF or EPUB has no page it could be relative to (write https:${href})`
              : `Link to "${href}": a file link cannot work in a PDF or EPUB`;
      problem(file, `${reason}; kept as text`, { place: node.position, ruleId: 'link-dead', severity: 'warning' });
      delete node.properties.href;
      if (named) delete node.properties.ariaLabel;
      return undefined;
    };
    visit(tree, 'element', check);
    for (const note of notes) for (const block of note.content) visit(block, 'element', check);
    for (const author of file.data.described?.authors ?? []) if (author.bio) visit(author.bio, 'element', check);
  };
}

/** What a link shows: text (or a described image, whose alt text names it), only images without a
 * description, or nothing at all. */
function linkContent(link: Element): 'text' | 'undescribed images' | 'nothing' {
  if (toString(link).trim() !== '') return 'text';
  let drawn = false;
  let described = false;
  visit(link, 'element', (node) => {
    if (!DRAWN.has(node.tagName)) return;
    drawn = true;
    if (node.tagName === 'img' && String(node.properties.alt ?? '').trim() !== '') described = true;
  });
  return described ? 'text' : drawn ? 'undescribed images' : 'nothing';
}

/** What draws something in a link that has no text (an image, even without alt, is something to tap). */
const DRAWN = new Set(['img', 'svg', 'picture', 'video', 'audio', 'object', 'math']);
