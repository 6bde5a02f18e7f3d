// One manuscript from file to publication model: load → transform → publication. Every problem is a
// message on the manuscript's file (returned, for the later stages to add theirs); on an error it
// throws FatalProblems, with the messages still on the file. A manuscript whose front matter lists
// `chapters:` is a book, and so is a book folder's book.yaml (read as such a manuscript's front matter):
// each chapter file (and a preface file) is loaded and transformed as its own file (its problems keep
// its own path and lines, and join the book's messages), then the chapters make one body.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { FrontMatter } from '../load/frontmatter-schema.js';
import { commitDateLookup, publicationDates, type BuildClock } from '../load/dates.js';
import { loadTypefaces } from '../load/typefaces.js';
import { loadManuscript } from '../load/manuscript.js';
import type { Project } from '../load/project.js';
import { failOnErrors, problem } from '../problems/problem.js';
import { transformManuscript, type TransformOptions } from '../transform/processor.js';
import { bookBody, type TransformedPart } from './book-body.js';
import { buildPublication, type BookParts } from './build-publication.js';
import type { Publication } from './model.js';

export interface PublishOptions {
  importNotes?: 'auto' | 'always' | 'never';
  /** Download the web images a manuscript shows (into the project's cache); off by default. */
  allowRemote?: boolean;
}

/** The manuscript's file as loaded (its messages so far): errors of reading it leave it unparsed. */
export async function publish(source: string, project: Project, clock: BuildClock, options: PublishOptions, file?: VFile): Promise<{ publication: Publication; file: VFile }> {
  const loaded = file ?? (await loadManuscript(source, project.config.limits));
  failOnErrors(loaded);
  const commitDate = commitDateLookup(loaded, clock);
  const transformOptions: TransformOptions = {
    brand: project.brand,
    projectRoot: project.root,
    defaultLang: project.config.defaults.lang,
    labels: project.labels,
    importNotes: options.importNotes ?? 'auto',
    allowRemoteImages: options.allowRemote ?? false,
    typefaces: loadTypefaces(project.brand),
  };
  const body = await transformManuscript(loaded, transformOptions);
  failOnErrors(loaded);
  const chapterList = loaded.data.frontMatter?.chapters;
  const book = chapterList ? await transformChapters(loaded, body, chapterList, project, transformOptions) : undefined;
  const dates = publicationDates(loaded, loaded.data.frontMatter?.date, clock, await commitDate);
  return { publication: buildPublication(loaded, body, project, dates, book), file: loaded };
}

/** One chapter file as the book lists it: its place in the book file, and the part it opens. */
interface ChapterEntry {
  entry: string;
  key: string;
  part?: { title: string; key: string };
}

/** The book's list flattened: chapter files in order, each part's title on its first chapter. */
function chapterEntries(list: NonNullable<FrontMatter['chapters']>): ChapterEntry[] {
  return list.flatMap((item, index): ChapterEntry[] =>
    typeof item === 'string'
      ? [{ entry: item, key: `chapters.${index}` }]
      : item.chapters.map((entry, position) => ({
          entry,
          key: `chapters.${index}.chapters.${position}`,
          ...(position === 0 ? { part: { title: item.part, key: `chapters.${index}.part` } } : {}),
        })),
  );
}

/** Each chapter file (and a book folder's preface), checked at its entry in the book's list, loaded
 * and transformed on its own; its messages join the book's (each keeps its own file and place). */
