import { CHUNK_SIZE, chunkCount } from '../engine/chunks.js';
import { addCounts, emptyCounts, type Counts } from '../engine/counts.js';
import { pointResult } from '../engine/point-result.js';
import { rangesTile, shardChunkRange, type ChunkRange, type Shard } from '../engine/shard.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { RNG_NAME } from '../random/xorwow.js';
import { isPlainObject } from '../scenario/paths.js';
import type { Expression } from '../scenario/types.js';
import type { RunResult } from './run-result.js';
import { assembleResult, runHeader, type PreparedRun, type RunHeader } from './scenario-run.js';
import type { SimulationPoint } from '../engine/simulation-point.js';

/** The `format` of a part file written by `trialsim run --shard I/N`. */
export const PART_FORMAT = 'trialsim-part/1';

/** One simulated point of a part: which chunks it ran and what they counted. */
export interface PartPoint {
  /** Replicates of the whole (unsharded) point. */
  replicates: number;
  /** The chunks this shard ran. */
  chunks: ChunkRange;
  /** Their counts. */
  counts: Counts;
}

/** One scenario file of a part. */
export interface PartFile {
  /**
   * Identifies what was simulated: a hash of the resolved design points (seed,
   * replicates, every parameter), the run header and the engine, RNG and chunk
   * size. Parts merge only when their fingerprints agree.
   */
  fingerprint: string;
  /** The result's fields other than points and timing, as `run --format json` prints them. */
  header: RunHeader;
  /** The sweep values of each design point. */
  sets: Record<string, Expression>[];
  /** Every simulated point, in the order of `PreparedRun.simulated` (points, then points at the estimate). */
  points: PartPoint[];
  /** What `merge --svg` draws: the file's n to mark and the target line. */
  curve: { markN?: number; target?: number };
}

/** A part file: the partial counts of one shard of a run. */
export interface ShardPart {
  format: typeof PART_FORMAT;
  shard: Shard;
  engine: string;
  rng: string;
  chunkSize: number;
  workers: number;
  elapsedMs: number;
  files: PartFile[];
}

/** A part that cannot be read or merged: a one-line reason (exit code 2). */
export class PartError extends Error {
  override readonly name = 'PartError';
}

/** Restricts every simulated point of a prepared run to a shard's chunks. */
export function shardPoints(run: PreparedRun, shard: Shard): SimulationPoint[] {
  return run.simulated.map((p) => {
    if (p.precision !== undefined)
      throw new PartError(
        'a scenario with simulation.precision (adaptive replicates) cannot be sharded: the number of chunks is decided from all of them',
      );
    return { ...p, chunks: shardChunkRange(shard, chunkCount(p.replicates)) };
  });
}

/** What a fingerprint is computed from (hashing is the caller's: `src/` has no crypto). */
export function fingerprintInput(run: PreparedRun): string {
  const { file: _file, ...header } = runHeader(run);
  return canonicalJson({
    engine: ENGINE_VERSION,
    rng: RNG_NAME,
    chunkSize: CHUNK_SIZE,
    header,
    sets: run.points.map((p) => p.set),
    simulated: run.simulated.map((p) => ({ scenario: p.scenario, replicates: p.replicates })),
  });
}

/** JSON with object keys sorted, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/** The part of one file: its sharded points' counts. */
export function partFile(
  run: PreparedRun,
  points: readonly SimulationPoint[],
  counts: readonly Counts[],
  fingerprint: string,
  curve: PartFile['curve'],
  file?: string,
): PartFile {
  return {
    fingerprint,
    header: runHeader(run, file),
    sets: run.points.map((p) => p.set),
    points: points.map((p, i) => ({
      replicates: p.replicates,
      chunks: p.chunks!,
      counts: { replicates: counts[i].replicates, successes: counts[i].successes, degenerate: counts[i].degenerate },
    })),
    curve,
  };
}

