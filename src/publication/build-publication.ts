// Assemble the publication model from the transformed manuscript: metadata from the front matter
// (or what a converted document says of itself) and the sections in reading order.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { v5 as uuidv5 } from 'uuid';
import type { VFile } from 'vfile';
import type { FrontMatterAuthor } from '../load/frontmatter-schema.js';
import { localize } from '../load/brand-schema.js';
import { PACKAGE_ROOT, type Project } from '../load/project.js';
import { typographyFor } from '../transform/plugins/remark-typography.js';
import { markdownToSafeHast, mdastToSafeHast, type SafeHtmlOptions } from '../transform/safe-html.js';
import '../transform/file-data.js';
import type { Author, Metadata, Publication, Section } from './model.js';
import { noteTemplateData } from './note-data.js';
import { renderSectionTemplate } from './section-template.js';

export const TOOL_VERSION = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

// A fixed namespace: the same publication always gets the same urn:uuid.
const IDENTIFIER_NAMESPACE = 'b7a1f0c2-5d3e-4c8a-9f61-2e4d8c0a7b15';

export interface BuildClock {
  /** SOURCE_DATE_EPOCH, in seconds, when set. */
  sourceDateEpoch?: number;
}

export function readClock(env: NodeJS.ProcessEnv = process.env): BuildClock {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return {};
  if (!/^\d+$/.test(value)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${value}"`);
  return { sourceDateEpoch: Number(value) };
}

export async function buildPublication(file: VFile, body: Root, project: Project, clock: BuildClock): Promise<Publication> {
  const metadata = await buildMetadata(file, project, clock);
  const labels = project.labels[metadata.lang];
  const brandName = localize(project.brand.name, metadata.lang);
  const common = {
    meta: metadata,
    brand: project.brand,
    brandName,
    labels,
    formatDate: dateFormatter(metadata.lang),
    // Case changes follow the document's language: "i".toLocaleUpperCase('tr') is "İ".
    upper: (text: string) => text.toLocaleUpperCase(metadata.lang),
  };
  const notes = file.data.notes ?? [];

  const sections: Section[] = [
    {
      kind: 'title-page',
      id: 'title-page',
      title: labels.titlePage!,
      content: renderSectionTemplate(project.templatesDir, 'title-page', common),
    },
    { kind: 'body', id: 'body', title: metadata.title, content: body },
  ];
  if (notes.length > 0) sections.push({ kind: 'notes', id: 'notes', title: labels.notes!, content: renderSectionTemplate(project.templatesDir, 'notes', { labels, notes: notes.map((note) => noteTemplateData(note, labels)) }) });
  const withBio = metadata.authors.filter((author) => author.bio);
  if (withBio.length > 0) {
    const authors = withBio.map((author) => ({ ...author, bioHtml: toHtml(author.bio!), photoHtml: author.photo ? toHtml(author.photo) : '' }));
    sections.push({
      kind: 'author',
      id: 'author',
      title: withBio.length > 1 ? labels.aboutTheAuthors! : labels.aboutTheAuthor!,
      content: renderSectionTemplate(project.templatesDir, 'author-page', { ...common, authors }),
    });
  }
  sections.push({
    kind: 'colophon',
    id: 'colophon',
    title: labels.colophon!,
    content: renderSectionTemplate(project.templatesDir, 'colophon', { ...common, years: metadata.copyrightYears }),
  });

  return {
    metadata,
    brand: project.brand,
    sections,
    notes,
    source: { path: path.resolve(file.path), dir: path.dirname(path.resolve(file.path)) },
  };
}

async function buildMetadata(file: VFile, project: Project, clock: BuildClock): Promise<Metadata> {
  const matter = file.data.frontMatter;
  const imported = file.data.imported ?? {};
  const defaults = project.config.defaults;
  const lang = matter?.lang ?? defaults.lang;
  const title = matter?.title ?? imported.title ?? path.parse(file.path).name;
  const authors = await resolveAuthors(file, { projectRoot: project.root, typeset: typographyFor(project.labels[lang]) });
  const modified = clock.sourceDateEpoch !== undefined ? new Date(clock.sourceDateEpoch * 1000) : new Date();
  const year = matter?.date ? Number(matter.date.slice(0, 4)) : modified.getUTCFullYear();
  const slug = matter?.slug ?? slugify(path.parse(file.path).name);
  const isbn = matter?.isbn;
  const identity = [localize(project.brand.name, 'en'), slug, title, authors.map((a) => a.name).join(';'), lang].join('\n');
  return {
    title,
    ...(matter?.subtitle ? { subtitle: matter.subtitle } : {}),
    shortTitle: matter?.shortTitle ?? title,
    authors,
    lang,
    ...(matter?.date ? { date: matter.date } : {}),
    year,
    copyrightYears: project.brand.copyrightFrom && project.brand.copyrightFrom < year ? `${project.brand.copyrightFrom}–${year}` : String(year),
    modified,
    ...(matter?.type ?? defaults.publicationType ? { publicationType: matter?.type ?? defaults.publicationType } : {}),
    ...(matter?.description ? { description: matter.description } : {}),
    keywords: matter?.keywords ?? [],
    ...((matter?.photoCredit ?? imported.photoCredit) ? { photoCredit: matter?.photoCredit ?? imported.photoCredit } : {}),
    ...(isbn ? { isbn } : {}),
    identifier: isbn ? `urn:isbn:${isbn.replace(/[- ]/g, '')}` : `urn:uuid:${uuidv5(identity, IDENTIFIER_NAMESPACE)}`,
    ...(matter?.edition ? { edition: matter.edition } : {}),
    ...(matter?.series ? { series: matter.series } : {}),
    ...(matter?.cover ? { cover: resolveCover(file, matter.cover) } : {}),
    notes: matter?.notes ?? defaults.notes,
    pageSize: matter?.pageSize ?? defaults.pageSize,
    slug,
    toolVersion: TOOL_VERSION,
  };
}

/** The cover image named in the front matter, relative to the manuscript; a missing file is an error. */
function resolveCover(file: VFile, cover: string): string {
  const resolved = path.resolve(path.dirname(path.resolve(file.path)), cover);
  if (!existsSync(resolved)) {
    const message = file.message(`The cover image ${cover} does not exist`, { ruleId: 'cover-not-found', source: 'avim-press' });
    message.fatal = true;
  }
  return resolved;
}

/** Front matter authors (bio as Markdown), else the converted document's; the lifted
 * "About the Author" section is the first author's bio when the front matter gives none. */
async function resolveAuthors(file: VFile, options: SafeHtmlOptions & { typeset: (tree: MdastRoot) => void }): Promise<Author[]> {
  const declared = file.data.frontMatter?.author;
  const list: (string | FrontMatterAuthor)[] = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  const authors: Author[] = [];
  for (const [index, entry] of list.entries()) {
    const author = typeof entry === 'string' ? { name: entry } : entry;
    // A photo goes through the same image checks as the text's images (inside the project, found).
    const photo = author.photo ? await mdastToSafeHast([{ type: 'image', url: author.photo, alt: author.name, position: photoPosition(file, index) }], file, options) : undefined;
    authors.push({
      name: author.name,
      ...(author.role ? { role: author.role } : {}),
      ...(author.bio ? { bio: await markdownToSafeHast(author.bio, file, { ...options, firstLine: file.data.authorLines?.[index]?.bio }) } : {}),
      ...(photo ? { photo } : {}),
    });
  }
  if (authors.length === 0) authors.push(...(file.data.imported?.authors ?? []));
  const section = file.data.authorSection;
  if (section && section.length > 0) {
    const bio: Root = { type: 'root', children: section };
    if (authors[0] && !authors[0].bio) authors[0].bio = bio;
    else if (!authors[0]) file.message('An "About the Author" section, but no author is named', { ruleId: 'author-missing', source: 'avim-press' });
  }
  return authors;
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

export function slugify(name: string): string {
  return (
    name
      .toLocaleLowerCase('tr')
      .replace(/ı/g, 'i')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'manuscript'
  );
}

/** The front-matter line of an author's photo, for a problem with it (else the front matter). */
function photoPosition(file: VFile, index: number) {
  const line = file.data.authorLines?.[index]?.photo;
  // (rehype-raw wants offsets; only the line is reported.)
  return line ? { start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } } : file.data.frontMatterPosition;
}
