// What a person (or CI) sees of a build: a line per artifact as it finishes, warnings and errors as
// they come (`file:line:column: severity: reason (rule)`; information on stdout, problems on stderr), on a terminal a progress bar with an
// estimate and the stage a document is in (a book's layout takes a while), and a summary. `json` prints every event as one JSON object a line instead; `github`
// prints problems as workflow commands that annotate the manuscript's lines; --quiet prints errors only.
import path from 'node:path';
import type { BuildEvent, Stage } from '../build.js';
import { formatGithub, formatText, type ReporterFormat } from './format.js';

export interface ConsoleReporterOptions {
  quiet?: boolean;
  format?: ReporterFormat;
  /** Draw a progress bar (stderr is a terminal). */
  progress?: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

const STAGE_NAMES: Record<Stage, string> = {
  transform: 'transforming',
  layout: 'laying out pages',
  checks: 'checking pages',
  print: 'printing',
  epub: 'making the EPUB',
  validate: 'validating the EPUB',
};

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function consoleReporter(options: ConsoleReporterOptions = {}): (event: BuildEvent) => void {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  let total = 0;
  let finished = 0;
  let started = performance.now();
  let bar = '';
  /** The stage a document began last, shown after the bar (a long document is not silent). */
  let stage = '';
  const clearBar = () => {
    if (bar) err.write(`\r${' '.repeat(bar.length)}\r`);
    bar = '';
  };
  const drawBar = () => {
    if (!options.progress || options.quiet || total === 0) return;
    const width = 24;
    const previous = bar;
    const filled = Math.round((finished / total) * width);
    const elapsed = (performance.now() - started) / 1000;
    const eta = finished > 0 ? Math.round((elapsed / finished) * (total - finished)) : undefined;
    bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${finished}/${total}${eta !== undefined && finished < total ? `  about ${eta} s left` : ''}${stage && finished < total ? `  ${stage}` : ''}`;
    err.write(`\r${bar}`);
    if (previous.length > bar.length) err.write(`${' '.repeat(previous.length - bar.length)}\r${bar}`);
  };
  const line = (stream: NodeJS.WritableStream, text: string) => {
    clearBar();
    stream.write(`${text}\n`);
    drawBar();
  };

  return (event) => {
    if (options.format === 'json') {
      out.write(`${JSON.stringify(event)}\n`);
      return;
    }
    switch (event.type) {
      case 'start':
        total = event.total;
        started = performance.now();
        drawBar();
        return;
      case 'artifact': {
        if (options.quiet) return;
        const { artifact } = event;
        const detail = artifact.pages !== undefined ? `${artifact.pages} pages, ${formatSize(artifact.bytes)}` : formatSize(artifact.bytes);
        const checked = artifact.validation?.map((report) => `${report.validator}: ${report.errors} errors, ${report.warnings} warnings`).join('; ');
        line(out, `${artifact.path}  ${detail}  ${Math.round(artifact.milliseconds)} ms${checked ? `  (${checked})` : ''}`);
        return;
      }
      case 'skipped':
        finished++;
        if (!options.quiet) line(out, `${event.artifacts.join(', ')}  up to date`);
        else drawBar();
        return;
      case 'diagnostic': {
        if (options.quiet && event.severity !== 'error') return;
        // GitHub reads workflow commands from standard output. Information (which date was used) is
        // part of the report, on standard output; warnings and errors go to standard error.
        if (options.format === 'github') line(out, formatGithub(event));
        else line(event.severity === 'info' ? out : err, formatText(event));
        return;
      }
      case 'failure':
        finished++;
        line(err, `${event.source}: ${event.reason}`);
        return;
      case 'stage':
        if (!options.progress || options.quiet) return;
        stage = `${path.basename(event.source)}: ${STAGE_NAMES[event.stage]}${event.pages !== undefined ? ` (${event.pages} pages)` : ''}`;
        drawBar();
        return;
      case 'document':
        finished++;
        drawBar();
        return;
      case 'browser':
        if (!options.quiet) line(out, `browser: ${event.version} (${event.choice.source}: ${path.basename(event.choice.executablePath)})`);
        return;
      case 'done':
        clearBar();
        if (!options.quiet) {
          out.write(`built ${event.built}, skipped ${event.skipped}, failed ${event.failed} in ${(event.milliseconds / 1000).toFixed(2)} s; manifest ${event.manifest}\n`);
        }
        return;
    }
  };
}
