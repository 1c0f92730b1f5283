import { IssueCollector, failure, type Result } from '../scenario/issues.js';
import { capIssues } from '../scenario/load.js';
import { isPlainObject } from '../scenario/paths.js';
import { PART_FORMAT, type ShardPart } from './shard-part.js';

const WRITTEN_BY = 'a file written by trialsim run --shard I/N';
const isWhole = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

/** The run header's string fields, as `run --format json` prints them. */
const HEADER_STRINGS = ['title', 'format', 'test', 'seed', 'rng', 'engine'] as const;

/** Checks one simulated point of a part: whole numbers, and no more successes or degenerate trials than replicates. */
function checkPoint(out: IssueCollector, at: string, p: unknown): void {
  if (!isPlainObject(p)) {
    out.add(at, p, '{ replicates, chunks: { first, count }, counts: { replicates, successes, degenerate } }');
    return;
  }
  if (!isWhole(p.replicates, 1)) out.add(`${at}.replicates`, p.replicates, 'a whole number ≥ 1 (replicates of the whole point)');
  const { chunks, counts } = p;
  if (!isPlainObject(chunks)) out.add(`${at}.chunks`, chunks, '{ first, count }: the chunks this shard ran');
  else
    for (const k of ['first', 'count'] as const) if (!isWhole(chunks[k], 0)) out.add(`${at}.chunks.${k}`, chunks[k], 'a whole number ≥ 0');
  if (!isPlainObject(counts)) {
    out.add(`${at}.counts`, counts, '{ replicates, successes, degenerate }: what the chunks counted');
    return;
  }
  if (!isWhole(counts.replicates, 0)) {
    out.add(`${at}.counts.replicates`, counts.replicates, 'a whole number ≥ 0');
    return;
  }
  for (const k of ['successes', 'degenerate'] as const)
    if (!isWhole(counts[k], 0) || counts[k] > counts.replicates)
      out.add(`${at}.counts.${k}`, counts[k], `a whole number from 0 to counts.replicates (${counts.replicates})`);
}

/** Checks one scenario file of a part: fingerprint, run header, sweep values, points and curve. */
function checkFile(out: IssueCollector, at: string, f: unknown): void {
  if (!isPlainObject(f)) {
    out.add(at, f, '{ fingerprint, header, sets, points, curve }: one scenario file of the run');
    return;
  }
  if (typeof f.fingerprint !== 'string') out.add(`${at}.fingerprint`, f.fingerprint, 'a string');
  const { header, sets, points, curve } = f;
  if (!isPlainObject(header)) {
    out.add(
      `${at}.header`,
      header,
      'the header of a run result (title, format, test, alpha, sides, quantity, seed, rng, engine, chunkSize, fastPath)',
    );
  } else {
    for (const k of HEADER_STRINGS) if (typeof header[k] !== 'string') out.add(`${at}.header.${k}`, header[k], 'a string');
    for (const k of ['sides', 'chunkSize'] as const) if (typeof header[k] !== 'number') out.add(`${at}.header.${k}`, header[k], 'a number');
    if (typeof header.alpha !== 'number' && header.alpha !== null) out.add(`${at}.header.alpha`, header.alpha, 'a number, or null');
    if (typeof header.fastPath !== 'boolean') out.add(`${at}.header.fastPath`, header.fastPath, 'true or false');
    if (header.file !== undefined && typeof header.file !== 'string') out.add(`${at}.header.file`, header.file, 'a string, or left out');
    if (header.quantity !== 'power' && header.quantity !== 'assurance')
      out.add(`${at}.header.quantity`, header.quantity, '"power" or "assurance"');
  }
  if (!Array.isArray(sets) || sets.length === 0 || !sets.every(isPlainObject)) {
    out.add(`${at}.sets`, sets, 'a non-empty list of objects (the sweep values of each design point)');
  } else if (isPlainObject(header) && (header.quantity === 'power' || header.quantity === 'assurance')) {
    const assurance = header.quantity === 'assurance';
    const expected = sets.length * (assurance ? 2 : 1);
    if (!Array.isArray(points) || points.length !== expected) {
      out.add(
        `${at}.points`,
        points,
        `a list of ${expected} points (one per design point${assurance ? ', then one per design point at the estimate' : ''})`,
      );
    } else {
      points.forEach((p, j) => checkPoint(out, `${at}.points[${j}]`, p));
    }
  }
  const optionalNumber = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  if (!isPlainObject(curve)) out.add(`${at}.curve`, curve, '{ markN?, target? }: what merge --svg draws');
  else
    for (const k of ['markN', 'target'] as const)
      if (!optionalNumber(curve[k])) out.add(`${at}.curve.${k}`, curve[k], 'a number, or left out');
}

/**
 * Reads a parsed part file (untrusted input: any JSON) into a `ShardPart`,
 * or lists every problem, each with its JSON path in the part, the value
 * found and what is allowed (at most `MAX_ISSUES`, then how many more).
 * A file that is not a part at all (another `format`) is reported by that alone.
 */
export function readPart(data: unknown): Result<ShardPart> {
  if (!isPlainObject(data)) return failure('', data, `a part file: a JSON object (${WRITTEN_BY})`);
  if (data.format !== PART_FORMAT) return failure('format', data.format, `"${PART_FORMAT}"`, WRITTEN_BY);
  const out = new IssueCollector();
  const { shard } = data;
  if (!isPlainObject(shard)) out.add('shard', shard, '{ index, count }: shard I of N');
  else if (!isWhole(shard.count, 1)) out.add('shard.count', shard.count, 'a whole number ≥ 1 (the N of --shard I/N)');
  else if (!isWhole(shard.index, 1) || shard.index > shard.count)
    out.add('shard.index', shard.index, `a whole number from 1 to shard.count (${shard.count})`);
  for (const k of ['engine', 'rng'] as const) if (typeof data[k] !== 'string') out.add(k, data[k], 'a string');
  if (!isWhole(data.chunkSize, 1)) out.add('chunkSize', data.chunkSize, 'a whole number ≥ 1');
  for (const k of ['workers', 'elapsedMs'] as const) if (!isWhole(data[k], 0)) out.add(k, data[k], 'a whole number ≥ 0');
  if (!Array.isArray(data.files) || data.files.length === 0) out.add('files', data.files, 'a non-empty list of scenario files');
  else data.files.forEach((f, i) => checkFile(out, `files[${i}]`, f));
  return out.clean ? { ok: true, value: data as unknown as ShardPart } : { ok: false, issues: capIssues(out.issues) };
}
