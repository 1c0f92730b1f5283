import { CHUNK_SIZE, chunkCount } from '../engine/chunks.js';
import { addCounts, emptyCounts, type Counts } from '../engine/counts.js';
import { pointResult } from '../engine/point-result.js';
import { rangesTile, shardChunkRange, type ChunkRange, type Shard } from '../engine/shard.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { RNG_NAME } from '../random/xorwow.js';
import { failure, IssueCollector, ok, type Result } from '../scenario/issues.js';
import { isPlainObject } from '../scenario/paths.js';
import type { Expression, ValidationIssue } from '../scenario/types.js';
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

/**
 * Restricts every simulated point of a prepared run to a shard's chunks. A
 * precision target (adaptive replicates) cannot be sharded: it decides the
 * number of chunks from all the chunks seen, which one shard cannot know.
 */
export function shardPoints(run: PreparedRun, shard: Shard): Result<SimulationPoint[]> {
  const precision = run.simulated.find((p) => p.precision !== undefined)?.precision;
  if (precision !== undefined)
    return failure(
      'simulation.precision',
      precision,
      'no precision target in a sharded run (adaptive replicates decide the number of chunks from all of them, which one shard cannot know)',
      'give simulation.replicates or --replicates instead',
    );
  return ok(run.simulated.map((p) => ({ ...p, chunks: shardChunkRange(shard, chunkCount(p.replicates)) })));
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

/** The results of merged parts, and what `merge --svg` draws for each file. */
export interface MergedParts {
  results: RunResult[];
  curves: PartFile['curve'][];
}

/** A part with the name it was given (its file name), for messages. */
export interface NamedPart {
  name: string;
  part: ShardPart;
}

/** `I/N` of a part. */
const shardText = (part: ShardPart) => `${part.shard.index}/${part.shard.count}`;

/** Problems that make parts belong to different runs: engine, RNG, chunk size or shard count differ from the first part's, or no engine is this one. */
function runIssues(named: readonly NamedPart[]): ValidationIssue[] {
  const [first, ...others] = named;
  const out = new IssueCollector();
  for (const { name, part } of others) {
    if (part.engine !== first.part.engine)
      out.add(
        `${name}: engine`,
        part.engine,
        `"${first.part.engine}", the engine of ${first.name}`,
        'every shard of a run is simulated by one engine version',
      );
    if (part.rng !== first.part.rng) out.add(`${name}: rng`, part.rng, `"${first.part.rng}", the RNG of ${first.name}`);
    if (part.chunkSize !== first.part.chunkSize)
      out.add(`${name}: chunkSize`, part.chunkSize, `${first.part.chunkSize}, the chunk size of ${first.name}`);
    if (part.shard.count !== first.part.shard.count)
      out.add(
        `${name}: shard`,
        shardText(part),
        `a shard I/${first.part.shard.count}, as ${first.name} is shard ${shardText(first.part)}`,
        'the parts split the run differently',
      );
  }
  if (out.clean && first.part.engine !== ENGINE_VERSION)
    out.add(
      `${first.name}: engine`,
      first.part.engine,
      `"${ENGINE_VERSION}", the engine of this trialsim`,
      'merge the parts with the version that wrote them, or re-run every shard with this one',
    );
  return out.issues;
}

/** Problems with the set of shards: one given twice, or one missing. */
function shardIssues(named: readonly NamedPart[]): ValidationIssue[] {
  const n = named[0].part.shard.count;
  const out = new IssueCollector();
  const seen = new Map<number, string>();
  for (const { name, part } of named) {
    const other = seen.get(part.shard.index);
    if (other !== undefined)
      out.add(`${name}: shard`, shardText(part), 'each shard of the run once', `shard ${shardText(part)} is given twice: also ${other}`);
    seen.set(part.shard.index, name);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    out.add(
      'shard',
      [...seen.keys()]
        .sort((a, b) => a - b)
        .map((i) => `${i}/${n}`)
        .join(', '),
      `every shard from 1/${n} to ${n}/${n}`,
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing: merge needs every part of the run`,
    );
  return out.issues;
}

/**
 * Adds up the parts of a sharded run into the results a single run gives:
 * the same JSON as `trialsim run --format json`, apart from `workers` (the
 * sum over the parts) and `elapsedMs` (the longest part, the wall-clock time
 * of parallel jobs). Parts are untrusted input, read by `readPart`. Refuses,
 * with issues named `PART: path`, parts of different runs (engine, chunk
 * size, shard count, scenario fingerprints), a shard missing or given twice,
 * and chunk ranges that do not cover every chunk exactly once.
 */
export function mergeParts(named: readonly NamedPart[]): Result<MergedParts> {
  for (const check of [runIssues, shardIssues]) {
    const issues = check(named);
    if (issues.length > 0) return { ok: false, issues };
  }
  const [first, ...others] = named;
  const fileCount = first.part.files.length;
  const out = new IssueCollector();
  for (const { name, part } of others) {
    if (part.files.length !== fileCount)
      out.add(
        `${name}: files`,
        `${part.files.length} scenario file(s)`,
        `${fileCount}, as in ${first.name}`,
        'the parts come from different runs',
      );
  }
  if (!out.clean) return { ok: false, issues: out.issues };
  const results: RunResult[] = [];
  const curves: PartFile['curve'][] = [];
  for (let f = 0; f < fileCount; f++) {
    const base = first.part.files[f];
    const label = base.header.file ?? base.header.title;
    for (const { name, part } of others) {
      if (part.files[f].fingerprint !== base.fingerprint)
        out.add(
          `${name}: files[${f}].fingerprint`,
          part.files[f].fingerprint,
          `the fingerprint of ${label} in ${first.name}`,
          'it was simulated with other values or settings; run every shard from the same files and options',
        );
    }
    if (!out.clean) continue;
    const summed = base.points.map((point, j) => {
      const at = `files[${f}].points[${j}]`;
      const pieces = named.map(({ part }) => part.files[f].points[j]);
      named.forEach(({ name }, i) => {
        if (pieces[i].replicates !== point.replicates)
          out.add(
            `${name}: ${at}.replicates`,
            pieces[i].replicates,
            `${point.replicates}, as in ${first.name}`,
            `${label}: the parts disagree on the replicates of design point ${j + 1}`,
          );
      });
      const gap = rangesTile(
        pieces.map((p) => p.chunks),
        chunkCount(point.replicates),
      );
      if (gap !== undefined)
        out.add(
          `${at}.chunks`,
          pieces.map((p) => `${p.chunks.first}+${p.chunks.count}`).join(', '),
          `chunk ranges that cover each of the ${chunkCount(point.replicates)} chunks once`,
          `${label}, design point ${j + 1}: ${gap}`,
        );
      const counts = pieces.map((p) => p.counts).reduce(addCounts, emptyCounts());
      if (gap === undefined && counts.replicates !== point.replicates)
        out.add(
          `${at}.counts.replicates`,
          counts.replicates,
          `${point.replicates}, the replicates of the point (summed over the parts)`,
          `${label}, design point ${j + 1}`,
        );
      return pointResult(counts);
    });
    const workers = named.reduce((s, { part }) => s + part.workers, 0);
    const elapsedMs = Math.max(...named.map(({ part }) => part.elapsedMs));
    results.push(assembleResult(headerOf(base.header), base.sets, summed, { workers, elapsedMs }));
    curves.push(base.curve);
  }
  return out.result(() => ({ results, curves }));
}
