// --shard K/N: the K-th of N deterministic slices of the manuscripts, so a CI matrix can split a
// large catalogue across machines. Sources are sorted by path and dealt round-robin, which keeps the
// slices the same size within one document and the same on every machine.
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes K/N with 1 ≤ K ≤ N (for example 1/4), not "${value}"`);
  }
  return { index, count };
}

export function selectShard<T>(items: T[], shard: Shard, key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).filter((_, position) => position % shard.count === shard.index - 1);
}
