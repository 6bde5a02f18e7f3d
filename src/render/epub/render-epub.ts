// The EPUB 3 edition: the publication's sections as content documents (body split per chapter,
// notes as pop-up footnotes or endnotes), the manuscript's images and a cover, the brand's fonts,
// full package metadata with accessibility metadata stated from the content, navigation with
// landmarks and an NCX. Nothing is fetched, and dates and identifiers come from the model, so the
// same inputs give the same bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Browser } from 'puppeteer';
import { localize } from '../../load/brand-schema.js';
import type { Labels, Project } from '../../load/project.js';
import type { Templates } from '../../load/templates.js';
import type { Author, Publication } from '../../publication/model.js';
import { loadTypefaces } from '../../load/typefaces.js';
import { fontFaceCss, fontStacks, resolveFontVariables } from '../fonts.js';
import { accessibilityFacts, accessibilityMetadata, type AccessibilityFacts, type ConformanceCheck } from './accessibility.js';
import { captionedList, contentDocuments, landmarks, linkAcrossFiles, navigation, type ContentDocument, type NavEntry } from './documents.js';
import { coverImage } from './cover.js';
import { pageList } from './page-breaks.js';
import type { PageStart } from '../page-map.js';
import { embeddedFonts } from './embedded-fonts.js';
import { ImagePackage, type PackagedImage } from './images.js';
import { packageEpub } from './packaged-epub.js';
import { collectStyledText, shownDocuments } from './styled-text.js';
import { toXhtml } from './xhtml.js';

export interface EpubOptions {
  /** The run's browser, launched on first use: it finds which faces set the text, and draws the
   * cover when the manuscript names none. */
  browser: () => Promise<Browser>;
  /** A conformance claim, made only when a checker found the EPUB conforms (build --validate, with Ace). */
  conformance?: ConformanceCheck;
  /** Where the print edition's pages start (the PDF render of the same publication): each gets a
   * page-break marker and an entry in the page list. Without it, the EPUB has no page list. A promise
   * when the PDF is made at the same time (undefined if it fails). */
  pageMap?: PageStart[] | Promise<PageStart[] | undefined>;
}

export interface EpubResult {
  bytes: Buffer;
  /** What the accessibility metadata was stated from (a conformance claim needs every image's alt decided). */
  facts: AccessibilityFacts;
}

/** The e-book's documents, navigation and images, with page-break markers where `pageMap` says. */
function assemble(publication: Publication, project: Project, packaged: { images: ImagePackage; cover: PackagedImage }, pageMap: PageStart[] | undefined) {
  const { metadata } = publication;
  const labels = project.labels[metadata.lang];
  const documents = contentDocuments(publication, project, pageMap);
  const { images, cover } = packaged;
  for (const document of documents) images.rewrite(document.tree);
  // Before the cover joins: a cover image does not make a text book a visual one.
  const pages = pageList(documents);
  const facts = accessibilityFacts(documents, pages.length > 0);
  documents.unshift(coverDocument(cover.href, publication, project));
  const nav = navigation(documents);
  // A visible contents page after the title page, for any work with sections: KDP asks for one, and
  // it is the `toc` landmark.
  if (nav.some((entry) => entry.children.length > 0) || documents.filter((document) => document.kind === 'chapter').length > 1) {
    const contents = contentsDocument(nav, project.templates, labels);
    // (After a book's copyright page, which is the back of its title page.)
    const before = documents.findIndex((document) => document.kind === 'copyright');
    documents.splice((before >= 0 ? before : documents.findIndex((document) => document.kind === 'title-page')) + 1, 0, contents);
  }
  linkAcrossFiles(documents);
  // Lists of the captioned figures and tables, in the navigation document (epub:type loi, lot).
  const lists = { figures: captionedList(documents, 'figure'), tables: captionedList(documents, 'table') };
  const navigationDocument = {
    bodyClass: '',
    html: /<body[^>]*>([\s\S]*)<\/body>/.exec(project.templates.render('epub/toc.xhtml.ejs', { meta: metadata, labels, nav, landmarks: landmarks(documents, labels), pages, lists }))?.[1] ?? '',
  };
  return { documents, cover, pages, facts, nav, lists, navigationDocument };
}

