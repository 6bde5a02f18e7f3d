// Peak memory for the benchmarks: resident memory of a process tree, read from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process and all its descendants, in bytes (0 where /proc is not there). */
export function treeRss(root: number): number {
  let children: Map<number, number[]>;
  try {
    children = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // Field 4 of /proc/<pid>/stat is the parent; the name (field 2) may hold spaces, in parentheses.
        const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
        children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      } catch {
        // The process ended while we looked.
      }
    }
  } catch {
    return 0;
  }
  let total = 0;
  const visit = (pid: number) => {
    try {
      const kilobytes = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kilobytes ?? 0) * 1024;
    } catch {
      // Gone.
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return total;
}
