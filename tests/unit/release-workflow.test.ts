// The release workflow parses, runs on version tags, and uses the commands a person uses (the
// README's), then attaches the PDFs, EPUBs, the merged manifest and the PDFs' review sheets to the release.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; strategy?: { matrix: { shard: number[] } } }>;
}

const workflow = parse(readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('.github/workflows/release.yml', () => {
  it('runs on version tags and may write the release', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions.contents).toBe('write');
  });

  it('builds with the README’s commands, validating, one shard per matrix job', () => {
    const runs = workflow.jobs.build!.steps.map((step) => step.run).filter(Boolean) as string[];
    expect(runs).toContain('npm ci');
    expect(readme).toContain('npm ci && npm run build');
    const build = runs.find((run) => run.startsWith('npm run build'))!;
    // Validated by both EPUBChecks, and problems annotate the manuscripts' lines.
    expect(build).toMatch(/^npm run build -- --validate --reporter github --shard \$\{\{ matrix\.shard \}\}\/2$/);
    expect(runs.some((run) => /apt-get install .*\bepubcheck\b.*\bdefault-jre-headless\b/.test(run))).toBe(true);
    expect(workflow.jobs.build!.strategy!.matrix.shard).toEqual([1, 2]);
    expect(packageJson.scripts.build).toBe('node lib/bin/avim-press.js build');
    // The tag's commit dates the artifacts: the same bytes on any machine.
    expect(runs.some((run) => run.includes('SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)'))).toBe(true);
  });

  it('keeps the project’s cache (the drawn covers) from one release to the next, per shard, before the build', () => {
    const steps = workflow.jobs.build!.steps;
    const cache = steps.findIndex((step) => step.uses === 'actions/cache@v4');
    expect(steps[cache]!.with).toEqual({
      path: '.avim-press-cache',
      key: 'avim-press-cache-${{ matrix.shard }}-${{ github.sha }}',
      'restore-keys': 'avim-press-cache-${{ matrix.shard }}-',
    });
    expect(cache).toBeLessThan(steps.findIndex((step) => step.run?.startsWith('npm run build')));
  });

  it('merges the shards’ manifests and attaches every artifact', () => {
    const release = workflow.jobs.release!;
    expect(release.needs).toBe('build');
    const runs = release.steps.map((step) => step.run).filter(Boolean) as string[];
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run merge-manifests -- dist');
    expect(packageJson.scripts['merge-manifests']).toBe('node lib/bin/avim-press.js merge-manifests');
    expect(runs.at(-1)).toMatch(/^gh release create "\$GITHUB_REF_NAME" dist\/\*\.pdf dist\/\*\.epub dist\/manifest\.json dist\/\*\.review\*\.png /);
  });

  it('draws a review sheet of every PDF after the manifests are merged (their marks come from it), before attaching', () => {
    const runs = workflow.jobs.release!.steps.map((step) => step.run).filter(Boolean) as string[];
    const review = runs.indexOf('npm run review -- dist/*.pdf');
    expect(review).toBeGreaterThan(runs.indexOf('npm run merge-manifests -- dist'));
    expect(review).toBeLessThan(runs.length - 1);
    expect(packageJson.scripts.review).toBe('node lib/bin/avim-press.js review');
  });

  it('uses only pinned major versions of GitHub’s own actions', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.uses).filter(Boolean));
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