async function transformChapters(book: VFile, body: TransformedPart['body'], list: NonNullable<FrontMatter['chapters']>, project: Project, options: TransformOptions): Promise<BookParts> {
  const places = book.data.frontMatterPlaces;
  const bookPath = path.resolve(book.path);
  const seen = new Set<string>([bookPath]);
  const found: { path: string; part?: string }[] = [];
  const check = (entry: string, place: Point | undefined, what: string): string | undefined => {
    const chapter = path.resolve(path.dirname(bookPath), entry);
    const inside = path.relative(project.root, chapter);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      problem(book, `The ${what} file ${entry} is outside the project: a book is made of the project's own files`, { ruleId: 'chapter-outside', place });
    } else if (!existsSync(chapter) || !statSync(chapter).isFile()) {
      problem(book, `The ${what} file ${entry} does not exist (looked for ${path.relative(project.root, chapter)})`, { ruleId: 'chapter-missing', place });
    } else if (seen.has(chapter)) {
      problem(book, chapter === bookPath ? 'A book cannot be its own chapter' : `The ${what} file ${entry} is listed twice`, { ruleId: 'chapter-repeated', place });
    } else {
      seen.add(chapter);
      return chapter;
    }
    return undefined;
  };
  const placeOf = (key: string) => places?.get(key) ?? book.data.frontMatterPosition?.start;
  const prefaceEntry = book.data.frontMatter?.preface;
  const prefacePath = prefaceEntry === undefined ? undefined : check(prefaceEntry, placeOf('preface'), 'preface');
  for (const { entry, key, part } of chapterEntries(list)) {
    const chapter = check(entry, placeOf(key), 'chapter');
    if (chapter) found.push({ path: chapter, ...(part ? { part: part.title } : {}) });
  }
  failOnErrors(book);
  // One after the other: each chapter's transform is CPU work, and a book's chapters are many.
  const load = async (filePath: string, preface = false): Promise<TransformedPart | undefined> => {
    const file = await loadManuscript(filePath, project.config.limits);
    if (preface) file.data.preface = true;
    let part: TransformedPart | undefined;
    if (!file.messages.some((message) => message.fatal)) part = { file, body: await transformManuscript(file, { ...options, chapter: true }) };
    book.messages.push(...file.messages);
    return part;
  };
  const preface = prefacePath ? await load(prefacePath, true) : { file: book, body };
  const chapters: (TransformedPart & { part?: string })[] = [];
  for (const { path: chapterPath, part } of found) {
    const loaded = await load(chapterPath);
    if (!loaded) continue;
    // The chapter's title is its one level-1 heading (the book gives it); another would split it.
    for (const node of loaded.body.children) {
      if (node.type !== 'element' || node.tagName !== 'h1') continue;
      problem(
        loaded.file,
        "A `#` heading inside a chapter starts a new chapter in the e-book and a new page in print: make it `##` (the chapter's title comes from its front matter or its first heading)",
        {
          ruleId: 'chapter-heading',
          severity: 'warning',
          place: node.position?.start,
        },
      );
      book.messages.push(loaded.file.messages.at(-1)!);
    }
    chapters.push({ ...loaded, ...(part !== undefined ? { part } : {}) });
  }
  failOnErrors(book);
  // The limit on notes is the book's: its chapters are one publication.
  const noteCount = [preface, ...chapters].reduce((total, part) => total + (part?.file.data.notes?.length ?? 0), 0);
  if (noteCount > project.config.limits.maxNotes) {
    problem(book, `The book has ${noteCount} notes; the limit is ${project.config.limits.maxNotes} (split the book, or raise limits.maxNotes)`, {
      ruleId: 'limit',
      place: placeOf(chapterEntries(list)[0]?.key ?? 'chapters'),
    });
    failOnErrors(book);
  }
  const numbering = book.data.frontMatter?.notes;
  const parts = bookBody(book, preface ?? { file: book, body: { type: 'root', children: [] } }, chapters, typeof numbering === 'object' ? (numbering.numbering ?? 'book') : 'book');
  // Said at the file the link is in (a chapter's problems join the book's, as above).
  for (const { file, href, place } of parts.deadLinks) {
    const message = problem(file, `Link to "${href}", but no element of the book has that id; kept as text`, { ruleId: 'link-dead', severity: 'warning', place });
    if (file !== book) book.messages.push(message);
  }
  return { ...parts, chapterFiles: [...(prefacePath ? [prefacePath] : []), ...found.map((chapter) => chapter.path)] };
}
