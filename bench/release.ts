// `npm run bench`, second part: the release workflow's figures, each from the real CLI in a child
// process (as CI runs it), wall time and peak memory of the whole process tree (node + browser):
//   - the sample, cold: PDF and EPUB from one command;
//   - a batch of 100 generated articles of the sample's size, PDF and EPUB, one browser;
//   - the floor for that batch: a minimal Puppeteer script printing the same final HTML (Paged.js
//     included) with one browser and as many pages at once as the build uses;
//   - the long generated book (50 chapters, 500 footnotes) and one twice as long, with the book's
//     floor: a whole bare-Puppeteer run (launch, load, print, close) printing the same text as plain
//     HTML (endnotes, no layout script), as issue 14 defines it;
//   - a rebuild of the batch with nothing changed.
import { spawn } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject, PACKAGE_ROOT } from '../lib/load/project.js';
import { readClock } from '../lib/load/dates.js';
import { publish } from '../lib/publication/publish.js';
import { launchBrowser } from '../lib/render/browser.js';
import { loadPagedjs, pagedjsEngine } from '../lib/render/pdf/engine/pagedjs/pagedjs-engine.js';
import { printHtml } from '../lib/render/pdf/print-html.js';
import { generateArticle, generateBook, type BookShape } from './generate.js';
import { treePss } from './memory.js';

const CLI = path.join(PACKAGE_ROOT, 'lib', 'bin', 'avim-press.js');
const JOBS = os.availableParallelism();
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Measured {
  milliseconds: number;
  peak: number;
  status: number | null;
  pages?: number;
}

/** Run the CLI; wall time and the peak resident memory of its process tree, sampled every 50 ms. */
function runCli(args: string[], cwd: string): Promise<Measured> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }, stdio: 'ignore' });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treePss(child.pid!))), 100);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ milliseconds: performance.now() - started, peak, status });
    }),
  );
}

function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'avim-press-bench-'));
  for (const name of ['avim-press.config.yaml', 'brand']) cpSync(path.join(PACKAGE_ROOT, name), path.join(root, name), { recursive: true });
  mkdirSync(path.join(root, 'manuscript'));
  return root;
}

/** The book's floor: launch a browser, print the book's HTML with endnotes and no layout engine (Chromium's own pages), close. */
async function bookFloor(file: string): Promise<Measured> {
  const loaded = loadProject(PACKAGE_ROOT);
  const { publication } = await publish(file, loaded, readClock({ SOURCE_DATE_EPOCH: '1700000000' }), {});
  publication.metadata.notes = 'endnotes';
  const { html: print } = await printHtml(publication, loaded, pagedjsEngine);
  // The publication waits in an inert template for the layout engine: here Chromium lays it out itself.
  const opening = print.indexOf('<template data-print="publication">');
  const closing = print.indexOf('</template>', opening);
  const html = `${print.slice(0, opening)}<div>${print.slice(opening + '<template data-print="publication">'.length, closing)}</div>${print.slice(closing + '</template>'.length)}`;
  const started = performance.now();
  const { browser } = await launchBrowser();
  const pid = browser.process()?.pid;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, pid ? treePss(pid) + process.memoryUsage().rss : 0)), 100);
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
  await browser.close();
  const milliseconds = performance.now() - started;
  clearInterval(sampler);
  // The page count says the floor printed the whole text (not an empty template).
  return { milliseconds, peak, status: 0, pages: (await PDFDocument.load(printed, { updateMetadata: false })).getPageCount() };
}

