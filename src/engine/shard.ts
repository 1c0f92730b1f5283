/**
 * Sharding: splitting the chunks of every design point across separate jobs
 * (CI jobs, batch-scheduler tasks) whose counts are later added up. Chunk k is
 * seeded from (seed, k) alone, so a shard that runs chunks a … b − 1 produces
 * exactly the counts those chunks give in a single run, and the sum over all
 * shards is the single run's result.
 */

/** A run of consecutive chunks: `first`, `first + 1`, …, `first + count − 1`. */
export interface ChunkRange {
  first: number;
  count: number;
}

/** Shard `index` of `count` (1-based, as written on the command line: `--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

/** Most shards a run may be split into. */
export const MAX_SHARDS = 10_000;

/**
 * Parses `i/n` (1 ≤ i ≤ n ≤ MAX_SHARDS). Returns the shard, or a one-line
 * reason when the text is not of that form.
 */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return 'expected I/N, e.g. 2/3 (the second of three shards)';
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return `N must be a whole number from 1 to ${MAX_SHARDS}`;
  if (index < 1 || index > count) return `I must be a whole number from 1 to N (${count})`;
  return { index, count };
}

/**
 * The chunks shard `shard` runs of a design point that has `totalChunks`
 * chunks: the contiguous block ⌊(i − 1)·C/n⌋ … ⌊i·C/n⌋ − 1. Blocks of the n
 * shards tile 0 … C − 1 without gaps or overlaps and differ in length by at
 * most one chunk; a shard may get no chunk of a point when C < n.
 */
export function shardChunkRange(shard: Shard, totalChunks: number): ChunkRange {
  const first = Math.floor(((shard.index - 1) * totalChunks) / shard.count);
  const end = Math.floor((shard.index * totalChunks) / shard.count);
  return { first, count: end - first };
}

/**
 * Checks that `ranges` cover chunks 0 … totalChunks − 1 exactly once each.
 * Returns undefined when they do, else a one-line reason naming the first
 * chunk missing or covered twice.
 */
export function rangesTile(ranges: readonly ChunkRange[], totalChunks: number): string | undefined {
  const sorted = ranges.filter((r) => r.count > 0).sort((a, b) => a.first - b.first);
  let next = 0;
  for (const r of sorted) {
    if (r.first > next) return `chunks ${next}–${r.first - 1} are in no part`;
    if (r.first < next) return `chunk ${r.first} is in more than one part`;
    next = r.first + r.count;
  }
  if (next < totalChunks) return `chunks ${next}–${totalChunks - 1} are in no part`;
  if (next > totalChunks) return `the parts have chunks up to ${next - 1}, but the run has ${totalChunks}`;
  return undefined;
}
