// Shards, manifests and input hashes: the pure parts of batch builds.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashInput, inputsUnchanged } from '../../src/batch/inputs.js';
import { mergeManifests, type Manifest } from '../../src/batch/manifest.js';
import { parseShard, selectShard } from '../../src/batch/shard.js';
import { tempDir } from '../helpers/cli.js';

describe('shards', () => {
  it('deals sorted sources round-robin, each exactly once over all shards', () => {
    const sources = ['e.md', 'a.md', 'd.md', 'c.md', 'b.md'];
    const shards = [1, 2, 3].map((index) => selectShard(sources, { index, count: 3 }, (name) => name));
    expect(shards).toEqual([['a.md', 'd.md'], ['b.md', 'e.md'], ['c.md']]);
    expect(shards.flat().sort()).toEqual([...sources].sort());
  });

  it('parses K/N and refuses nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'x', '1-2']) expect(() => parseShard(bad), bad).toThrow(/--shard takes K\/N/);
  });
});

describe('manifests', () => {
  const artifact = (name: string, sha: string) => ({
    path: `dist/${name}`,
    format: 'pdf' as const,
    sha256: sha,
    bytes: 1,
    source: `manuscript/${name}.md`,
    sourceSha256: 'x',
    inputs: [],
    optionsKey: 'o',
  });
  const manifest = (artifacts: ReturnType<typeof artifact>[], version = '1.0.0'): Manifest => ({ tool: { name: 'avim-press', version }, sharedKey: 's', artifacts });

  it('merges shards by path', () => {
    const merged = mergeManifests([manifest([artifact('a.pdf', '1'), artifact('b.pdf', '2')]), manifest([artifact('c.pdf', '3'), artifact('b.pdf', '4')])]);
    expect(merged.artifacts.map((entry) => [entry.path, entry.sha256])).toEqual([
      ['dist/a.pdf', '1'],
      ['dist/b.pdf', '4'],
      ['dist/c.pdf', '3'],
    ]);
  });

  it('refuses to merge manifests of two tool versions', () => {
    expect(() => mergeManifests([manifest([], '1.0.0'), manifest([], '1.1.0')])).toThrow(/different avim-press versions: 1.0.0, 1.1.0/);
  });
});

describe('input hashes', () => {
  it('notice a changed and a deleted input', () => {
    const root = tempDir('avim-press-inputs-');
    const file = path.join(root, 'a.md');
    writeFileSync(file, 'one');
    const recorded = [hashInput(root, file)];
    expect(recorded[0]!.path).toBe('a.md');
    expect(inputsUnchanged(root, recorded)).toBe(true);
    writeFileSync(file, 'two');
    expect(inputsUnchanged(root, recorded)).toBe(false);
    expect(inputsUnchanged(root, [{ path: 'gone.md', sha256: recorded[0]!.sha256 }])).toBe(false);
  });
});
