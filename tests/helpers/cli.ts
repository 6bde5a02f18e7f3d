// Run the real CLI (the compiled bin that npm installs) in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'lib', 'cli.js');
// The seed exactly as received (a copy of ../shared/seed/, so the tests need nothing outside the repository).
export const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', 'avim-analysis-china-central-asia.txt');
export const SAMPLE = path.join(ROOT, 'manuscript', 'china-central-asia.md');

export function tempDir(prefix = 'avim-press-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
