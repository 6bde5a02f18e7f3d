// The publication's metadata, from what the transform made of the manuscript (typeset and checked),
// the project's defaults and the brand, and the dates found at load. Pure: no file, no clock.
import path from 'node:path';
import { localize, type Brand } from '../load/brand-schema.js';
import type { Config } from '../load/config-schema.js';
import type { PublicationDates } from '../load/dates.js';
import type { FrontMatter, LanguageCode } from '../load/frontmatter-schema.js';
import type { DescribedMetadata } from '../transform/file-data.js';
import { slugify } from '../util/slug.js';
import { publicationIdentifier } from './identifier.js';
import type { Metadata } from './model.js';

export interface MetadataInputs {
  /** The manuscript's path: its name is the slug when the front matter gives none. */
  source: string;
  described: DescribedMetadata;
  frontMatter: Partial<FrontMatter> | undefined;
  lang: LanguageCode;
  dates: PublicationDates;
  defaults: Config['defaults'];
  brand: Brand;
  toolVersion: string;
}

export function buildMetadata(inputs: MetadataInputs): Metadata {
  const { described, frontMatter: matter, defaults, brand, dates } = inputs;
  // A book folder's name is its book's (every book.yaml is called that).
  const stem = path.basename(inputs.source) === 'book.yaml' ? path.basename(path.dirname(path.resolve(inputs.source))) : path.parse(inputs.source).name;
  const slug = matter?.slug ?? slugify(stem);
  const publicationType = matter?.type ?? defaults.publicationType;
  return {
    title: described.title,
    ...(described.subtitle !== undefined ? { subtitle: described.subtitle } : {}),
    shortTitle: described.shortTitle ?? described.title,
    authors: described.authors.map((author) => ({
      name: author.name,
      ...(author.role !== undefined ? { role: author.role } : {}),
      ...(author.bio ? { bio: author.bio } : {}),
      ...(author.photo ? { photo: author.photo } : {}),
    })),
    lang: inputs.lang,
    ...(matter?.date ? { date: matter.date } : {}),
    issued: dates.issued,
    year: dates.year,
    copyrightYears: brand.copyrightFrom && brand.copyrightFrom < dates.year ? `${brand.copyrightFrom}–${dates.year}` : String(dates.year),
    modified: dates.modified,
    ...(publicationType ? { publicationType } : {}),
    ...(described.description !== undefined ? { description: described.description } : {}),
    keywords: described.keywords,
    ...(described.photoCredit !== undefined ? { photoCredit: described.photoCredit } : {}),
    isbn: described.isbn,
    identifiers: {
      pdf: publicationIdentifier(described.isbn.pdf, localize(brand.name, 'en'), slug),
      epub: publicationIdentifier(described.isbn.epub, localize(brand.name, 'en'), slug),
    },
    ...(matter?.edition ? { edition: matter.edition } : {}),
    ...(matter?.series ? { series: matter.series } : {}),
    ...(described.cover ? { cover: described.cover } : {}),
    notes: (typeof matter?.notes === 'string' ? matter.notes : matter?.notes?.placement) ?? defaults.notes,
    noteNumbering: (typeof matter?.notes === 'object' ? matter.notes.numbering : undefined) ?? 'book',
    pageSize: matter?.pageSize ?? defaults.pageSize,
    slug,
    toolVersion: inputs.toolVersion,
  };
}
