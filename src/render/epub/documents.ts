// The publication's sections as EPUB content documents, in reading order: title page, the body (one
// file, or one per chapter), the notes (endnotes) or each chapter's own notes (footnotes), author
// page, colophon. Also the navigation entries and landmarks that point into them.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Labels, Project } from '../../load/project.js';
import type { Note, Publication, SectionKind } from '../../publication/model.js';
import { splitBody } from './split-body.js';
import { insertPageBreaks } from './page-breaks.js';
import type { PageStart } from '../page-map.js';
import { safeDecode } from '../../util/paths.js';
import { noteTemplateData } from '../../publication/note-data.js';
import { captionOf } from '../../transform/plugins/rehype-captions.js';

export type DocumentKind = SectionKind | 'cover' | 'chapter' | 'part' | 'contents';

export interface ContentDocument {
  /** Manifest id. */
  id: string;
  filename: string;
  kind: DocumentKind;
  title: string;
  /** epub:type of the landmark that points here (cover, titlepage, bodymatter, endnotes, colophon). */
  landmark?: string;
  /** Listed in the table of contents (the cover is not). */
  inToc: boolean;
  /** The heading that opens a chapter or part file (for its aria-labelledby). */
  headingId?: string;
  /** A chapter in another language than the publication's: its language. */
  lang?: string;
  /** Headings inside the document that the table of contents lists under it, with their depth under
   * the document's own entry (1 or 2: contents go three levels deep). */
  subheadings: { id: string; title: string; depth: number }[];
  tree: Root;
}

export interface NavEntry {
  title: string;
  href: string;
  children: NavEntry[];
}

// ARIA roles and the epub:type reading systems key on (pop-up notes, chapter starts). EPUBCheck 4.2.6
// knows no epub:type for doc-backlink: the role alone says it.
const EPUB_TYPES: Record<string, string> = {
  'doc-noteref': 'noteref',
  'doc-endnotes': 'endnotes',
  'doc-footnote': 'footnote',
  'doc-chapter': 'chapter',
  'doc-part': 'part',
};

/** `pageMap`: where the print edition's pages start (from the PDF render), for page-break markers. */
export function contentDocuments(publication: Publication, project: Project, pageMap: PageStart[] = []): ContentDocument[] {
  const { metadata } = publication;
  const labels = project.labels[metadata.lang];
  const documents: ContentDocument[] = [];
  const add = (document: Omit<ContentDocument, 'id' | 'subheadings' | 'inToc'> & Partial<Pick<ContentDocument, 'inToc'>>) =>
    documents.push({ id: `doc-${document.filename.replace(/\.xhtml$/, '')}`, subheadings: [], inToc: true, ...document });

  for (const section of publication.sections) {
    const tree = structuredClone(section.content);
    if (section.kind !== 'contents' && section.kind !== 'lists') insertPageBreaks(tree, section.kind, pageMap);
    if (section.kind === 'body') {
      const parts = splitBody(tree);
      const digits = String(parts.length).length;
      parts.forEach((part, index) => {
        const single = parts.length === 1;
        const filename = single ? 'body.xhtml' : `body-${String(index + 1).padStart(digits, '0')}.xhtml`;
        if (part.heading && typeof part.heading.properties.id !== 'string') part.heading.properties.id = unusedId(tree, `chapter-${index + 1}`);
        // A book's part: its title page, the chapters after it nested under it in the navigation.
        const isPart =
          part.heading !== undefined &&
          String(part.heading.properties.className ?? '')
            .split(' ')
            .includes('part-title');
        const lang = part.heading?.properties.lang;
        // The chapter's language is its file's (each of its blocks says it in print).
        if (typeof lang === 'string') for (const child of part.children) if (child.type === 'element') delete child.properties.lang;
        add({
          filename,
          kind: isPart ? 'part' : part.heading ? 'chapter' : 'body',
          title: part.title || metadata.title,
          ...(typeof lang === 'string' ? { lang } : {}),
          ...(index === 0 ? { landmark: 'bodymatter' } : {}),
          ...(part.heading ? { headingId: String(part.heading.properties.id) } : {}),
          tree: { type: 'root', children: part.children },
        });
      });
    } else if (section.kind === 'contents' || section.kind === 'lists' || section.kind === 'half-title') {
      // A book's printed contents and lists: the e-book makes its own from its navigation (render-epub.ts);
      // a half title is a printed book's page only.
      continue;
    } else if (section.kind === 'notes') {
      // Endnotes gather in their own file; footnotes go to the end of the file that calls them.
      if (metadata.notes === 'endnotes') add({ filename: 'notes.xhtml', kind: 'notes', title: section.title, landmark: 'endnotes', tree });
    } else {
      const landmark = section.kind === 'title-page' ? 'titlepage' : section.kind === 'colophon' ? 'colophon' : undefined;
      add({ filename: `${section.id}.xhtml`, kind: section.kind, title: section.title, ...(landmark ? { landmark } : {}), tree });
    }
  }

  if (metadata.notes !== 'endnotes') placeFootnotes(documents, publication.notes, labels, project);
  for (const document of documents) {
    addEpubTypes(document.tree);
    if (document.kind === 'body' || document.kind === 'chapter') document.subheadings = subheadings(document);
  }
  return documents;
}

