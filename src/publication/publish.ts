// One manuscript from file to publication model: load → transform → publication. Every problem is a
// message on the manuscript's file (returned, for the later stages to add theirs); on an error it
// throws FatalProblems, with the messages still on the file.
import type { VFile } from 'vfile';
import { publicationDates, type BuildClock } from '../load/dates.js';
import { loadTypefaces } from '../load/typefaces.js';
import { loadManuscript } from '../load/manuscript.js';
import type { Project } from '../load/project.js';
import { failOnErrors } from '../problems/problem.js';
import { transformManuscript } from '../transform/processor.js';
import { buildPublication } from './build-publication.js';
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
  const body = await transformManuscript(loaded, {
    brand: project.brand,
    projectRoot: project.root,
    defaultLang: project.config.defaults.lang,
    labels: project.labels,
    importNotes: options.importNotes ?? 'auto',
    allowRemoteImages: options.allowRemote ?? false,
    typefaces: loadTypefaces(project.brand),
  });
  failOnErrors(loaded);
  const dates = publicationDates(loaded, loaded.data.frontMatter?.date, clock);
  return { publication: buildPublication(loaded, body, project, dates), file: loaded };
}
