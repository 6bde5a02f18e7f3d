// Assemble the publication model: the metadata and the sections in reading order (title page, body,
// notes, author page, colophon), the section pages from the designer's templates. Pure: everything
// it reads was made and checked before (the transform's file data, the project, the dates).
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { hastToHtml } from '../util/html.js';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { localize } from '../load/brand-schema.js';
import type { PublicationDates } from '../load/dates.js';
import type { Project } from '../load/project.js';
import { TOOL_VERSION } from '../load/tool-version.js';
import '../transform/file-data.js';
import { buildMetadata } from './metadata.js';
import type { BookBody } from './book-body.js';
import type { Publication, Section } from './model.js';
import { noteTemplateData } from './note-data.js';

/** A book (`chapters:`) gives its assembled body, notes, assets and contents, and its chapter files. */
export interface BookParts extends BookBody {
  chapterFiles: string[];
}

export function buildPublication(file: VFile, body: Root, project: Project, dates: PublicationDates, book?: BookParts): Publication {
  const described = file.data.described;
  if (!described) throw new Error('buildPublication: the transform described no document (file.data.described)');
  const lang = file.data.lang ?? project.config.defaults.lang;
  const metadata = buildMetadata({
    source: file.path,
    described,
    frontMatter: file.data.frontMatter,
    lang,
    dates,
    defaults: project.config.defaults,
    brand: project.brand,
    toolVersion: TOOL_VERSION,
  });
  const labels = project.labels[lang];
  const brandName = localize(project.brand.name, lang);
  const section = (name: string, data: object): Root => fromHtml(project.templates.render(`sections/${name}.ejs`, data).trim(), { fragment: true });
  const common = {
    meta: metadata,
    brand: project.brand,
    brandName,
    labels,
    formatDate: dateFormatter(lang),
    // Case changes follow the document's language: "i".toLocaleUpperCase('tr') is "İ".
    upper: (text: string) => text.toLocaleUpperCase(lang),
  };
  const notes = book ? book.notes : (file.data.notes ?? []);

  const sections: Section[] = [];
  // A book's front matter: half title, title page, copyright page on its back, contents, lists of
  // figures and tables, preface.
  if (book) sections.push({ kind: 'half-title', id: 'half-title', title: metadata.title, content: section('half-title', common) });
  sections.push({ kind: 'title-page', id: 'title-page', title: labels.titlePage, content: section('title-page', common) });
  if (book) {
    sections.push({ kind: 'copyright', id: 'copyright', title: labels.copyrightPage, content: section('copyright', { ...common, years: metadata.copyrightYears }) });
    const preface = book.preface ? withHeading(book.preface, labels.preface) : undefined;
    const entries = [...(preface ? [{ title: labels.preface, href: '#preface', kind: 'front' as const, children: [] }] : []), ...book.contents];
    // A book's printed contents (the EPUB makes its own from its navigation).
    sections.push({ kind: 'contents', id: 'contents', title: labels.contents, content: section('contents', { labels, entries }) });
    // A book's lists of its captioned figures and tables, after the contents (each on a page of its own).
    if (book.figures.length + book.tables.length > 0) {
      const title = book.figures.length > 0 ? labels.listOfFigures : labels.listOfTables;
      sections.push({ kind: 'lists', id: 'lists', title, content: section('lists', { labels, figures: book.figures, tables: book.tables }) });
    }
    if (preface) sections.push({ kind: 'preface', id: 'preface', title: labels.preface, content: preface });
  }
  sections.push({ kind: 'body', id: 'body', title: metadata.title, content: book ? book.body : body });
  if (notes.length > 0) {
    sections.push({ kind: 'notes', id: 'notes', title: labels.notes, content: section('notes', { labels, notes: notes.map((note) => noteTemplateData(note, labels)) }) });
  }
  // A book's chapter authors with a biography join its own (an anthology's authors section).
  const bookAuthors = new Set(metadata.authors.map((author) => author.name));
  const withBio = [...metadata.authors, ...(book?.chapterAuthors ?? []).filter((author) => !bookAuthors.has(author.name))].filter((author) => author.bio);
  if (withBio.length > 0) {
    const authors = withBio.map((author) => ({
      ...author,
      bioHtml: hastToHtml(author.bio!),
      photoHtml: author.photo ? hastToHtml(h('img', { src: author.photo, alt: author.name })) : '',
    }));
    sections.push({
      kind: 'author',
      id: 'author',
      title: withBio.length > 1 ? labels.aboutTheAuthors : labels.aboutTheAuthor,
      content: section('author-page', { ...common, authors }),
    });
  }
  sections.push({ kind: 'colophon', id: 'colophon', title: labels.colophon, content: section('colophon', { ...common, years: metadata.copyrightYears }) });

  return {
    metadata,
    brand: project.brand,
    sections,
    notes,
    assets: book ? book.assets : (file.data.assets?.all ?? []),
    source: { path: path.resolve(file.path), dir: path.dirname(path.resolve(file.path)), chapters: book?.chapterFiles ?? [] },
  };
}

/** The preface under its heading: its own, else one saying "Preface". */
function withHeading(preface: Root, label: string): Root {
  const first = preface.children.find((node) => node.type === 'element');
  if (first?.type === 'element' && /^h[1-3]$/.test(first.tagName)) return preface;
  return { type: 'root', children: [h('h2', { className: ['preface-title'] }, label), ...preface.children] };
}

function dateFormatter(lang: string) {
  return (date: string): string => {
    const [year, month, day] = date.split('-').map(Number);
    if (month === undefined) return String(year);
    const value = new Date(Date.UTC(year!, month - 1, day ?? 1));
    const options: Intl.DateTimeFormatOptions = day === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(lang, options).format(value);
  };
}
