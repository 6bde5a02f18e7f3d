#!/usr/bin/env node
// avim-press command line: a thin shell over build() that prints a line per artifact.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, FORMATS, type BuildEvent, type Format } from './build.js';
import { TOOL_VERSION } from './publication/build-publication.js';
import { countErrors, countWarnings, formatProblem, formatSummary } from './validate/report.js';
import { validateEpub, type EpubValidation } from './validate/validate-epub.js';

const HELP = `avim-press ${TOOL_VERSION}: Markdown manuscripts to print-ready PDF and EPUB 3

Usage:
  avim-press build [files or folders...] [options]
  avim-press check <file.epub...> [--strict] [--quiet]
  avim-press --help | --version

Builds every manuscript (.md, .markdown, .txt) named, or all of the configured manuscript
folder (manuscript/), into <out>/<slug>.pdf and <out>/<slug>.epub. \`check\` validates EPUB files:
@likecoin/epubcheck-ts always, EPUBCheck (Java) too when it is installed.

Options:
  --out <dir>            output folder (default: dist, or "out" in avim-press.config.yaml)
  --format <list>        pdf, epub or pdf,epub (default: pdf,epub)
  --import-notes <mode>  bracket-number notes of converted documents: auto, always, never (default: auto)
  --validate             validate each EPUB written, as \`check\` does; an error fails the manuscript
  --strict               warnings fail the build (and validation) too
  --quiet                print errors only
  -h, --help             this help
  -v, --version          the version

Exit status: 0 when every artifact was written, 1 when any manuscript failed, 2 on a usage error.
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

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
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
  if (command === 'check') return check(inputs, values.strict, values.quiet);
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
    const started = performance.now();
    const result = await build({
      inputs,
      ...(values.out ? { out: values.out } : {}),
      ...(values.format ? { formats: parseFormats(values.format)! } : {}),
      strict: values.strict,
      validate: values.validate,
      ...(importNotes ? { importNotes: importNotes as 'auto' | 'always' | 'never' } : {}),
      onEvent: (event: BuildEvent) => printEvent(event, values.quiet),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!values.quiet) {
      console.log(`${result.artifacts.length} written, ${result.failures.length} failed, ${seconds} s`);
    }
    return result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`avim-press: ${error.message}`);
      return 2;
    }
    console.error(`avim-press: ${(error as Error).message}`);
    return 1;
  }
}

/** `avim-press check`: 0 when no file has an error (nor, with --strict, a warning), 1 otherwise. */
async function check(files: string[], strict: boolean, quiet: boolean): Promise<number> {
  if (files.length === 0) {
    console.error('avim-press: check needs one or more .epub files\nRun avim-press --help for usage.');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let validation: EpubValidation;
    if (!existsSync(file)) {
      console.error(`${file}: error: no such file`);
      failed++;
      continue;
    }
    try {
      validation = await validateEpub(file);
    } catch (error) {
      console.error(`${file}: error: ${(error as Error).message}`);
      failed++;
      continue;
    }
    printValidation(file, validation, quiet);
    if (validation.reports.some((report) => countErrors(report) > 0 || (strict && countWarnings(report) > 0))) failed++;
  }
  if (!quiet) console.log(`${files.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function printValidation(file: string, validation: EpubValidation, quiet: boolean): void {
  for (const report of validation.reports) {
    for (const problem of report.problems) console.error(formatProblem(file, problem, report.validator));
    if (!quiet) console.log(formatSummary(file, report));
  }
  if (!quiet) for (const note of validation.skipped) console.log(`${file}: skipped ${note}`);
}

function printEvent(event: BuildEvent, quiet: boolean): void {
  switch (event.type) {
    case 'artifact': {
      if (quiet) return;
      const { artifact } = event;
      const detail = artifact.pages !== undefined ? `${artifact.pages} pages, ${formatSize(artifact.bytes)}` : formatSize(artifact.bytes);
      console.log(`${artifact.path}  ${detail}  ${Math.round(artifact.milliseconds)} ms`);
      return;
    }
    case 'diagnostic':
      if (!quiet || event.severity === 'error') console.error(event.text);
      return;
    case 'failure':
      console.error(event.message);
      return;
    case 'validation':
      printValidation(event.path, event.validation, quiet);
      return;
    case 'browser':
      if (!quiet) console.log(`browser: ${event.version} (${event.choice.source}: ${path.basename(event.choice.executablePath)})`);
      return;
  }
}

process.exitCode = await main(process.argv.slice(2));
