// The README's pictures (`npm run compile && tsc -p bench/tsconfig.json && node bench-out/screenshots.js`):
// docs/preview.png, `avim-press preview` on the sample screenshotted in the run's Chromium, and
// docs/review-sample.png, the sample's review sheet. Each kept small (a JPEG would be smaller, but
// the README's other pictures are PNGs): the preview at 1280×800 and device scale 1.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/load/project.js';
import { launchBrowser } from '../lib/render/browser.js';

const CLI = path.join(PACKAGE_ROOT, 'lib', 'bin', 'avim-press.js');
const DOCS = path.join(PACKAGE_ROOT, 'docs');

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'avim-press-screenshots-'));
  for (const name of ['avim-press.config.yaml', 'brand']) cpSync(path.join(PACKAGE_ROOT, name), path.join(root, name), { recursive: true });
  mkdirSync(path.join(root, 'manuscript'));
  const source = path.join(root, 'manuscript', 'china-central-asia.md');
  cpSync(path.join(PACKAGE_ROOT, 'manuscript', 'china-central-asia.md'), source);
  const env = { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1714521600' };

  const child = spawn(process.execPath, [CLI, 'preview', source], { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] });
  child.stdout.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.on('close', (status) => reject(new Error(`preview ended (${status})`)));
    child.stdout.on('data', (chunk: string) => {
      const found = /at (http:\/\/\S+)/.exec(chunk)?.[1];
      if (found) resolve(found);
    });
  });
  const { browser } = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(`document.getElementById('preview-print').contentDocument?.querySelector('.pagedjs_page') !== null`, { timeout: 60_000 });
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    writeFileSync(path.join(DOCS, 'preview.png'), await page.screenshot({ type: 'png' }));
  } finally {
    await browser.close();
    child.kill('SIGINT');
  }

  const review = spawnSync(process.execPath, [CLI, 'review', source], { cwd: root, env, encoding: 'utf8' });
  if (review.status !== 0) throw new Error(`review failed: ${review.stderr}`);
  copyFileSync(path.join(root, 'dist', 'china-central-asia.review.png'), path.join(DOCS, 'review-sample.png'));
  for (const name of ['preview.png', 'review-sample.png']) console.log(`docs/${name}: ${Math.round(statSync(path.join(DOCS, name)).size / 1024)} KB`);
}

await main();