/** Each note as an <aside> at the end of the file of its first call: pop-up readers show it there.
 * A note called only from another note goes to the calling note's file. */
function placeFootnotes(documents: ContentDocument[], notes: Note[], labels: Labels, project: Project): void {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const placed = new Set<string>();
  const newlyCalled = (root: Root): Note[] => {
    const found: Note[] = [];
    visit(root, 'element', (node) => {
      if (node.properties.role !== 'doc-noteref') return;
      const note = byId.get(String(node.properties.href).replace(/^#/, ''));
      if (note && !placed.has(note.id)) {
        placed.add(note.id);
        found.push(note);
      }
    });
    return found;
  };
  const append = (document: ContentDocument, here: Note[]): Root => {
    const html = project.templates.render('epub/footnotes.ejs', {
      labels,
      notes: here.map((note) => noteTemplateData(note, labels)),
    });
    const asides = fromHtml(html.trim(), { fragment: true });
    document.tree.children.push(...asides.children);
    return asides;
  };
  for (const document of documents) {
    let here = newlyCalled(document.tree);
    while (here.length > 0) here = newlyCalled(append(document, here));
  }
  // Notes no text reaches (called only from notes that are themselves never called) still need a home.
  const orphans = notes.filter((note) => !placed.has(note.id));
  const last = documents.filter((document) => document.kind === 'body' || document.kind === 'chapter').at(-1);
  if (orphans.length > 0 && last) append(last, orphans);
}

function addEpubTypes(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const role = node.properties.role;
    if (typeof role === 'string' && EPUB_TYPES[role]) node.properties['epub:type'] = EPUB_TYPES[role];
    // A list item of an endnotes section is an endnote to reading systems (the deprecated
    // doc-endnote role is left out: ARIA says it by the list).
    if (role === 'doc-endnotes') {
      visit(node, 'element', (item) => {
        if (item.tagName === 'li') item.properties['epub:type'] = 'endnote';
      });
    }
  });
}

/** The body's headings for the table of contents, two levels under the document's entry: in a
 * chapter file h2 and h3 (its h1 is the entry), otherwise the two highest ranks it uses. */
function subheadings(document: ContentDocument): ContentDocument['subheadings'] {
  const ranks = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
  // A chapter's own heading is its entry, not one under it.
  const isOpening = (node: Element) => document.headingId !== undefined && node.properties.id === document.headingId;
  const present = new Set<string>();
  visit(document.tree, 'element', (node) => {
    if (ranks.includes(node.tagName) && !isOpening(node) && toString(node).trim() !== '') present.add(node.tagName);
  });
  const listed = ranks.filter((rank) => present.has(rank) && !(document.kind === 'chapter' && rank === 'h1')).slice(0, 2);
  const found: ContentDocument['subheadings'] = [];
  const taken = new Set<string>();
  visit(document.tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') taken.add(node.properties.id);
  });
  visit(document.tree, 'element', (node) => {
    // An empty heading has no entry: a contents entry must have text (EPUBCheck RSC-005).
    const depth = listed.indexOf(node.tagName) + 1;
    if (depth === 0 || isOpening(node) || toString(node).trim() === '') return;
    if (typeof node.properties.id !== 'string') {
      let n = found.length + 1;
      while (taken.has(`${document.id}-h${n}`)) n++;
      node.properties.id = `${document.id}-h${n}`;
      taken.add(node.properties.id);
    }
    found.push({ id: node.properties.id, title: toString(node).trim(), depth });
  });
  return found;
}

