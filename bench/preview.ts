// `npm run bench`, third part: the editor's loop. `avim-press preview` on a copy of the sample, the
// page open in Chromium; each round saves the manuscript with a new sentence and measures the time
// from the save until the sentence is in the print frame of the page (issue 15's target: ≤ 300 ms,
// warm), and the times the preview itself reports: until its pages were shown (laid out; the last
// checks run on while they show) and the whole render. The first round is the warm-up. Two series:
// saves back to back (the next save as soon as the last render ended) and saves a second apart (an
// editor's pace: the preview readies its next print page meanwhile, print-page.ts).
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/load/project.js';
import { launchBrowser } from '../lib/render/browser.js';

const CLI = path.join(PACKAGE_ROOT, 'lib', 'bin', 'avim-press.js');
const ROUNDS = 8;
/** The pauses between a save shown and the next save, one series each. */
const PACES = [0, 1000];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'avim-press-bench-preview-'));
  for (const name of ['avim-press.config.yaml', 'brand']) cpSync(path.join(PACKAGE_ROOT, name), path.join(root, name), { recursive: true });
  mkdirSync(path.join(root, 'manuscript'));
  const source = path.join(root, 'manuscript', 'china-central-asia.md');
  cpSync(path.join(PACKAGE_ROOT, 'manuscript', 'china-central-asia.md'), source);

  const child = spawn(process.execPath, [CLI, 'preview', source], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  child.stdout.setEncoding('utf8');
  const renders: number[] = [];
  // When each render's pages were shown, from its start, as the preview says.
  const shownAfter: number[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.on('close', (status) => reject(new Error(`preview ended (${status})`)));
    child.stdout.on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/pages in (\d+) ms(?: \(shown after (\d+) ms\))?/g)) {
        renders.push(Number(match[1]));
        shownAfter.push(Number(match[2] ?? match[1]));
      }
      const found = /at (http:\/\/\S+)/.exec(chunk)?.[1];
      if (found) resolve(found);
    });
  });
  const { browser } = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1300, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(`document.getElementById('preview-print').contentDocument?.querySelector('.pagedjs_page') !== null`, { timeout: 60_000 });
    let round = 0;
    for (const pace of PACES) {
      const shown: number[] = [];
      const firstRender = renders.length;
      for (let each = 1; each <= ROUNDS; each++) {
        round += 1;
        await new Promise((resolve) => setTimeout(resolve, pace));
        const marker = `Benchmark sentence number ${round} was saved.`;
        // Looked for in the page at each of its frames (just before it paints), and timed there: a poll
        // answered over the DevTools protocol added 20-40 ms of its own on this loaded machine.
        await page.evaluate(`{
          delete window.shownAt;
          const look = () => {
            if ((document.getElementById('preview-print').contentDocument?.body?.textContent ?? '').includes(${JSON.stringify(marker)})) window.shownAt = performance.timeOrigin + performance.now();
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }`);
        const saved = performance.timeOrigin + performance.now();
        appendFileSync(source, `\n${marker}\n`);
        const shownAt = await page.waitForFunction('window.shownAt', { polling: 20, timeout: 60_000 });
        shown.push(((await shownAt.jsonValue()) as number) - saved);
        // The render's line comes once its last checks are done, after its pages showed.
        const rendered = firstRender + each;
        while (renders.length < rendered) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // The first save of each series is its warm-up.
      const warm = shown.slice(1);
      const warmRenders = renders.slice(firstRender + 1);
      const warmShownAfter = shownAfter.slice(firstRender + 1);
      // What the preview's own figure leaves out: the watcher's settling, the event, the frames reloaded.
      const rest = warm.map((time, index) => time - warmShownAfter[index]!);
      if (pace === 0) console.log(`preview, the sample: first render ${renders[0]} ms`);
      console.log(`  saves ${pace === 0 ? 'back to back' : `${pace / 1000} s apart`}:`);
      console.log(
        `    save → new text shown in the page, warm, median of ${warm.length}: ${Math.round(median(warm))} ms (min ${Math.round(Math.min(...warm))}, max ${Math.round(Math.max(...warm))}) [target ≤ 300 ms]`,
      );
      console.log(`    of which the render until its pages were shown (load, transform, layout, reading view), median: ${median(warmShownAfter)} ms`);
      console.log(`    and the rest (the watcher's settling, the event, the frames reloaded), median: ${Math.round(median(rest))} ms`);
      console.log(`    the whole render, with the last checks (system fonts, breaks) while the pages show, median: ${median(warmRenders)} ms`);
    }
  } finally {
    await browser.close();
    child.kill('SIGINT');
  }
}

await main();
