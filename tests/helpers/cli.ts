// Run the real CLI (the compiled bin that npm installs) in a child process.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'lib', 'bin', 'avim-press.js');
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

/** The CLI without blocking this process (a server in the test must keep answering); `onLine` sees
 * each stdout line as it comes, to act mid-build. */
export function runCliAsync(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string, pid: number) => void } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  let pending = '';
  // Decoded as UTF-8 across chunks: a Turkish letter split between two chunks stays one letter.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) options.onLine?.(line, child.pid!);
  });
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}
