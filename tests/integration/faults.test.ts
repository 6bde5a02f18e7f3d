// Faults through the real CLI: the browser killed mid-batch, Ctrl-C, and two builds into one folder
// at once. After each, the output folder holds only whole, valid artifacts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { browserPids } from '../helpers/processes.js';
import { epubcheckTs } from '../helpers/epub.js';
import { addArticles, tempProject } from '../helpers/projects.js';

function batchProject(articles: number): string {
  const project = tempProject({ prefix: 'avim-press-faults-' });
  addArticles(project, articles, (index) => `article-${String(index + 1).padStart(2, '0')}.md`);
  return project;
}

/** Start the CLI; `onLine` sees each stdout line as it comes (to act mid-build). */
function startCli(args: string[], cwd: string, onLine: (line: string, pid: number) => void = () => {}) {
  return runCliAsync(args, { cwd, env: { SOURCE_DATE_EPOCH: '1700000000' }, onLine });
}

/** Every file in dist/ is a whole artifact: PDFs parse, EPUBs validate, nothing half-written. */
async function expectOnlyWholeArtifacts(dist: string): Promise<string[]> {
  const names = readdirSync(dist).sort();
  expect(
    names.filter((name) => name.startsWith('.') || name.endsWith('.lock')),
    'temporary files left',
  ).toEqual([]);
  for (const name of names) {
    const file = path.join(dist, name);
    if (name.endsWith('.pdf')) expect((await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount(), name).toBeGreaterThan(0);
    if (name.endsWith('.epub')) expect((await epubcheckTs(file)).errors, name).toBe(0);
  }
  return names;
}

describe('faults', () => {
  it('retries the document in flight on a fresh browser when the browser is killed mid-batch', async () => {
    const project = batchProject(6);
    let killed: number[] = [];
    const run = await startCli(['build', '--jobs', '1'], project, (line, pid) => {
      if (killed.length === 0 && line.startsWith('dist/article-02.pdf')) {
        killed = browserPids(pid);
        for (const browser of killed) process.kill(browser, 'SIGKILL');
      }
    });
    expect(killed.length, 'the test found the browser to kill').toBeGreaterThan(0);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.match(/^browser: /gm)).toHaveLength(2);
    expect(run.stdout).toMatch(/^built 6, skipped 0, failed 0/m);
    const names = await expectOnlyWholeArtifacts(path.join(project, 'dist'));
    expect(names).toHaveLength(13); // 6 PDFs, 6 EPUBs, the manifest
  });

  it('on Ctrl-C closes the browser, keeps only whole artifacts and exits 130', async () => {
    const project = batchProject(8);
    let interrupted = false;
    let cli = 0;
    const run = await startCli(['build', '--jobs', '1'], project, (line, pid) => {
      cli = pid;
      if (!interrupted && line.startsWith('dist/article-02.pdf')) {
        interrupted = true;
        process.kill(pid, 'SIGINT');
      }
    });
    expect(interrupted).toBe(true);
    expect(run.status).toBe(130);
    expect(run.stderr).toContain('interrupted (SIGINT)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(browserPids(cli)).toEqual([]);
    const names = await expectOnlyWholeArtifacts(path.join(project, 'dist'));
    expect(names.filter((name) => name.endsWith('.pdf')).length).toBeLessThan(8);
  });

  it('lets two builds write into one folder at once, each keeping the other’s manifest entries', async () => {
    const project = batchProject(4);
    const [one, two] = await Promise.all([
      startCli(['build', 'manuscript/article-01.md', 'manuscript/article-02.md', '--format', 'epub'], project),
      startCli(['build', 'manuscript/article-03.md', 'manuscript/article-04.md', '--format', 'epub'], project),
    ]);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    const dist = path.join(project, 'dist');
    await expectOnlyWholeArtifacts(dist);
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { artifacts: { path: string }[] };
    expect(manifest.artifacts.map((artifact) => artifact.path).sort()).toEqual([1, 2, 3, 4].map((n) => `dist/article-0${n}.epub`));
  });
});
