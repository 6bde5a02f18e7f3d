// The print edition's HTML: the publication's sections in the document template, hyphenated, images
// inlined, fonts as data: URLs, so the page needs nothing but itself. In footnote mode the notes
// section gives way to one footnote element per note (footnotes.ts); in endnote mode it stays.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Project } from '../../load/project.js';
import { localize } from '../../load/brand-schema.js';
import type { Publication, SectionKind } from '../../publication/model.js';
import { renderTemplate } from '../../publication/section-template.js';
import { brandFonts, fontDataUrl, fontFaceCss } from '../fonts.js';
import { footnoteElement } from './footnotes.js';
import { hyphenateTree } from './hyphenate.js';
import { inlineImages } from './images.js';

/** Sections whose running text is hyphenated; the title page and colophon are set ragged. */
const HYPHENATED: SectionKind[] = ['body', 'notes', 'author'];

/** A string for CSS `content: "..."`. */
function cssString(value: string): string {
  return value.replace(/[\\"]/g, (character) => `\\${character}`).replace(/\n/g, ' ');
}

export interface PrintHtml {
  html: string;
  /** Image sources that were not inlined, with the reason. */
  droppedImages: string[];
}

export function printHtml(publication: Publication, project: Project): PrintHtml {
  const { metadata } = publication;
  const labels = project.labels[metadata.lang];
  const footnotes = metadata.notes === 'footnotes';
  const droppedImages: string[] = [];
  const prepare = (tree: Root, kind: SectionKind): string => {
    const copy = structuredClone(tree);
    droppedImages.push(...inlineImages(copy, project.root));
    if (HYPHENATED.includes(kind)) hyphenateTree(copy, metadata.lang);
    return toHtml(copy);
  };
  const sections = publication.sections
    .filter((section) => !(footnotes && section.kind === 'notes'))
    .map((section) => ({ kind: section.kind, id: section.id, html: prepare(section.content, section.kind) }));
  const notes = footnotes
    ? publication.notes.map((note) => prepare({ type: 'root', children: [footnoteElement(note, labels!)] }, 'notes'))
    : [];
  const styles = (name: string) => readFileSync(path.join(project.stylesDir, name), 'utf8');
  const html = renderTemplate(path.join(project.templatesDir, 'pdf', 'document.ejs'), {
    meta: metadata,
    brand: project.brand,
    brandName: localize(project.brand.name, metadata.lang),
    labels,
    sections,
    footnotes: notes,
    fontCss: fontFaceCss(brandFonts(project.brand), fontDataUrl),
    css: [styles('print.css'), styles(path.join('page', `${metadata.pageSize}.css`))].join('\n'),
    cssString,
  });
  return { html, droppedImages };
}
