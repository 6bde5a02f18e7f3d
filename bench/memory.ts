// Peak memory for the benchmarks: the memory of a process tree, read from /proc (Linux). Summed PSS
// (proportional set size: a page shared by n processes counts 1/n in each), as issue 14 states its
// target: summed RSS counts the browser's shared libraries once per Chromium process.
import { readdirSync, readFileSync } from 'node:fs';

/** Every process of a tree: the root and all its descendants. */
function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  try {
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
    return [];
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    found.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return found;
}

/** Summed PSS of a process and its descendants, in bytes (RSS where smaps_rollup is missing; 0 without /proc). */
export function treePss(root: number): number {
  let total = 0;
  for (const pid of treePids(root)) {
    try {
      const kilobytes = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      total += Number(kilobytes ?? 0) * 1024;
    } catch {
      try {
        total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      } catch {
        // Gone.
      }
    }
  }
  return total;
}
