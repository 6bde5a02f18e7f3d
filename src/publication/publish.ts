// One manuscript from file to publication model: load → transform → publication. Every problem is a
// message on the manuscript's file (returned, for the later stages to add theirs); on an error it
// throws FatalProblems, with the messages still on the file. A manuscript whose front matter lists
// `chapters:` is a book: each chapter file is loaded and transformed as its own file (its problems
// keep its own path and lines, and join the book's messages), then the chapters make one body.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { publicationDates, type BuildClock } from '../load/dates.js';
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
  const dates = publicationDates(loaded, loaded.data.frontMatter?.date, clock);
  return { publication: buildPublication(loaded, body, project, dates, book), file: loaded };
}

/** Each chapter file, checked at its entry in the book's `chapters:` list, loaded and transformed on its
 * own; its messages join the book's (each keeps its own file and place). */
async function transformChapters(book: VFile, body: TransformedPart['body'], entries: string[], project: Project, options: TransformOptions): Promise<BookParts> {
  const places = book.data.frontMatterPlaces;
  const bookPath = path.resolve(book.path);
  const seen = new Set<string>([bookPath]);
  const found: string[] = [];
  entries.forEach((entry, index) => {
    const place = places?.get(`chapters.${index}`) ?? book.data.frontMatterPosition?.start;
    const chapter = path.resolve(path.dirname(bookPath), entry);
    const inside = path.relative(project.root, chapter);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      problem(book, `The chapter file ${entry} is outside the project: a book is made of the project's own files`, { ruleId: 'chapter-outside', place });
    } else if (!existsSync(chapter) || !statSync(chapter).isFile()) {
      problem(book, `The chapter file ${entry} does not exist (looked for ${path.relative(project.root, chapter)})`, { ruleId: 'chapter-missing', place });
    } else if (seen.has(chapter)) {
      problem(book, chapter === bookPath ? 'A book cannot be its own chapter' : `The chapter file ${entry} is listed twice`, { ruleId: 'chapter-repeated', place });
    } else {
      seen.add(chapter);
      found.push(chapter);
    }
  });
  failOnErrors(book);
  // One after the other: each chapter's transform is CPU work, and a book's chapters are many.
  const chapters: TransformedPart[] = [];
  for (const chapterPath of found) {
    const file = await loadManuscript(chapterPath, project.config.limits);
    if (!file.messages.some((message) => message.fatal)) {
      const body = await transformManuscript(file, { ...options, chapter: true });
      // The chapter's title is its one level-1 heading (the book gives it); another would split it.
      for (const node of body.children) {
        if (node.type !== 'element' || node.tagName !== 'h1') continue;
        problem(
          file,
          "A `#` heading inside a chapter starts a new chapter in the e-book and a new page in print: make it `##` (the chapter's title comes from its front matter or its first heading)",
          {
            ruleId: 'chapter-heading',
            severity: 'warning',
            place: node.position?.start,
          },
        );
      }
      chapters.push({ file, body });
    }
    book.messages.push(...file.messages);
  }
  failOnErrors(book);
  const numbering = book.data.frontMatter?.notes;
  const parts = bookBody({ file: book, body }, chapters, typeof numbering === 'object' ? (numbering.numbering ?? 'book') : 'book');
  // Said at the file the link is in (a chapter's problems join the book's, as above).
  for (const { file, href, place } of parts.deadLinks) {
    const message = problem(file, `Link to "${href}", but no element of the book has that id; kept as text`, { ruleId: 'link-dead', severity: 'warning', place });
    if (file !== book) book.messages.push(message);
  }
  return { ...parts, chapterFiles: found };
}
