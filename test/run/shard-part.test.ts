import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine/version.js';
import { readPart } from '../../src/run/read-part.js';
import { mergeParts, PART_FORMAT, type ShardPart } from '../../src/run/shard-part.js';
import { MAX_ISSUES } from '../../src/scenario/limits.js';

/** A well-formed part of a run with one design point of 2000 replicates (2 chunks), split in two shards. */
function part(index: number, extra: Partial<ShardPart> = {}): ShardPart {
  return {
    format: PART_FORMAT,
    shard: { index, count: 2 },
    engine: ENGINE_VERSION,
    rng: 'xorwow',
    chunkSize: 1000,
    workers: 1,
    elapsedMs: 10,
    files: [
      {
        fingerprint: 'sha256:abc',
        header: {
          title: 'T',
          format: 'trialsim/1',
          test: 'welch-t',
          alpha: 0.05,
          sides: 2,
          quantity: 'power',
          seed: 's',
          rng: 'xorwow',
          engine: ENGINE_VERSION,
          chunkSize: 1000,
          fastPath: true,
        },
        sets: [{}],
        points: [{ replicates: 2000, chunks: { first: index - 1, count: 1 }, counts: { replicates: 1000, successes: 800, degenerate: 0 } }],
        curve: {},
      },
    ],
    ...extra,
  };
}

describe('readPart', () => {
  it('returns a well-formed part as it is', () => {
    const read = readPart(JSON.parse(JSON.stringify(part(1))));
    expect(read.ok && read.value.shard).toEqual({ index: 1, count: 2 });
  });

  it('refuses what is not a part by its format alone', () => {
    expect(readPart([1])).toEqual({ ok: false, issues: [expect.objectContaining({ path: '', value: [1] })] });
    const other = readPart({ format: 'trialsim/1', title: 'a scenario' });
    expect(other).toEqual({
      ok: false,
      issues: [{ path: 'format', value: 'trialsim/1', allowed: '"trialsim-part/1"', hint: 'a file written by trialsim run --shard I/N' }],
    });
  });

  it('lists every problem with its path, the value found and what is allowed', () => {
    const bad = JSON.parse(JSON.stringify(part(1)));
    bad.shard.index = 3;
    bad.workers = -1;
    bad.files[0].header.quantity = 'both';
    bad.files[0].points[0].counts.successes = 1001;
    bad.files[0].curve.target = 'high';
    const read = readPart(bad);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((i) => [i.path, i.value])).toEqual([
      ['shard.index', 3],
      ['workers', -1],
      ['files[0].header.quantity', 'both'],
      ['files[0].curve.target', 'high'],
    ]);
    bad.files[0].header.quantity = 'power';
    const again = readPart(bad);
    expect(!again.ok && again.issues.find((i) => i.path === 'files[0].points[0].counts.successes')).toEqual({
      path: 'files[0].points[0].counts.successes',
      value: 1001,
      allowed: 'a whole number from 0 to counts.replicates (1000)',
    });
  });

  it('lists at most MAX_ISSUES problems, then how many more', () => {
    const bad = JSON.parse(JSON.stringify(part(1)));
    bad.files[0].sets = Array.from({ length: 200 }, () => ({}));
    bad.files[0].points = Array.from({ length: 200 }, () => ({
      replicates: 0,
      chunks: { first: 0, count: 1 },
      counts: { replicates: 0, successes: 0, degenerate: 0 },
    }));
    const read = readPart(bad);
    expect(!read.ok && read.issues.length).toBe(MAX_ISSUES + 1);
    expect(!read.ok && read.issues.at(-1)?.value).toBe('100 more problems');
  });
});

describe('mergeParts', () => {
  const named = (...parts: ShardPart[]) => parts.map((p, i) => ({ name: `part-${i + 1}.json`, part: p }));

  it('adds up the counts of every shard', () => {
    const merged = mergeParts(named(part(1), part(2)));
    expect(merged.ok && merged.value.results[0].points[0]).toMatchObject({ replicates: 2000, successes: 1600, power: 0.8 });
  });

  it('names the part and the path of what does not fit, the value found and what is allowed', () => {
    expect(mergeParts(named(part(1), part(2, { engine: '9.9.9' })))).toEqual({
      ok: false,
      issues: [
        {
          path: 'part-2.json: engine',
          value: '9.9.9',
          allowed: `"${ENGINE_VERSION}", the engine of part-1.json`,
          hint: 'every shard of a run is simulated by one engine version',
        },
      ],
    });
    const missing = mergeParts(named(part(1)));
    expect(!missing.ok && missing.issues).toEqual([
      { path: 'shard', value: '1/2', allowed: 'every shard from 1/2 to 2/2', hint: 'shard 2/2 missing: merge needs every part of the run' },
    ]);
    const overlap = mergeParts(named(part(1), part(2, { files: part(1).files })));
    expect(!overlap.ok && overlap.issues.map((i) => [i.path, i.hint])).toEqual([
      ['files[0].points[0].chunks', 'T, design point 1: chunk 0 is in more than one part'],
    ]);
  });
});
