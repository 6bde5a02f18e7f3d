// avim-press command line: a thin shell over build(), check and merge-manifests. Importing it runs
// nothing (src/bin/avim-press.ts runs it); `main` returns the exit status.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { mergeManifests, readManifest, serializeManifest, type Manifest } from './batch/manifest.js';
import { parseShard } from './batch/shard.js';
import { build, findManuscripts, FORMATS, type Format } from './build.js';
import { loadProject } from './load/project.js';
import { BOOK_FILE } from './load/manuscript.js';
import { TOOL_VERSION } from './load/tool-version.js';
import { toDiagnostic } from './problems/diagnostic.js';
import { FatalProblems } from './problems/problem.js';
import { consoleReporter } from './report/console-reporter.js';
import { formatGithub, formatText, REPORTER_FORMATS, type ReporterFormat } from './report/format.js';
import { countErrors, countWarnings, formatSummary } from './validate/report.js';
import { addValidationMessages } from './validate/validation-messages.js';
import { removeTemporaryFiles, writeAtomic } from './write/atomic-write.js';

const HELP = `avim-press ${TOOL_VERSION}: Markdown manuscripts to print-ready PDF and EPUB 3

Usage:
  avim-press build [files or folders...] [options]
  avim-press check <file.epub...> [--strict] [--quiet] [--reporter text|json|github]
  avim-press merge-manifests <dir>
  avim-press init [folder]
  avim-press preview [file] [--host <address>] [--port <n>]
  avim-press review [pdf or manuscript...] [--out <dir>] [--json]
  avim-press --help | --version

Builds every manuscript (.md, .markdown, .txt) named, or all of the configured manuscript
folder (manuscript/), into <out>/<slug>.pdf and <out>/<slug>.epub, and records them in
<out>/manifest.json. What has not changed since the last build is not built again.
\`check\` validates EPUB files: @likecoin/epubcheck-ts always, EPUBCheck (Java) too when it is
installed. \`merge-manifests\` merges the manifests of --shard runs in <dir> into <dir>/manifest.json.
\`init\` makes a new project that builds at once: configuration, a brand file to fill in, a sample
manuscript, .gitignore, package.json and the release workflow.
\`preview\` serves the manuscript's print pages and its EPUB reading view on http://127.0.0.1
(a free port, printed) and renders them again on every save; problems show in the page.
\`review\` writes <slug>.review.png beside each PDF (or into --out): every page a numbered thumbnail,
a red frame and a count on each page the build warned about (widows, orphans, stranded headings,
cut-off text). A manuscript is built first (as \`build\` does); a PDF gets the warnings its
manifest.json records. Over 96 pages: <slug>.review-2.png and on. --json prints what it drew.

Options:
  --out <dir>            output folder (default: dist, or "out" in avim-press.config.yaml)
  --format <list>        pdf, epub or pdf,epub (default: pdf,epub)
  --import-notes <mode>  bracket-number notes of converted documents: auto, always, never (default: auto)
  --validate             validate each EPUB before it is written, as \`check\` does; an error fails it
  --strict               warnings fail the build (and validation) too
  --jobs <n>             documents in flight at once, on one browser (default: the number of cores)
  --force                build even what is up to date
  --allow-remote         download the web images manuscripts show (default: leave them out, warn)
  --watch                build, then build again on every change, until Ctrl-C
  --host <address>       preview: the interface to serve on (default: 127.0.0.1, this machine only)
  --port <n>             preview: the port (default: a free one)
  --shard <K/N>          build only the K-th of N slices (CI matrices); writes manifest-K-of-N.json
  --reporter <format>    text (default), json (every event as a line of JSON) or github (problems
                         as GitHub Actions annotations at the manuscript's lines)
  --json                 the same as --reporter json
  -q, --quiet            print errors only
  -h, --help             this help
  -v, --version          the version

Exit status: 0 when every artifact was written or up to date, 1 when any manuscript failed, 2 on a
usage error, 130 when interrupted (Ctrl-C), 143 when terminated.
Environment: SOURCE_DATE_EPOCH fixes dates for reproducible artifacts; PUPPETEER_EXECUTABLE_PATH
chooses the browser.`;

