// Batch builds through the real CLI: one browser for many documents, incremental rebuilds, the
// manifest, shards and their merge, machine-readable events.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { addArticles, PNG, tempProject } from '../helpers/projects.js';

/** A project of its own with a few generated articles, one showing an image. */
function batchProject(articles = 4): string {
  const project = tempProject({ prefix: 'avim-press-batch-', copy: ['templates', 'styles'] });
  addArticles(project, articles);
  writeFileSync(path.join(project, 'manuscript', 'map.png'), PNG);
  const first = path.join(project, 'manuscript', 'article-1.md');
  writeFileSync(first, `${readFileSync(first, 'utf8')}\n![A map](map.png)\n`);
  return project;
}

const manifestOf = (folder: string, name = 'manifest.json') =>
  JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as { browser?: string; artifacts: { path: string; sha256: string; pages?: number; inputs: { path: string }[] }[] };
const builtLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => / \d+ ms/.test(line))
    .map((line) => line.split('  ')[0]);

describe('a batch of manuscripts', () => {
  const project = batchProject();
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    first = runCli(['build', '--jobs', '2'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } });
  });

  it('builds every document on one browser and records each artifact in the manifest', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout.match(/^browser: /gm)).toHaveLength(1);
    expect(builtLines(first.stdout).sort()).toEqual([1, 2, 3, 4].flatMap((n) => [`dist/article-${n}.epub`, `dist/article-${n}.pdf`]).sort());
    expect(first.stdout).toMatch(/^built 4, skipped 0, failed 0 in [\d.]+ s; manifest dist\/manifest\.json$/m);
    const manifest = manifestOf(path.join(project, 'dist'));
    expect(manifest.artifacts).toHaveLength(8);
    expect(manifest.browser).toMatch(/Chrome/);
    for (const artifact of manifest.artifacts) {
      const bytes = readFileSync(path.join(project, artifact.path));
      expect(artifact.sha256).toBe(createHashOf(bytes));
      if (artifact.path.endsWith('.pdf')) expect(artifact.pages).toBeGreaterThan(1);
    }
    expect(manifest.artifacts.find((artifact) => artifact.path === 'dist/article-1.pdf')!.inputs.map((input) => input.path)).toEqual(['manuscript/article-1.md', 'manuscript/map.png']);
  });

  it('builds nothing again when nothing changed', () => {
    const again = runCli(['build'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/^browser: /m);
    expect(again.stdout).toMatch(/^built 0, skipped 4, failed 0/m);
  });

  it('rebuilds only the document whose image changed', () => {
    writeFileSync(path.join(project, 'manuscript', 'map.png'), Buffer.concat([readFileSync(path.join(project, 'manuscript', 'map.png')), Buffer.from([0])]));
    const run = runCli(['build'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.stdout).toMatch(/^built 1, skipped 3, failed 0/m);
    expect(builtLines(run.stdout).sort()).toEqual(['dist/article-1.epub', 'dist/article-1.pdf']);
  });

  it('rebuilds everything when a shared template changes, or with --force', () => {
    const colophon = path.join(project, 'templates', 'sections', 'colophon.ejs');
    writeFileSync(colophon, `${readFileSync(colophon, 'utf8')}\n<p class="note">Printed in Ankara.</p>\n`);
    expect(runCli(['build'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } }).stdout).toMatch(/^built 4, skipped 0, failed 0/m);
    expect(runCli(['build', '--force', '--format', 'epub'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } }).stdout).toMatch(/^built 4, skipped 0, failed 0/m);
  });

  it('goes on when one document fails and says which, by its line', () => {
    const broken = path.join(project, 'manuscript', 'article-3.md');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('[^n1]', '[^missing]'));
    const run = runCli(['build', '--format', 'epub'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^manuscript\/article-3\.md:\d+:\d+: error: Call to note "missing", but no such note is defined \(note-undefined\)$/m);
    expect(run.stdout).toMatch(/^built 0, skipped 3, failed 1/m);
  });

  it('prints machine-readable events with --json', () => {
    const run = runCli(['build', '--json', '--force', '--format', 'epub', 'manuscript/article-2.md'], { cwd: project });
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; ruleId?: string });
    // The batch project is no git work tree: where the date came from is said, as a diagnostic.
    // Stage events (progress) are tested in stage-progress.test.ts.
    const told = events.filter((event) => event.type !== 'stage');
    expect(told.map((event) => event.type)).toEqual(['start', 'browser', 'diagnostic', 'artifact', 'document', 'done']);
    expect(told[2]).toMatchObject({
      type: 'diagnostic',
      document: 'manuscript/article-2.md',
      file: 'manuscript/article-2.md',
      line: 1,
      column: 1,
      severity: 'info',
      ruleId: 'date-source',
      source: 'avim-press',
    });
  });
});

describe('shards', () => {
  it('split the manuscripts across runs; their manifests merge into one', () => {
    const project = batchProject(5);
    const runs = [1, 2].map((index) => runCli(['build', '--format', 'epub', '--shard', `${index}/2`], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } }));
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const dist = path.join(project, 'dist');
    const shard1 = manifestOf(dist, 'manifest-1-of-2.json').artifacts.map((artifact) => artifact.path);
    const shard2 = manifestOf(dist, 'manifest-2-of-2.json').artifacts.map((artifact) => artifact.path);
    expect(shard1).toEqual(['dist/article-1.epub', 'dist/article-3.epub', 'dist/article-5.epub']);
    expect(shard2).toEqual(['dist/article-2.epub', 'dist/article-4.epub']);
    expect(existsSync(path.join(dist, 'manifest.json'))).toBe(false);
    const merge = runCli(['merge-manifests', dist], { cwd: project });
    expect(merge.status, merge.stderr).toBe(0);
    expect(manifestOf(dist).artifacts.map((artifact) => artifact.path)).toEqual([...shard1, ...shard2].sort());
  });

  it('refuses a shard that does not exist', () => {
    const run = runCli(['build', '--shard', '3/2'], { cwd: batchProject(1) });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--shard takes K/N with 1 ≤ K ≤ N');
  });
});

describe('two manuscripts with one slug', () => {
  it('is an error, not a silent overwrite', () => {
    const project = batchProject(1);
    mkdirSync(path.join(project, 'manuscript', 'other'));
    writeFileSync(path.join(project, 'manuscript', 'other', 'article-1.md'), '---\ntitle: Another\n---\n\nText.\n');
    const run = runCli(['build', 'manuscript', 'manuscript/other', '--format', 'epub', '--jobs', '1'], { cwd: project });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'manuscript/other/article-1.md:1:1: error: Its artifacts would be article-1.pdf and article-1.epub, which manuscript/article-1.md also writes: give one a `slug` in its front matter (slug-clash)',
    );
  });
});

function createHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
