// The print edition's HTML: the publication's sections in the document template, hyphenated, images
// inlined, fonts as data: URLs, so the page needs nothing but itself. In footnote mode the notes
// section gives way to one footnote element per note, shaped by the layout engine; in endnote mode it
// stays. Block elements from the manuscript carry their manuscript line and column
// (data-source-line, data-source-column), so that problems found on the laid-out pages point there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Project } from '../../load/project.js';
import { localize } from '../../load/brand-schema.js';
import type { Publication, SectionKind } from '../../publication/model.js';
import { loadTypefaces } from '../../load/typefaces.js';
import { pageCharacters, pageFonts } from '../font-subsets.js';
import type { LayoutEngine } from './engine/layout-engine.js';
import { hyphenateTree } from './hyphenate.js';
import { inlineImages, type DroppedImage } from './images.js';
import { hastToHtml } from '../../util/html.js';
import { markTextBlocks, textBlocks } from '../page-map.js';
import { chapterRuns, layoutParts, wholePublication, type LayoutPart, type PrintNote, type PrintSection } from './layout-parts.js';

/** Sections whose running text is hyphenated; the title page and colophon are set ragged. */
const HYPHENATED: SectionKind[] = ['preface', 'body', 'notes', 'author'];

/** A string for CSS `content: "..."`. */
function cssString(value: string): string {
  return value.replace(/[\\"]/g, (character) => `\\${character}`).replace(/\n/g, ' ');
}

/** Elements a layout problem is told by: blocks a reader finds on the page. */
const LOCATED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'td', 'th', 'caption', 'blockquote', 'figure', 'figcaption', 'pre', 'aside', 'hr']);

/** Each located element with a position gets its manuscript line and column, and a book chapter's
 * element its file (in place). */
function markSourcePlaces(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (!node.position || !LOCATED.has(node.tagName)) return;
    node.properties.dataSourceLine = node.position.start.line;
    node.properties.dataSourceColumn = node.position.start.column;
    // A book's chapter: its own file (the lines are that file's).
    if (node.data?.sourceFile) node.properties.dataSourceFile = node.data.sourceFile;
  });
}

/** Sections whose links may be cross-references (the manuscript's text and notes). */
const CROSS_REFERENCING: SectionKind[] = ['body', 'notes', 'author'];

/** A link to a place in the publication that is not a note call or a way back (they have roles): a
 * cross-reference, to which styles/print.css adds the page it leads to, with the label's word. */
function markCrossReferences(tree: Root, pageWord: string): void {
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2 || node.properties.role !== undefined) return;
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    node.properties.className = [...classes, 'cross-reference'];
    node.properties.dataPageWord = pageWord;
  });
}

export interface PrintHtml {
  /** The whole publication, laid out in one piece. */
  html: string;
  /** When asked for parts and the body has chapters enough: documents of a few chapters each, which
   * together hold the whole publication (layout-parts.ts); else none. */
  parts: string[];
  /** Images that were not inlined, with the reason. */
  droppedImages: DroppedImage[];
  /** The faces' @font-face rules (data: URLs) and the --font-* properties, which the document template
   * puts in a style element of their own. */
  fontCss: string;
  /** The @font-face rules alone, as they stand in `fontCss` (a page that holds the faces already is sent the HTML without them). */
  fontFaces: string;
}

export interface PrintHtmlOptions {
  /** At most this many parts, each at least minimumPartLength characters of HTML (layout-parts.ts). */
  parts?: number;
  minimumPartLength?: number;
}

/** The print HTML, with the brand's faces cut to the characters it shows. */
export async function printHtml(publication: Publication, project: Project, engine: LayoutEngine, options: PrintHtmlOptions = {}): Promise<PrintHtml> {
  const { metadata } = publication;
  const labels = project.labels[metadata.lang];
  const footnotes = metadata.notes === 'footnotes';
  const droppedImages: DroppedImage[] = [];
  const assets = new Map(publication.assets.map((asset) => [asset.path, asset]));
  // Only the body and the notes come straight from the manuscript; the other sections are parsed
  // from their templates' output, so their positions are the template's, not the manuscript's.
  // The HTML of the prepared tree's top-level children, in runs split before each chapter's heading:
  // joined, the section's HTML (layout-parts.ts may lay them out apart).
  const prepare = (tree: Root, kind: SectionKind, fromManuscript: boolean, isSection = false): string[] => {
    const copy = structuredClone(tree);
    // Found before anything changes the tree: the EPUB numbers the same blocks of the same tree (page-map.ts).
    const blocks = isSection && kind !== 'contents' && kind !== 'lists' && kind !== 'half-title' ? textBlocks(copy) : [];
    const dropped = inlineImages(copy, assets);
    droppedImages.push(...(fromManuscript ? dropped : dropped.map((image) => ({ source: image.source, reason: image.reason }))));
    if (fromManuscript) markSourcePlaces(copy);
    if (CROSS_REFERENCING.includes(kind)) markCrossReferences(copy, labels.crossReferencePage);
    markTextBlocks(blocks, kind);
    if (HYPHENATED.includes(kind)) hyphenateTree(copy, metadata.lang);
    if (kind !== 'body') return [hastToHtml(copy)];
    return chapterRuns(copy.children).map((children) => hastToHtml({ type: 'root', children }));
  };
  const sections: PrintSection[] = publication.sections
    .filter((section) => !(footnotes && section.kind === 'notes'))
    .map((section) => ({ kind: section.kind, id: section.id, runs: prepare(section.content, section.kind, section.kind === 'body' || section.kind === 'preface', true) }));
  const notes: PrintNote[] = footnotes
    ? publication.notes.map((note) => ({ call: note.calls[0] ?? '', html: prepare({ type: 'root', children: [engine.footnoteElement(note, labels)] }, 'notes', true).join('') }))
    : [];
  const styles = (name: string) => readFileSync(path.join(project.stylesDir, name), 'utf8');
  const css = [styles('print.css'), styles(path.join('page', `${metadata.pageSize}.css`))].join('\n');
  const book = publication.sections.some((section) => section.kind === 'contents');
  const render = (part: LayoutPart, fontCss: string) =>
    project.templates.render('pdf/document.ejs', {
      meta: metadata,
      brand: project.brand,
      brandName: localize(project.brand.name, metadata.lang),
      labels,
      book,
      sections: part.sections,
      footnotes: part.footnotes,
      fontCss,
      css,
      cssString,
    });
  const whole = wholePublication(sections, notes);
  const split = options.parts && options.parts > 1 ? layoutParts(sections, notes, options.parts, options.minimumPartLength ?? 0) : [];
  // One set of fonts for every part (cut to the whole publication's characters): the parts' text is
  // measured with the faces the print embeds.
  const fonts = await pageFonts(loadTypefaces(project.brand), pageCharacters(render(whole, ''), metadata.lang));
  const fontCss = [fonts.faces, fonts.variables].join('\n');
  return { html: render(whole, fontCss), parts: split.map((part) => render(part, fontCss)), droppedImages, fontCss, fontFaces: fonts.faces };
}