class UsageError extends Error {}

function parseFormats(value: string | undefined): Format[] | undefined {
  if (value === undefined) return undefined;
  const formats = value.split(',').map((format) => format.trim().toLowerCase());
  const unknown = formats.filter((format) => !FORMATS.includes(format as Format));
  if (unknown.length > 0 || formats.length === 0) throw new UsageError(`--format takes pdf, epub or pdf,epub, not "${value}"`);
  return formats as Format[];
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        'import-notes': { type: 'string' },
        strict: { type: 'boolean', default: false },
        validate: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        force: { type: 'boolean', default: false },
        'allow-remote': { type: 'boolean', default: false },
        shard: { type: 'string' },
        watch: { type: 'boolean', default: false },
        host: { type: 'string' },
        port: { type: 'string' },
        json: { type: 'boolean', default: false },
        reporter: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    console.error(`avim-press: ${(error as Error).message}\nRun avim-press --help for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.version) {
    console.log(TOOL_VERSION);
    return 0;
  }
  const [command, ...inputs] = positionals;
  const reporter = values.reporter ?? (values.json ? 'json' : 'text');
  if (!REPORTER_FORMATS.includes(reporter as ReporterFormat)) {
    console.error(`avim-press: --reporter takes ${REPORTER_FORMATS.join(', ')}, not "${reporter}"\nRun avim-press --help for usage.`);
    return 2;
  }
  const format = reporter as ReporterFormat;
  if (command === 'check') return check(inputs, values.strict, values.quiet, format);
  if (command === 'merge-manifests') return mergeManifestsCommand(inputs);
  if (command === 'init') return initCommand(inputs);
  if (command === 'preview') return previewCommand(inputs, values);
  if (command === 'review') return reviewCommand(inputs, { ...(values.out ? { out: values.out } : {}), json: values.json || format === 'json', quiet: values.quiet });
  if (command !== 'build') {
    console.error(command ? `avim-press: unknown command "${command}"` : 'avim-press: no command given');
    console.error('Run avim-press --help for usage.');
    return 2;
  }
  try {
    const importNotes = values['import-notes'];
    if (importNotes !== undefined && !['auto', 'always', 'never'].includes(importNotes)) {
      throw new UsageError(`--import-notes takes auto, always or never, not "${importNotes}"`);
    }
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs takes a whole number of 1 or more, not "${values.jobs}"`);
    if (values.shard !== undefined) {
      try {
        parseShard(values.shard);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    // Ctrl-C or SIGTERM: no new document starts, the browser closes, unfinished files are removed.
    const controller = new AbortController();
    let interrupted: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) process.exit(signal === 'SIGINT' ? 130 : 143);
      interrupted = signal;
      removeTemporaryFiles();
      controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const buildOptions = {
      inputs,
      ...(values.out ? { out: values.out } : {}),
      ...(values.format ? { formats: parseFormats(values.format)! } : {}),
      strict: values.strict,
      validate: values.validate,
      force: values.force,
      allowRemote: values['allow-remote'],
      ...(jobs ? { jobs } : {}),
      ...(values.shard ? { shard: values.shard } : {}),
      ...(importNotes ? { importNotes: importNotes as 'auto' | 'always' | 'never' } : {}),
      signal: controller.signal,
      onEvent: consoleReporter({ quiet: values.quiet, format, progress: process.stderr.isTTY === true && format === 'text' }),
    };
    if (values.watch) {
      // Watching ends with Ctrl-C: that is its normal end (a build in flight stops as an interrupt does).
      const { watchBuild } = await import('./preview/build-watch.js');
      await watchBuild({
        cwd: process.cwd(),
        inputs: (inputs.length > 0 ? inputs : [loadProject(process.cwd()).config.manuscripts]).map((input) => path.resolve(input)),
        project: () => {
          try {
            return loadProject(process.cwd());
          } catch {
            return undefined;
          }
        },
        run: async () => {
          try {
            return await build(buildOptions);
          } catch (error) {
            if (error instanceof FatalProblems) printMessages(error.file, format);
            else console.error(`avim-press: ${(error as Error).message}`);
            return undefined;
          }
        },
        signal: controller.signal,
        out: process.stdout,
        err: process.stderr,
      });
      removeTemporaryFiles();
      return 0;
    }
    const result = await build(buildOptions);
    removeTemporaryFiles();
    if (interrupted) {
      console.error(`avim-press: interrupted (${interrupted}); finished artifacts are kept, nothing half-written is left`);
      return interrupted === 'SIGINT' ? 130 : 143;
    }
    return result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`avim-press: ${error.message}`);
      return 2;
    }
    // The project itself is wrong (its brand file, configuration, a locale): each problem at its line.
    return failedCommand(error, format);
  }
}

