// What the document says of itself, made ready for the title page, author page, colophon and the
// artifacts' metadata: from the front matter, else from what a converted document's title block and
// photo line say. Every text is typeset like the body (quotes, apostrophes, dashes in the document's
// language) and keeps its place, so the checks the body gets (glyphs) reach it too; a bio's Markdown
// is parsed at its own lines; a photo and the cover join the document's asset list.
import type { Root } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { FrontMatterAuthor, LanguageCode } from '../../load/frontmatter-schema.js';
import type { Labels } from '../../load/locale-schema.js';
import type { ValuePlace } from '../../load/yaml-data.js';
import { problem } from '../../problems/problem.js';
import type { Asset } from '../assets.js';
import { parseFieldMarkdown } from '../field-markdown.js';
import type { DescribedAuthor, DescribedMetadata, PlacedText } from '../file-data.js';
import { resolveImage } from '../resolve-image.js';
import { typesetText } from '../typeset-text.js';
import { nameCase, titleCase } from '../title-case.js';
import { typographyFor } from './remark-typography.js';
import '../file-data.js';

export interface DocumentMetadataOptions {
  labels: Record<LanguageCode, Labels>;
  projectRoot: string;
}

export default function remarkDocumentMetadata(options: DocumentMetadataOptions) {
  return (_tree: Root, file: VFile) => {
    const matter = file.data.frontMatter;
    const imported = file.data.imported ?? {};
    const places = file.data.frontMatterPlaces ?? new Map<string, ValuePlace>();
    const typeset = typographyFor(options.labels[file.data.lang ?? 'en']);
    const texts: PlacedText[] = [];
    const placeOf = (key: string) => {
      const place = places.get(key);
      return place ? { line: place.line, column: place.column } : undefined;
    };
    const text = (value: string | undefined, place: PlacedText['place']): string | undefined => {
      if (value === undefined) return undefined;
      const result = typesetText(value, typeset);
      texts.push({ value: result, place });
      return result;
    };
    const fromMatter = (key: string) => text(matter?.[key as 'title'], placeOf(key));

    const lang = file.data.lang ?? 'en';
    // A converted document's title and names in capitals are the page's styling, not the words.
    const title = fromMatter('title') ?? text(imported.title === undefined ? undefined : titleCase(imported.title, lang), imported.titlePlace) ?? '';
    let description = fromMatter('description');
    // A description that only repeats the title tells a reader or a store nothing.
    if (description !== undefined && comparable(description, lang) === comparable(title, lang)) {
      problem(file, 'The description only repeats the title, so it is left out of the metadata: describe what the text says, or drop `description`', {
        place: placeOf('description'),
        ruleId: 'description-title',
        severity: 'warning',
      });
      description = undefined;
    }
    const authors: DescribedAuthor[] = matter?.author !== undefined ? declaredAuthors(matter.author) : importedAuthors();
    const described: DescribedMetadata = {
      title,
      ...optional('subtitle', fromMatter('subtitle')),
      ...optional('shortTitle', fromMatter('shortTitle')),
      ...optional('description', description),
      keywords: (matter?.keywords ?? []).map((keyword, index) => text(keyword, placeOf(`keywords.${index}`))!),
      ...optional('photoCredit', matter?.photoCredit !== undefined ? fromMatter('photoCredit') : text(imported.photoCredit, imported.photoCreditPlace)),
      authors,
      ...optional('cover', matter?.cover !== undefined ? imageAsset(matter.cover, 'cover') : undefined),
      isbn: editionIsbns(),
      texts,
    };
    file.data.described = described;

    function declaredAuthors(declared: NonNullable<NonNullable<typeof matter>['author']>): DescribedAuthor[] {
      const list = Array.isArray(declared) ? declared : [declared];
      return list.map((entry: string | FrontMatterAuthor, index) => {
        const key = Array.isArray(declared) ? `author.${index}` : 'author';
        if (typeof entry === 'string') return { name: text(entry, placeOf(key))! };
        const bioPlace = places.get(`${key}.bio`);
        let bioMarkdown: Root | undefined;
        if (entry.bio !== undefined) {
          bioMarkdown = parseFieldMarkdown(entry.bio, bioPlace, file);
          typeset(bioMarkdown);
        }
        return {
          name: text(entry.name, placeOf(`${key}.name`))!,
          ...optional('role', text(entry.role, placeOf(`${key}.role`))),
          ...optional('bioMarkdown', bioMarkdown),
          ...optional('photo', entry.photo !== undefined ? imageAsset(entry.photo, `${key}.photo`) : undefined),
        };
      });
    }

    function importedAuthors(): DescribedAuthor[] {
      return (imported.authors ?? []).map((author) => ({
        name: text(nameCase(author.name, lang), author.place)!,
        ...optional('role', text(author.role, author.place)),
      }));
    }

    /** Each edition's ISBN; one ISBN for both is accepted with a warning (stores and libraries refuse it). */
    function editionIsbns(): DescribedMetadata['isbn'] {
      const given = matter?.isbn;
      if (given === undefined) return {};
      const shared = typeof given === 'string' ? given : given.pdf !== undefined && given.pdf === given.epub ? given.pdf : undefined;
      if (shared !== undefined) {
        problem(file, 'One ISBN for both the PDF and the EPUB: each edition needs its own (isbn: { pdf: …, epub: … })', {
          place: placeOf('isbn') ?? placeOf('isbn.pdf'),
          ruleId: 'isbn-shared',
          severity: 'warning',
        });
        return { pdf: shared, epub: shared };
      }
      return typeof given === 'string' ? {} : { ...optional('pdf', given.pdf), ...optional('epub', given.epub) };
    }

    /** The real path of the image's asset, or undefined after an error at the value's place. */
    function imageAsset(src: string, key: string): string | undefined {
      const resolved = resolveImage(src.trim(), file, options.projectRoot);
      if ('asset' in resolved) {
        if (key === 'cover') checkCover(file, resolved.asset, placeOf(key) ?? file.data.frontMatterPosition?.start);
        return resolved.asset.path;
      }
      problem(file, key === 'cover' && resolved.ruleId === 'image-missing' ? `The cover image ${src} does not exist` : resolved.reason, {
        place: placeOf(key) ?? file.data.frontMatterPosition,
        ruleId: key === 'cover' && resolved.ruleId === 'image-missing' ? 'cover-not-found' : resolved.ruleId,
      });
      return undefined;
    }
  };
}

