// `avim-press init`: a new project that builds at once, and never over anything that exists.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

describe('avim-press init', () => {
  it('makes a project whose sample manuscript builds both artifacts at once', () => {
    const folder = path.join(tempDir(), 'publications');
    const init = runCli(['init', folder]);
    expect(init.status, init.stderr).toBe(0);
    for (const file of ['avim-press.config.yaml', 'brand/publisher.yaml', 'manuscript/welcome.md', '.gitignore', '.github/workflows/release.yml', 'package.json']) {
      expect(existsSync(path.join(folder, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.build).toBe('avim-press build');
    // The release workflow runs `npm run review` as it runs `npm run build`.
    expect(manifest.scripts.review).toBe('avim-press review');
    const build = runCli(['build'], { cwd: folder });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    expect(existsSync(path.join(folder, 'dist', 'welcome.pdf'))).toBe(true);
    expect(existsSync(path.join(folder, 'dist', 'welcome.epub'))).toBe(true);
  });

  it('writes nothing into a folder that has one of its files', () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'package.json'), '{"name":"mine"}\n');
    const init = runCli(['init', folder]);
    expect(init.status).toBe(1);
    expect(init.stderr).toContain('package.json');
    expect(existsSync(path.join(folder, 'avim-press.config.yaml'))).toBe(false);
    expect(readFileSync(path.join(folder, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
  });

  it('gives new projects this repository’s own release workflow', () => {
    expect(readFileSync(path.join(ROOT, 'templates', 'init', 'release.yml'), 'utf8')).toBe(readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'));
  });
});