/** `avim-press check`: 0 when no file has an error (nor, with --strict, a warning), 1 otherwise. */
async function check(files: string[], strict: boolean, quiet: boolean, format: ReporterFormat): Promise<number> {
  if (files.length === 0) {
    console.error('avim-press: check needs one or more .epub files\nRun avim-press --help for usage.');
    return 2;
  }
  let failed = 0;
  for (const name of files) {
    const file = new VFile({ path: path.resolve(name) });
    if (!existsSync(name)) {
      console.error(`${name}: error: no such file`);
      failed++;
      continue;
    }
    try {
      const { validateEpub } = await import('./validate/validate-epub.js');
      const validation = await validateEpub(name);
      addValidationMessages(file, name, validation);
      printMessages(file, format, quiet);
      if (!quiet && format === 'text') for (const report of validation.reports) console.log(formatSummary(name, report));
      if (validation.reports.some((report) => countErrors(report) > 0 || (strict && countWarnings(report) > 0))) failed++;
    } catch (error) {
      console.error(`${name}: error: ${(error as Error).message}`);
      failed++;
    }
  }
  if (!quiet && format === 'text') console.log(`${files.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** A file's messages in the chosen format: text to stderr, json and github to stdout. */
/** A command that threw: the project's problems each at its line (FatalProblems), else the error's message; exit 1. */
function failedCommand(error: unknown, format: ReporterFormat): number {
  if (error instanceof FatalProblems) printMessages(error.file, format);
  else console.error(`avim-press: ${(error as Error).message}`);
  return 1;
}

function printMessages(file: VFile, format: ReporterFormat, quiet = false): void {
  for (const message of file.messages) {
    const diagnostic = toDiagnostic(message);
    if (quiet && diagnostic.severity !== 'error') continue;
    if (format === 'json') console.log(JSON.stringify({ type: 'diagnostic', ...diagnostic }));
    else if (format === 'github') console.log(formatGithub(diagnostic));
    else console.error(formatText(diagnostic));
  }
}

/** `avim-press preview [file]`: serves the manuscript's pages until Ctrl-C (then 0). */
async function previewCommand(
  files: string[],
  values: { host?: string | undefined; port?: string | undefined; 'import-notes'?: string | undefined; 'allow-remote'?: boolean | undefined },
): Promise<number> {
  if (files.length > 1) {
    console.error('avim-press: preview takes one manuscript\nRun avim-press --help for usage.');
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`avim-press: --port takes a port number, not "${values.port}"\nRun avim-press --help for usage.`);
    return 2;
  }
  const importNotes = values['import-notes'];
  if (importNotes !== undefined && !['auto', 'always', 'never'].includes(importNotes)) {
    console.error(`avim-press: --import-notes takes auto, always or never, not "${importNotes}"`);
    return 2;
  }
  const cwd = process.cwd();
  try {
    let source: string;
    if (files[0]) {
      source = path.resolve(files[0]);
      // A book folder is previewed as its book.yaml.
      if (existsSync(path.join(source, BOOK_FILE))) source = path.join(source, BOOK_FILE);
    } else {
      const found = await findManuscripts([path.resolve(cwd, loadProject(cwd).config.manuscripts)]);
      if (found.length !== 1) {
        console.error(`avim-press: preview needs a manuscript named: ${found.length === 0 ? 'the manuscript folder has none' : found.map((file) => path.relative(cwd, file)).join(', ')}`);
        return 2;
      }
      source = found[0]!;
    }
    if (!existsSync(source)) {
      console.error(`avim-press: ${files[0]}: no such file`);
      return 1;
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const { preview } = await import('./preview/preview.js');
    await preview({
      source,
      cwd,
      host: values.host ?? '127.0.0.1',
      port,
      env: process.env,
      signal: controller.signal,
      out: process.stdout,
      err: process.stderr,
      ...(importNotes ? { importNotes: importNotes as 'auto' | 'always' | 'never' } : {}),
      allowRemote: values['allow-remote'] ?? false,
    });
    console.log('preview stopped');
    return 0;
  } catch (error) {
    return failedCommand(error, 'text');
  }
}

/** `avim-press review [inputs...]`: 0 when every input got its sheet, 1 when one did not. */
async function reviewCommand(inputs: string[], options: { out?: string; json: boolean; quiet: boolean }): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    // Standard output is the review's (JSON lines with --json); the build of a manuscript talks on standard error.
    const onEvent = consoleReporter({ quiet: options.quiet || options.json, format: 'text', out: process.stderr, err: process.stderr });
    const { review } = await import('./review/review.js');
    const result = await review({ inputs, cwd: process.cwd(), build, signal: controller.signal, onEvent, ...(options.out ? { out: options.out } : {}) });
    for (const file of result.notes) if (!options.quiet) printMessages(file, 'text');
    for (const reviewed of result.reviewed) {
      if (options.json) console.log(JSON.stringify(reviewed));
      else if (!options.quiet) {
        const marked = reviewed.marks.length === 0 ? 'no page marked' : `marked: page ${reviewed.marks.map((mark) => mark.page).join(', ')}`;
        console.log(`${reviewed.sheets.map((sheet) => sheet.path).join(', ')}  ${reviewed.pages} pages, ${marked}`);
      }
    }
    for (const failure of result.failures) console.error(`${failure.input}: ${failure.reason}; no review sheet`);
    if (controller.signal.aborted) return 130;
    return result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    return failedCommand(error, 'text');
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `avim-press init [folder]`: a new project in the folder (default: here), or the files in its way. */
async function initCommand(folders: string[]): Promise<number> {
  if (folders.length > 1) {
    console.error('avim-press: init takes one folder\nRun avim-press --help for usage.');
    return 2;
  }
  const folder = folders[0] ?? '.';
  const { initProject } = await import('./init/init-project.js');
  const result = initProject(folder);
  if (result.existing.length > 0) {
    console.error(`avim-press: ${folder} already has ${result.existing.join(', ')}; nothing was written`);
    return 1;
  }
  for (const file of result.written) console.log(path.join(folder, file));
  console.log(`A new project in ${folder}: fill in brand/publisher.yaml, then run avim-press build${folder === '.' ? '' : ` in ${folder}`}.`);
  return 0;
}

/** `avim-press merge-manifests <dir>`: the shards' manifest-K-of-N.json files into manifest.json. */
async function mergeManifestsCommand(folders: string[]): Promise<number> {
  const [folder] = folders;
  if (!folder || folders.length > 1) {
    console.error('avim-press: merge-manifests needs one folder\nRun avim-press --help for usage.');
    return 2;
  }
  const names = readdirSync(folder)
    .filter((name) => /^manifest-\d+-of-\d+\.json$/.test(name))
    .sort();
  const manifests = names.map((name) => readManifest(path.join(folder, name)));
  if (names.length === 0 || manifests.some((manifest) => !manifest)) {
    console.error(`avim-press: ${folder}: ${names.length === 0 ? 'no manifest-K-of-N.json to merge' : 'a shard manifest is not valid'}`);
    return 1;
  }
  try {
    const merged = mergeManifests(manifests as Manifest[]);
    await writeAtomic(path.join(folder, 'manifest.json'), serializeManifest(merged));
    console.log(`${path.join(folder, 'manifest.json')}: ${merged.artifacts.length} artifacts from ${names.length} shards`);
    return 0;
  } catch (error) {
    console.error(`avim-press: ${(error as Error).message}`);
    return 1;
  }
}
