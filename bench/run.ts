// `npm run bench`: the PDF stage (renderPdf: print HTML, layout (Paged.js), checks, Chromium's print,
// pdf-lib) timed on the sample and on a long generated book (50 chapters, 500 notes), with footnotes
// and with endnotes, one browser for all, as a build uses it. Prints each step's time, the page count,
// the file size and the peak memory of the browser's processes (Linux: summed PSS from /proc), and the EPUB stage.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publish } from '../lib/publication/publish.js';
import { PACKAGE_ROOT, loadProject } from '../lib/load/project.js';
import { readClock } from '../lib/load/dates.js';
import type { NotesPlacement } from '../lib/publication/model.js';
import { launchBrowser } from '../lib/render/browser.js';
import { renderPdf } from '../lib/render/pdf/render-pdf.js';
import { generateBook } from './generate.js';
import { treePss } from './memory.js';
import { renderEpub } from '../lib/render/epub/render-epub.js';

interface Case {
  name: string;
  file: string;
  notes: NotesPlacement;
  runs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const project = loadProject(PACKAGE_ROOT);
  const clock = readClock({ SOURCE_DATE_EPOCH: '1700000000' });
  const book = path.join(os.tmpdir(), `avim-press-bench-book-${process.pid}.md`);
  writeFileSync(book, generateBook());
  const sample = path.join(PACKAGE_ROOT, 'manuscript', 'china-central-asia.md');
  const cases: Case[] = [
    { name: 'sample, footnotes', file: sample, notes: 'footnotes', runs: 5 },
    { name: 'sample, endnotes', file: sample, notes: 'endnotes', runs: 5 },
    { name: 'book (50 chapters, 500 notes), footnotes', file: book, notes: 'footnotes', runs: 2 },
    { name: 'book (50 chapters, 500 notes), endnotes', file: book, notes: 'endnotes', runs: 1 },
  ];
  const { browser, choice } = await launchBrowser();
  console.log(`browser: ${await browser.version()} (${choice.source}); node ${process.version}; ${os.cpus().length} CPUs`);
  const pid = browser.process()?.pid;
  try {
    for (const benchCase of cases) {
      const { publication, file } = await publish(benchCase.file, project, clock, {});
      // The bench renders the same manuscript both ways; a build takes the placement from the front matter.
      publication.metadata.notes = benchCase.notes;
      const times: number[] = [];
      let peak = 0;
      let last: Awaited<ReturnType<typeof renderPdf>> | undefined;
      for (let run = 0; run < benchCase.runs; run++) {
        const sampler = pid ? setInterval(() => (peak = Math.max(peak, treePss(pid))), 100) : undefined;
        const started = performance.now();
        last = await renderPdf(publication, project, browser, file);
        times.push(performance.now() - started);
        clearInterval(sampler);
      }
      // The EPUB stage, in the same browser (the drawn cover comes from the project's cache after the first run).
      const epubTimes: number[] = [];
      for (let run = 0; run < benchCase.runs; run++) {
        const started = performance.now();
        await renderEpub(publication, project, { browser: () => Promise.resolve(browser) });
        epubTimes.push(performance.now() - started);
      }
      const steps = Object.entries(last!.timings)
        .map(([step, ms]) => `${step} ${Math.round(ms)}`)
        .join(', ');
      console.log(
        `${benchCase.name}: PDF stage ${Math.round(median(times))} ms (median of ${times.length}; min ${Math.round(Math.min(...times))})` +
          `, ${last!.pages} pages (laid out in ${last!.layoutParts} part(s), printed in ${last!.printChunks} chunk(s)), ${(last!.bytes.length / 1024).toFixed(0)} KB, browser peak ${pid ? mib(peak) : 'n/a'}` +
          `\n  steps (ms, last run): ${steps}` +
          `\n  EPUB stage ${Math.round(median(epubTimes))} ms (median of ${epubTimes.length})` +
          `\n  soft hyphens: ${last!.hyphenation.broken} kept where lines break, ${last!.hyphenation.removed} removed`,
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
