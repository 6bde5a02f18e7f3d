// One manuscript from file to publication model: load → parse → transform → publication.
// Throws a DiagnosticError on any error; warnings go to `report` as they are found.
import { fontCoverage } from '../load/font-coverage.js';
import { loadManuscript } from '../load/manuscript.js';
import type { Project } from '../load/project.js';
import { failOnErrors, formatMessage } from '../report/diagnostics.js';
import { transformManuscript } from '../transform/processor.js';
import { buildPublication, type BuildClock } from './build-publication.js';
import type { Publication } from './model.js';
import type { VFile } from 'vfile';

export interface PublishOptions {
  strict?: boolean;
  importNotes?: 'auto' | 'always' | 'never';
  /** Download the web images a manuscript shows (into the project's cache); off by default. */
  allowRemote?: boolean;
}

export type Report = (text: string, severity: 'warning' | 'info') => void;

const coverages = new WeakMap<Project, ReturnType<typeof fontCoverage>>();
function coverageOf(project: Project) {
  let coverage = coverages.get(project);
  if (!coverage) coverages.set(project, (coverage = fontCoverage(project.brand)));
  return coverage;
}

export async function publish(source: string, project: Project, clock: BuildClock, options: PublishOptions, report: Report = () => {}): Promise<{ publication: Publication; file: VFile }> {
  const file = await loadManuscript(source, project.config.limits);
  failOnErrors(file);
  let reported = 0;
  const reportNew = () => {
    for (const message of file.messages.slice(reported)) {
      if (message.fatal !== true) report(formatMessage(message, file, project.root), message.fatal === false ? 'warning' : 'info');
    }
    reported = file.messages.length;
  };
  const body = await transformManuscript(file, {
    brand: project.brand,
    projectRoot: project.root,
    defaultLang: project.config.defaults.lang,
    labels: project.labels,
    importNotes: options.importNotes ?? 'auto',
    allowRemoteImages: options.allowRemote ?? false,
    fontCoverage: coverageOf(project),
  });
  reportNew();
  failOnErrors(file);
  const publication = await buildPublication(file, body, project, clock);
  reportNew();
  failOnErrors(file);
  // The warnings were printed once above; --strict only turns them into the manuscript's failure.
  const warnings = file.messages.filter((message) => message.fatal === false).length;
  if (options.strict && warnings > 0) {
    throw new Error(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, and --strict makes warnings fail the build`);
  }
  return { publication, file };
}
