// The real CLI on broken manuscripts: located errors, exit codes, and nothing lost in the output folder.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

function manuscript(name: string, text: string): string {
  const folder = tempDir('avim-press-ms-');
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

describe('avim-press build on bad input', () => {
  it('exits 1 with file:line:column for an error, writes nothing, and keeps the previous artifact', () => {
    const out = tempDir();
    const good = manuscript('paper.md', '---\ntitle: Good\n---\n\nText.[^a]\n\n[^a]: A note.\n');
    expect(runCli(['build', good, '--out', out, '--format', 'epub']).status).toBe(0);
    const before = readFileSync(path.join(out, 'paper.epub'));

    writeFileSync(good, '---\ntitle: Broken\n---\n\nText with a dangling call[^nowhere].\n');
    const run = runCli(['build', good, '--out', out, '--format', 'epub']);
    expect(run.status).toBe(1);
    // Outside the working folder, a manuscript is named by its absolute path.
    expect(run.stderr).toContain(`${good}:5:26: error: Call to note "nowhere", but no such note is defined (note-undefined)`);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'paper.epub']);
    expect(readFileSync(path.join(out, 'paper.epub')).equals(before)).toBe(true);
  });

  it('builds despite a warning, and fails on it with --strict', () => {
    const out = tempDir();
    const file = manuscript('warned.md', '---\ntitle: Warned\n---\n\nText.\n\n[^unused]: Never called.\n');
    const lenient = runCli(['build', file, '--out', out, '--format', 'epub']);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain('warned.md:7:1: warning: Note "unused" is never called in the text (note-unused)');
    const strict = runCli(['build', file, '--out', tempDir(), '--format', 'epub', '--strict']);
    expect(strict.status).toBe(1);
    // Printed once, then named as the reason the manuscript failed.
    expect(strict.stderr.split('warned.md:7:1: warning: Note "unused" is never called in the text (note-unused)').length - 1).toBe(1);
    expect(strict.stderr).toMatch(/warned\.md:1:1: error: 1 warning, and --strict makes warnings fail the build \(strict\)$/m);
  });

  it('goes on with the other manuscripts when one fails', () => {
    const out = tempDir();
    const bad = manuscript('a-bad.md', '---\ntitel: Misspelt\n---\n');
    const good = manuscript('b-good.md', '---\ntitle: Fine\n---\n\nText.\n');
    const run = runCli(['build', bad, good, '--out', out, '--format', 'epub']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('a-bad.md:2:1: error: Unknown key "titel"; did you mean "title"? (frontmatter-unknown-key)');
    expect(readdirSync(out).sort()).toEqual(['b-good.epub', 'manifest.json']);
    expect(run.stdout).toMatch(/^built 1, skipped 0, failed 1 in [\d.]+ s; manifest /m);
  });

  it('exits 2 on a usage error and explains', () => {
    const run = runCli(['build', '--format', 'docx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format takes pdf, epub or pdf,epub, not "docx"');
    expect(runCli(['frobnicate']).status).toBe(2);
  });

  it('prints help', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('avim-press build [files or folders...] [options]');
  });
});