/** The known fields of a run header, in the order `run --format json` prints them (a part is untrusted input). */
function headerOf(h: RunHeader): RunHeader {
  return {
    title: h.title,
    format: h.format,
    ...(h.file === undefined ? {} : { file: h.file }),
    test: h.test,
    alpha: h.alpha,
    sides: h.sides,
    quantity: h.quantity,
    seed: h.seed,
    rng: h.rng,
    engine: h.engine,
    chunkSize: h.chunkSize,
    fastPath: h.fastPath,
  };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks the shape of a parsed part file (untrusted input), throwing `PartError` with the first problem. */
export function readPart(name: string, data: unknown): ShardPart {
  const fail = (what: string): never => {
    throw new PartError(`${name}: ${what}`);
  };
  if (!isPlainObject(data)) fail('not a part file (a JSON object written by trialsim run --shard I/N)');
  const part = data as Record<string, unknown>;
  if (part.format !== PART_FORMAT)
    fail(`format: got ${JSON.stringify(part.format)}; allowed: "${PART_FORMAT}" (a file written by trialsim run --shard I/N)`);
  const shard = part.shard as Record<string, unknown>;
  if (!isPlainObject(shard) || !isCount(shard.index) || !isCount(shard.count) || shard.index < 1 || shard.index > shard.count)
    fail('shard: expected { index, count } with 1 ≤ index ≤ count');
  if (typeof part.engine !== 'string' || typeof part.rng !== 'string' || !isCount(part.chunkSize))
    fail('engine, rng and chunkSize are required');
  if (!isCount(part.workers) || !isCount(part.elapsedMs)) fail('workers and elapsedMs must be whole numbers');
  if (!Array.isArray(part.files) || part.files.length === 0) fail('files: expected a non-empty list');
  (part.files as unknown[]).forEach((f, i) => {
    const at = `files[${i}]`;
    if (!isPlainObject(f)) fail(`${at}: expected an object`);
    const file = f as Record<string, unknown>;
    if (typeof file.fingerprint !== 'string') fail(`${at}.fingerprint: expected a string`);
    const header = file.header as Record<string, unknown>;
    const headerOk =
      isPlainObject(header) &&
      ['title', 'format', 'test', 'seed', 'rng', 'engine'].every((k) => typeof header[k] === 'string') &&
      ['sides', 'chunkSize'].every((k) => typeof header[k] === 'number') &&
      (typeof header.alpha === 'number' || header.alpha === null) &&
      typeof header.fastPath === 'boolean' &&
      (header.file === undefined || typeof header.file === 'string') &&
      (header.quantity === 'power' || header.quantity === 'assurance');
    if (!headerOk)
      fail(
        `${at}.header: expected the header of a run result (title, format, test, alpha, sides, quantity, seed, rng, engine, chunkSize, fastPath)`,
      );
    if (!Array.isArray(file.sets) || file.sets.length === 0 || !file.sets.every(isPlainObject))
      fail(`${at}.sets: expected a list of objects`);
    const sets = file.sets as unknown[];
    const expected = sets.length * (header.quantity === 'assurance' ? 2 : 1);
    if (!Array.isArray(file.points) || file.points.length !== expected) fail(`${at}.points: expected ${expected} points`);
    (file.points as unknown[]).forEach((p, j) => {
      const pt = p as Record<string, unknown>;
      const chunks = pt?.chunks as Record<string, unknown>;
      const counts = pt?.counts as Record<string, unknown>;
      const ok =
        isPlainObject(p) &&
        isCount(pt.replicates) &&
        pt.replicates > 0 &&
        isPlainObject(chunks) &&
        isCount(chunks.first) &&
        isCount(chunks.count) &&
        isPlainObject(counts) &&
        isCount(counts.replicates) &&
        isCount(counts.successes) &&
        isCount(counts.degenerate) &&
        counts.successes <= counts.replicates &&
        counts.degenerate <= counts.replicates;
      if (!ok)
        fail(
          `${at}.points[${j}]: expected { replicates, chunks: { first, count }, counts: { replicates, successes, degenerate } } with whole numbers`,
        );
    });
    const curve = file.curve as Record<string, unknown>;
    const optionalNumber = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
    if (!isPlainObject(curve) || !optionalNumber(curve.markN) || !optionalNumber(curve.target))
      fail(`${at}.curve: expected { markN?, target? } with numbers`);
  });
  return data as ShardPart;
}

/**
 * Adds up the parts of a sharded run into the results a single run gives:
 * the same JSON as `trialsim run --format json`, apart from `workers` (the
 * sum over the parts) and `elapsedMs` (the longest part, the wall-clock time
 * of parallel jobs). Refuses, with a `PartError`, parts of different runs
 * (engine, chunk size, shard count, scenario fingerprints), a shard missing or
 * given twice, and chunk ranges that do not cover every chunk exactly once.
 */
export function mergeParts(named: ReadonlyArray<{ name: string; part: ShardPart }>): { results: RunResult[]; curves: PartFile['curve'][] } {
  const [first, ...others] = named;
  const n = first.part.shard.count;
  for (const { name, part } of others) {
    if (part.engine !== first.part.engine)
      throw new PartError(
        `${name}: engine ${part.engine}, but ${first.name} has engine ${first.part.engine}; re-run every shard with one version`,
      );
    if (part.rng !== first.part.rng || part.chunkSize !== first.part.chunkSize)
      throw new PartError(`${name}: RNG or chunk size differs from ${first.name}`);
    if (part.shard.count !== n)
      throw new PartError(
        `${name}: shard ${part.shard.index}/${part.shard.count}, but ${first.name} is shard ${first.part.shard.index}/${n}: the parts split the run differently`,
      );
  }
  if (first.part.engine !== ENGINE_VERSION)
    throw new PartError(`${first.name}: written by engine ${first.part.engine}; this is engine ${ENGINE_VERSION}`);
  const seen = new Map<number, string>();
  for (const { name, part } of named) {
    const other = seen.get(part.shard.index);
    if (other !== undefined) throw new PartError(`${name}: shard ${part.shard.index}/${n} is given twice (also ${other})`);
    seen.set(part.shard.index, name);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new PartError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing: merge needs every part of the run`,
    );

  const fileCount = first.part.files.length;
  for (const { name, part } of others) {
    if (part.files.length !== fileCount)
      throw new PartError(
        `${name}: ${part.files.length} scenario file(s), but ${first.name} has ${fileCount}: the parts come from different runs`,
      );
  }
  const results: RunResult[] = [];
  const curves: PartFile['curve'][] = [];
  for (let f = 0; f < fileCount; f++) {
    const base = first.part.files[f];
    const label = base.header.file ?? base.header.title;
    for (const { name, part } of others) {
      if (part.files[f].fingerprint !== base.fingerprint) {
        throw new PartError(
          `${name}: ${label} was simulated with other values or settings than in ${first.name} (scenario fingerprints differ); run every shard from the same files and options`,
        );
      }
    }
    const summed = base.points.map((point, j) => {
      const total = chunkCount(point.replicates);
      const pieces = named.map(({ part }) => part.files[f].points[j]);
      if (pieces.some((p) => p.replicates !== point.replicates))
        throw new PartError(`${label}: the parts disagree on the replicates of design point ${j + 1}`);
      const gap = rangesTile(
        pieces.map((p) => p.chunks),
        total,
      );
      if (gap !== undefined) throw new PartError(`${label}, design point ${j + 1}: ${gap}`);
      const counts = pieces.map((p) => p.counts).reduce(addCounts, emptyCounts());
      if (counts.replicates !== point.replicates)
        throw new PartError(`${label}, design point ${j + 1}: the parts count ${counts.replicates} replicates, not ${point.replicates}`);
      return pointResult(counts);
    });
    const workers = named.reduce((s, { part }) => s + part.workers, 0);
    const elapsedMs = Math.max(...named.map(({ part }) => part.elapsedMs));
    results.push(assembleResult(headerOf(base.header), base.sets, summed, { workers, elapsedMs }));
    curves.push(base.curve);
  }
  return { results, curves };
}