// What stores and reading systems take (KDP: 1000 px at least on the short side, 1600 × 2560
// ideal; a portrait between 1:1.3 and 1:1.8): a cover outside would be refused or shown distorted.
const COVER = { minShort: 1000, minRatio: 1.3, maxRatio: 1.8, idealWidth: 1600, idealHeight: 2560 };

function checkCover(file: VFile, asset: Asset, place: Point | undefined): void {
  const { width, height } = asset;
  if (!width || !height) {
    if (asset.mediaType !== 'image/svg+xml') problem(file, `The cover ${asset.relative} does not say its size`, { place, ruleId: 'cover-size' });
    return;
  }
  const ratio = height / width;
  if (Math.min(width, height) < COVER.minShort) {
    problem(file, `The cover is ${width} × ${height} px; stores need at least ${COVER.minShort} px on the short side (${COVER.idealWidth} × ${COVER.idealHeight} is best)`, {
      place,
      ruleId: 'cover-size',
    });
  } else if (ratio < COVER.minRatio || ratio > COVER.maxRatio) {
    problem(
      file,
      `The cover is ${width} × ${height} px, 1:${ratio.toFixed(2)}; a cover is a portrait between 1:${COVER.minRatio} and 1:${COVER.maxRatio} (${COVER.idealWidth} × ${COVER.idealHeight} is best)`,
      { place, ruleId: 'cover-size' },
    );
  } else if (width < COVER.idealWidth || height < COVER.idealHeight) {
    problem(file, `The cover is ${width} × ${height} px; ${COVER.idealWidth} × ${COVER.idealHeight} shows sharp on large screens`, { place, ruleId: 'cover-small', severity: 'warning' });
  }
}

/** Letters and digits only, in lower case: "China's role." and "CHINA’S ROLE" compare equal. */
function comparable(text: string, lang: string): string {
  return text.toLocaleLowerCase(lang).replace(/[^\p{L}\p{N}]/gu, '');
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}
