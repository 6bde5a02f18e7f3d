// Package the publication as EPUB 3 with epub-gen-memory, with our own templates (templates/epub)
// for the package document, navigation and chapters. Nothing is fetched: fonts are added from the
// brand's @fontsource packages, and dates and identifiers come from the model, so the same inputs
// give the same bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EPub } from 'epub-gen-memory';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { localize } from '../../load/brand-schema.js';
import type { Project } from '../../load/project.js';
import type { Publication, Section, SectionKind } from '../../publication/model.js';
import { brandFonts, fontFaceCss } from '../fonts.js';

/** epub-gen-memory keeps its zip protected; this subclass adds files and fixes entry dates. */
class PackagedEpub extends EPub {
  addFile(name: string, data: Uint8Array | string): void {
    this.zip.file(name, data);
  }
  async packed(date: Date): Promise<Buffer> {
    await this.render();
    // Every entry gets the publication's date, so two builds give the same zip.
    this.zip.forEach((_, entry) => {
      entry.date = date;
    });
    return this.zip.generateAsync({
      type: 'nodebuffer',
      mimeType: 'application/epub+zip',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
  }
}

const LANDMARKS: Partial<Record<SectionKind, string>> = {
  'title-page': 'titlepage',
  body: 'bodymatter',
  notes: 'endnotes',
  colophon: 'colophon',
};

// ARIA roles and the epub:type each implies: reading systems key pop-up notes on epub:type.
const EPUB_TYPES: Record<string, string> = {
  'doc-noteref': 'noteref',
  'doc-endnotes': 'endnotes',
  'doc-backlink': 'backlink',
  'doc-footnote': 'footnote',
};

export interface EpubResult {
  bytes: Buffer;
}

export async function renderEpub(publication: Publication, project: Project): Promise<EpubResult> {
  const { metadata } = publication;
  const labels = project.labels[metadata.lang]!;
  const brandName = localize(project.brand.name, metadata.lang);
  const fonts = brandFonts(project.brand);
  const fileOf = new Map(publication.sections.map((section) => [section.id, `${section.id}.xhtml`]));
  const idToFile = new Map<string, string>();
  for (const section of publication.sections) {
    visit(section.content, 'element', (node) => {
      if (typeof node.properties.id === 'string') idToFile.set(node.properties.id, fileOf.get(section.id)!);
    });
  }

  const chapters = publication.sections.map((section) => ({
    id: `section-${section.id}`,
    kind: section.kind,
    title: section.title,
    filename: fileOf.get(section.id)!,
    landmark: LANDMARKS[section.kind],
    content: chapterHtml(section, idToFile, fileOf.get(section.id)!),
  }));

  const families = (css: string) =>
    css.replaceAll('var(--font-body)', `"${fonts.body}", serif`).replaceAll('var(--font-heading)', `"${fonts.heading}", sans-serif`);
  const css = [fontFaceCss(fonts, (face) => `fonts/${face.fileName}`), families(readFileSync(path.join(project.stylesDir, 'epub.css'), 'utf8'))].join('\n');
  const resources = fonts.faces.map((face, index) => ({ id: `font-${index + 1}`, href: `fonts/${face.fileName}`, mediaType: 'font/woff2' }));
  const from = project.brand.copyrightFrom;
  const years = from && from < metadata.year ? `${from}–${metadata.year}` : String(metadata.year);
  const template = (name: string) => readFileSync(path.join(project.templatesDir, 'epub', name), 'utf8');

  const epub = new PackagedEpub(
    {
      title: metadata.title,
      author: metadata.authors.map((author) => author.name),
      publisher: brandName,
      description: metadata.description ?? metadata.title,
      lang: metadata.lang,
      css,
      fonts: [],
      tocTitle: labels.contents,
      prependChapterTitles: false,
      version: 3,
      verbose: false,
      contentOPF: template('content.opf.ejs'),
      tocXHTML: template('toc.xhtml.ejs'),
      tocNCX: template('toc.ncx.ejs'),
      chapterXHTML: template('chapter.xhtml.ejs'),
      // Read by our templates only.
      ...({
        meta: metadata,
        labels,
        brandName,
        rights: `© ${years} ${brandName}. ${labels.allRightsReserved}`,
        modified: metadata.modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        chapters,
        resources,
        accessibility: {
          modes: ['textual'],
          sufficient: 'textual',
          features: ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'],
          summary: `This publication meets WCAG 2.1 Level AA. It is text only, with a table of contents, headings that give its structure, and notes that link to and from the text.`,
        },
      } as object),
    },
    chapters.map(({ title, filename, content, kind }) => ({ title, filename, content, kind, excludeFromToc: false })),
  );
  for (const face of fonts.faces) epub.addFile(`OEBPS/fonts/${face.fileName}`, readFileSync(face.file));
  return { bytes: await epub.packed(metadata.modified) };
}

/** A section as chapter HTML: epub:type beside each ARIA role, links across files made relative. */
function chapterHtml(section: Section, idToFile: Map<string, string>, ownFile: string): string {
  const tree = structuredClone(section.content) as Root;
  visit(tree, 'element', (node: Element) => {
    const role = node.properties.role;
    if (typeof role === 'string' && EPUB_TYPES[role]) node.properties['epub:type'] = EPUB_TYPES[role];
    // Each note of an endnotes section is an endnote to reading systems (ARIA says it by the list).
    if (role === 'doc-endnotes') {
      visit(node, 'element', (item) => {
        if (item.tagName === 'li') item.properties['epub:type'] = 'endnote';
      });
    }
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) {
      const target = idToFile.get(href.slice(1));
      if (target && target !== ownFile) node.properties.href = `${target}${href}`;
    }
  });
  return toHtml(tree);
}