/** The floor: one browser, JOBS pages at once, each article's final HTML laid out by Paged.js and printed. */
async function floor(files: string[]): Promise<Measured> {
  const loaded = loadProject(PACKAGE_ROOT);
  const clock = readClock({ SOURCE_DATE_EPOCH: '1700000000' });
  const htmls = await Promise.all(files.map(async (file) => (await printHtml((await publish(file, loaded, clock, {})).publication, loaded, pagedjsEngine)).html));
  const started = performance.now();
  const { browser } = await launchBrowser();
  let peak = 0;
  const pid = browser.process()?.pid;
  const sampler = setInterval(() => (peak = Math.max(peak, pid ? treePss(pid) + process.memoryUsage().rss : 0)), 100);
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage();
    while (next < htmls.length) {
      const html = htmls[next++]!;
      await page.setContent(html, { waitUntil: 'load' });
      await loadPagedjs(page);
      await pagedjsEngine.paginate(page, { hyphenGlyph: '-' });
      await page.pdf({ preferCSSPageSize: true, printBackground: true });
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: JOBS }, worker));
  await browser.close();
  clearInterval(sampler);
  return { milliseconds: performance.now() - started, peak, status: 0 };
}

async function main(): Promise<void> {
  console.log(`release figures: node ${process.version}, ${os.cpus().length} CPUs, --jobs ${JOBS}`);

  const sample = project();
  cpSync(path.join(PACKAGE_ROOT, 'manuscript', 'china-central-asia.md'), path.join(sample, 'manuscript', 'china-central-asia.md'));
  const cold = await runCli(['build'], sample);
  console.log(`sample, cold (PDF + EPUB, one command): ${seconds(cold.milliseconds)}, peak ${mib(cold.peak)} [target < 1.5 s]`);

  const batch = project();
  const articles = Array.from({ length: 100 }, (_, index) => {
    const file = path.join(batch, 'manuscript', `article-${String(index + 1).padStart(3, '0')}.md`);
    writeFileSync(file, generateArticle(index));
    return file;
  });
  const built = await runCli(['build', '--jobs', String(JOBS)], batch);
  const bare = await floor(articles);
  const perDocument = built.milliseconds / articles.length;
  const perFloor = bare.milliseconds / articles.length;
  console.log(`batch of 100 articles (PDF + EPUB): ${seconds(built.milliseconds)}, ${Math.round(perDocument)} ms per article, peak ${mib(built.peak)}${built.status ? ` (exit ${built.status})` : ''}`);
  console.log(`  floor (bare Puppeteer, same HTML, PDF only): ${seconds(bare.milliseconds)}, ${Math.round(perFloor)} ms per article, peak ${mib(bare.peak)}`);
  console.log(`  ratio to the floor: ${(perDocument / perFloor).toFixed(2)}× [target ≤ 1.5×]`);
  const rebuild = await runCli(['build'], batch);
  console.log(`rebuild of the batch, nothing changed: ${seconds(rebuild.milliseconds)} [target < 1 s]`);

  const books: Array<{ name: string; shape: BookShape }> = [
    { name: 'long book (50 chapters, 500 footnotes)', shape: { chapters: 50, notes: 500, paragraphsPerChapter: 24 } },
    { name: 'twice as long (100 chapters, 1000 footnotes)', shape: { chapters: 100, notes: 1000, paragraphsPerChapter: 24 } },
  ];
  let first: number | undefined;
  for (const { name, shape } of books) {
    const long = project();
    const file = path.join(long, 'manuscript', 'book.md');
    writeFileSync(file, generateBook(shape));
    const book = await runCli(['build'], long);
    const bare = await bookFloor(file);
    const ratio = book.milliseconds / bare.milliseconds;
    console.log(`${name}, PDF + EPUB: ${seconds(book.milliseconds)}, peak ${mib(book.peak)} summed PSS [targets ≤ 2× floor, ≤ 800 MiB]${book.status ? ` (exit ${book.status})` : ''}`);
    console.log(`  floor (bare Puppeteer process, same text, plain HTML, endnotes): ${seconds(bare.milliseconds)}, ${bare.pages} pages, peak ${mib(bare.peak)}; ratio ${ratio.toFixed(2)}×`);
    if (first === undefined) first = book.milliseconds;
    else console.log(`  twice the book took ${(book.milliseconds / first).toFixed(2)}× the time [target ≤ 2.2×]`);
  }
}

await main();
