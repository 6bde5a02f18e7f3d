// The processes a CLI run started, read from `ps`: to see that it closes its browser.
import { execFileSync } from 'node:child_process';

/** The browser processes a CLI process started (its children, not the other test workers'). */
export function browserPids(cliPid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  return table
    .trim()
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .filter(([, ppid, command]) => Number(ppid) === cliPid && /chrom/i.test(command ?? ''))
    .map(([pid]) => Number(pid));
}