/** `wanted`, or wanted-2, -3 ... when the manuscript already uses that id. */
function unusedId(tree: Root, wanted: string): string {
  const taken = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') taken.add(node.properties.id);
  });
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  return id;
}

/** Same-document links (#id) that now point into another file get that file's name. */
export function linkAcrossFiles(documents: ContentDocument[]): void {
  const fileOf = new Map<string, string>();
  for (const document of documents) {
    visit(document.tree, 'element', (node) => {
      if (typeof node.properties.id === 'string' && !fileOf.has(node.properties.id)) fileOf.set(node.properties.id, document.filename);
    });
  }
  for (const document of documents) {
    visit(document.tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const target = fileOf.get(safeDecode(href.slice(1)));
      if (target && target !== document.filename) node.properties.href = `${target}${href}`;
    });
  }
}

/** The captioned figures (or tables) in reading order, for the navigation's list of them. */
export function captionedList(documents: ContentDocument[], tag: 'figure' | 'table'): { title: string; href: string }[] {
  const entries: { title: string; href: string }[] = [];
  for (const document of documents) {
    visit(document.tree, 'element', (node) => {
      const caption = node.tagName === tag ? captionOf(node) : undefined;
      const title = caption ? toString(caption).replace(/\s+/g, ' ').trim() : '';
      if (title && typeof node.properties.id === 'string') entries.push({ title, href: `${document.filename}#${node.properties.id}` });
    });
  }
  return entries;
}

/** The table of contents, three levels deep: each document, its headings, and theirs; in a book with
 * parts, each part, its chapters, and their first-level headings. */
export function navigation(documents: ContentDocument[]): NavEntry[] {
  const entries: NavEntry[] = [];
  let part: NavEntry | undefined;
  for (const document of documents.filter((candidate) => candidate.inToc)) {
    const children: NavEntry[] = [];
    const nested = part !== undefined && document.kind === 'chapter';
    for (const heading of document.subheadings) {
      const entry: NavEntry = { title: heading.title, href: `${document.filename}#${heading.id}`, children: [] };
      const parent = children.at(-1);
      // A second-level heading before any first-level one is listed at the first level; under a part
      // (a third level already) it is not listed.
      if (heading.depth === 2 && parent) {
        if (!nested) parent.children.push(entry);
      } else children.push(entry);
    }
    const entry = { title: document.title, href: document.filename, children };
    if (document.kind === 'part') {
      part = entry;
      entries.push(entry);
    } else if (nested) part!.children.push(entry);
    else {
      part = undefined;
      entries.push(entry);
    }
  }
  return entries;
}

export function landmarks(documents: ContentDocument[], labels: Labels): { type: string; href: string; title: string }[] {
  const titles: Record<string, string | undefined> = {
    cover: labels.cover,
    titlepage: labels.titlePage,
    toc: labels.contents,
    bodymatter: labels.startOfContent,
    endnotes: labels.notes,
    colophon: labels.colophon,
  };
  const found = documents.filter((document) => document.landmark).map((document) => ({ type: document.landmark!, href: document.filename, title: titles[document.landmark!] ?? document.title }));
  // Footnotes have no file of their own: the landmark leads to the first one, where it was placed.
  if (!found.some((landmark) => landmark.type === 'endnotes')) {
    // The first note's id: fn-1, or in a book whose notes restart per chapter, fn-<chapter>-1.
    const first = documents.find((document) => noteIds(document.tree).length > 0);
    const firstNote = first ? noteIds(first.tree)[0] : undefined;
    const colophon = found.findIndex((landmark) => landmark.type === 'colophon');
    if (first && firstNote) found.splice(colophon < 0 ? found.length : colophon, 0, { type: 'footnotes', href: `${first.filename}#${firstNote}`, title: labels.notes ?? 'Notes' });
  }
  return found;
}

/** The ids of the footnotes placed in a document, in order. */
function noteIds(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, 'element', (node) => {
    if (node.properties.role === 'doc-footnote' && typeof node.properties.id === 'string') ids.push(node.properties.id);
  });
  return ids;
}