export async function renderEpub(publication: Publication, project: Project, options: EpubOptions): Promise<EpubResult> {
  const { metadata } = publication;
  const labels = project.labels[metadata.lang];
  const brandName = localize(project.brand.name, metadata.lang);
  const template = (name: string) => readFileSync(path.join(project.templatesDir, 'epub', name), 'utf8');

  // Each face the text is set in, subset to what it sets; the stylesheet without custom properties.
  const typefaces = loadTypefaces(project.brand);
  const stylesheet = resolveFontVariables(readFileSync(path.join(project.stylesDir, 'epub.css'), 'utf8'), fontStacks(typefaces));
  // The documents' styled text, the long part of the work, does not wait for the page map of a PDF
  // made at the same time: page-break markers hold no text. The navigation document (its page list
  // has the pages' labels) is read once the map is there.
  // The images and the cover, packaged once for both (an image is packaged once however often it is shown).
  const images = new ImagePackage(publication.assets);
  const packaged = { images, cover: await coverImage(publication, project, images, options.browser) };
  const draft = assemble(publication, project, packaged, undefined);
  const documentRuns = collectStyledText(await options.browser(), shownDocuments(draft.documents), stylesheet, metadata.lang);
  let pageMap: PageStart[] | undefined;
  try {
    pageMap = await options.pageMap;
  } finally {
    // Heard, whatever happens to the page map.
    await documentRuns.catch(() => undefined);
  }
  const { documents, cover, pages, facts, nav, lists, navigationDocument } = pageMap ? assemble(publication, project, packaged, pageMap) : draft;
  const navigationRuns = await collectStyledText(await options.browser(), [navigationDocument], stylesheet, metadata.lang);
  const fonts = await embeddedFonts([...(await documentRuns), ...navigationRuns], typefaces);
  const css = [
    fontFaceCss(
      fonts.map((font) => font.face),
      (face) => `fonts/${face.fileName}`,
    ),
    stylesheet,
  ].join('\n');
  const resources = [
    ...fonts.map(({ face }, index) => ({ id: `font-${index + 1}`, href: `fonts/${face.fileName}`, mediaType: face.mediaType })),
    ...images.images.map(({ id, href, mediaType, properties }) => ({ id, href, mediaType, ...(properties ? { properties } : {}) })),
  ];

  const fontFiles = fonts.map(({ face, data }) => ({ path: `OEBPS/fonts/${face.fileName}`, data }));
  const imageFiles = images.images.map((image) => ({ path: `OEBPS/${image.href}`, data: image.data }));
  const bytes = await packageEpub(
    {
      title: metadata.title,
      author: metadata.authors.map((author) => author.name),
      publisher: brandName,
      description: metadata.description ?? metadata.title,
      lang: metadata.lang,
      css,
      tocTitle: labels.contents,
      prependChapterTitles: false,
      version: 3,
      contentOPF: template('content.opf.ejs'),
      tocXHTML: template('toc.xhtml.ejs'),
      tocNCX: template('toc.ncx.ejs'),
      chapterXHTML: template('chapter.xhtml.ejs'),
      meta: metadata,
      labels,
      brandName,
      rights: `© ${metadata.copyrightYears} ${brandName}. ${labels.allRightsReserved}`,
      pubDate: metadata.issued,
      modified: metadata.modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      creators: metadata.authors.map((author) => ({ name: author.name, relator: relator(author) })),
      documents,
      nav,
      landmarks: landmarks(documents, labels),
      pages,
      lists,
      resources,
      coverImage: { id: cover.id },
      accessibility: accessibilityMetadata(facts, options.conformance),
    },
    documents.map((document) => ({
      id: document.id,
      title: document.title,
      filename: document.filename,
      kind: document.kind,
      ...(document.headingId ? { headingId: document.headingId } : {}),
      ...(document.lang ? { lang: document.lang } : {}),
      // The library's own `content` goes through its HTML clean-up: ours passes beside it.
      content: '',
      xhtml: toXhtml(document.tree),
    })),
    [...fontFiles, ...imageFiles],
    metadata.modified,
  );
  return { bytes, facts };
}

function coverDocument(src: string, publication: Publication, project: Project): ContentDocument {
  const labels = project.labels[publication.metadata.lang];
  return {
    id: 'doc-cover',
    filename: 'cover.xhtml',
    kind: 'cover',
    title: labels.cover,
    landmark: 'cover',
    inToc: false,
    subheadings: [],
    tree: fromHtml(project.templates.render('epub/cover.ejs', { src, meta: publication.metadata, labels }).trim(), { fragment: true }),
  };
}

function contentsDocument(nav: NavEntry[], templates: Templates, labels: Labels): ContentDocument {
  return {
    id: 'doc-contents',
    filename: 'contents.xhtml',
    kind: 'contents',
    title: labels.contents,
    landmark: 'toc',
    inToc: false,
    subheadings: [],
    tree: fromHtml(templates.render('sections/contents.ejs', { labels, entries: nav }).trim(), { fragment: true }),
  };
}

/** MARC relator for the package's creator role: the manuscript names roles in words. */
function relator(author: Author): string {
  return /\bedit(or|ör)/i.test(author.role ?? '') ? 'edt' : 'aut';
}
