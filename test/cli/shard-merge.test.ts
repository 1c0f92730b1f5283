import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseShard, rangesTile, shardChunkRange } from '../../src/engine/shard.js';
import { runPoint } from '../../src/engine/run-point.js';
import { chunkCount } from '../../src/engine/chunks.js';
import { ENGINE_VERSION } from '../../src/engine/version.js';
import { createNodePool } from '../../workers/node-pool.js';
import type { WorkerPool } from '../../workers/pool.js';
import { fakeIo } from '../helpers/fake-io.js';
import { parallelContinuous } from '../helpers/resolved-scenarios.js';

const NCT = 'scenarios/nct06764329-hair-count.json';
const PSORIASIS = 'scenarios/msc-psoriasis-pasi75.json';

/** Runs `trialsim run … --shard i/n` for every i and returns the parts, by name. */
async function shards(n: number, ...argv: string[]): Promise<Record<string, string>> {
  const parts: Record<string, string> = {};
  for (let i = 1; i <= n; i++) {
    const io = fakeIo();
    expect(await main(['run', ...argv, '--shard', `${i}/${n}`, '--out', `part-${i}.json`], io)).toBe(0);
    parts[`part-${i}.json`] = io.written[`part-${i}.json`];
  }
  return parts;
}

async function merge(parts: Record<string, string>, ...argv: string[]) {
  const io = fakeIo(parts);
  const code = await main(['merge', ...argv], io);
  return { code, io };
}

/** The JSON of `run --format json` without the fields that depend on the machine (workers, elapsedMs). */
function withoutTiming(text: string): string {
  return JSON.stringify(JSON.parse(text), (key, value) => (key === 'workers' || key === 'elapsedMs' ? undefined : value), 2);
}

describe('shard ranges', () => {
  it('parses I/N and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '-1/2', '1.5/3', '1/10001']) expect(typeof parseShard(bad), bad).toBe('string');
  });

  it('the n blocks tile every chunk exactly once, differing in length by at most one', () => {
    for (const total of [1, 2, 3, 7, 10, 100]) {
      for (const n of [1, 2, 3, 4, 16]) {
        const ranges = Array.from({ length: n }, (_, i) => shardChunkRange({ index: i + 1, count: n }, total));
        expect(rangesTile(ranges, total)).toBeUndefined();
        const lengths = ranges.map((r) => r.count);
        expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
      }
    }
    expect(
      rangesTile(
        [
          { first: 0, count: 2 },
          { first: 3, count: 2 },
        ],
        5,
      ),
    ).toBe('chunks 2–2 are in no part');
    expect(
      rangesTile(
        [
          { first: 0, count: 3 },
          { first: 2, count: 3 },
        ],
        5,
      ),
    ).toBe('chunk 2 is in more than one part');
    expect(rangesTile([{ first: 0, count: 3 }], 5)).toBe('chunks 3–4 are in no part');
  });
});

describe('run --shard and merge', () => {
  it('shards 1/3 + 2/3 + 3/3 merged give exactly the JSON of a single run (a sweep of 8 points, 5 chunks each)', async () => {
    const single = fakeIo();
    await main(['run', NCT, '--replicates', '5000', '--format', 'json'], single);
    const parts = await shards(3, NCT, '--replicates', '5000');
    const part1 = JSON.parse(parts['part-1.json']);
    expect(part1).toMatchObject({
      format: 'trialsim-part/1',
      shard: { index: 1, count: 3 },
      engine: ENGINE_VERSION,
      rng: 'xorwow',
      chunkSize: 1000,
    });
    expect(part1.files[0].fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Chunks ⌊(i−1)·5/3⌋ … ⌊i·5/3⌋ − 1: 0, then 1–2, then 3–4.
    expect(part1.files[0].points[0].chunks).toEqual({ first: 0, count: 1 });
    expect(JSON.parse(parts['part-3.json']).files[0].points[0].chunks).toEqual({ first: 3, count: 2 });
    expect(part1.files[0].header.seed).toBe('nct06764329');

    const merged = await merge(parts, 'part-2.json', 'part-3.json', 'part-1.json', '--format', 'json');
    expect(merged.code).toBe(0);
    expect(merged.io.err).toBe('');
    expect(withoutTiming(merged.io.out)).toBe(withoutTiming(single.out));
    // Byte for byte on the counts.
    const counts = (text: string) =>
      JSON.parse(text).points.map((p: { replicates: number; successes: number; degenerate: number }) => [
        p.replicates,
        p.successes,
        p.degenerate,
      ]);
    expect(counts(merged.io.out)).toEqual(counts(single.out));
  });

  it('merges several files, assurance (power at the estimate too) and a partial last chunk, in every format', async () => {
    const argv = [NCT, PSORIASIS, '--replicates', '2500', '--sweep', 'design.n=40:100:20'];
    const single = fakeIo();
    await main(['run', ...argv, '--format', 'json'], single);
    const parts = await shards(2, ...argv);
    const merged = await merge(parts, 'part-1.json', 'part-2.json', '--format', 'json');
    expect(withoutTiming(merged.io.out)).toBe(withoutTiming(single.out));
    const results = JSON.parse(merged.io.out);
    expect(results[1].quantity).toBe('assurance');
    expect(results[1].points[0].powerAtEstimate).toBeGreaterThan(results[1].points[0].assurance);
    expect(results[0].points[0].replicates).toBe(2500);
    const table = await merge(parts, 'part-1.json', 'part-2.json');
    expect(table.io.out).toContain('design.n   power  ci95 low');
    const md = await merge(parts, 'part-1.json', 'part-2.json', '--format', 'markdown');
    expect(md.io.out).toContain('| design.n | assurance |');
  });

  it('merge --svg draws the merged curve', async () => {
    const parts = await shards(2, NCT, '--replicates', '2000');
    const { code, io } = await merge(parts, 'part-1.json', 'part-2.json', '--svg', 'curve.svg');
    expect(code).toBe(0);
    expect(io.written['curve.svg']).toContain('class="power-curve"');
    expect(io.written['curve.svg']).toContain('target 0.8');
  });

  it('more shards than chunks: some parts hold no chunk of a point, the sum is still the single run', async () => {
    const single = fakeIo();
    await main(['run', NCT, '--replicates', '2000', '--set', 'design.n=40', '--format', 'json'], single);
    const parts = await shards(3, NCT, '--replicates', '2000', '--set', 'design.n=40');
    expect(JSON.parse(parts['part-1.json']).files[0].points[0].chunks.count).toBe(0);
    const merged = await merge(parts, 'part-1.json', 'part-2.json', 'part-3.json', '--format', 'json');
    expect(withoutTiming(merged.io.out)).toBe(withoutTiming(single.out));
  });
});

describe('merge refuses parts that do not belong together (exit 2)', () => {
  it('a different seed, replicates or scenario value changes the fingerprint', async () => {
    const a = await shards(2, NCT, '--replicates', '2000');
    for (const other of [
      ['--seed', 'other'],
      ['--replicates', '3000'],
      ['--set', 'design.dropout=0.2'],
    ]) {
      const b = await shards(2, NCT, '--replicates', '2000', ...other);
      const { code, io } = await merge({ 'a.json': a['part-1.json'], 'b.json': b['part-2.json'] }, 'a.json', 'b.json');
      expect(code, other.join(' ')).toBe(2);
      expect(io.err, other.join(' ')).toMatch(
        /^trialsim: merge: (b\.json: files\[0\]\.fingerprint: got "sha256:[0-9a-f]{64}"; allowed: the fingerprint of scenarios\/nct06764329-hair-count\.json in a\.json \(it was simulated with other values or settings; run every shard from the same files and options\)|.*the parts disagree)/,
      );
    }
  });

  it('a shard missing, given twice, or split differently', async () => {
    const three = await shards(3, NCT, '--replicates', '3000');
    const two = await shards(2, NCT, '--replicates', '3000');
    const cases: Array<[Record<string, string>, string[], RegExp]> = [
      [three, ['part-1.json', 'part-3.json'], /shard 2\/3 missing/],
      [three, ['part-1.json', 'part-2.json', 'part-2.json', 'part-3.json'], /shard 2\/3 is given twice/],
      [
        { 'x.json': three['part-1.json'], 'y.json': two['part-2.json'] },
        ['x.json', 'y.json'],
        /y\.json: shard: got "2\/2"; allowed: a shard I\/3, as x\.json is shard 1\/3 \(the parts split the run differently\)/,
      ],
    ];
    for (const [parts, names, message] of cases) {
      const { code, io } = await merge(parts, ...names);
      expect(code).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err.split('\n').filter(Boolean)).toHaveLength(2);
    }
  });

  it('parts of other engines, hand-edited parts and files that are not parts', async () => {
    const parts = await shards(2, NCT, '--replicates', '2000');
    const edited = (
      change: (p: {
        engine: string;
        files: Array<{ points: Array<{ counts: { successes: number; replicates: number }; chunks: { first: number } }> }>;
      }) => void,
    ) => {
      const p = JSON.parse(parts['part-2.json']);
      change(p);
      return JSON.stringify(p);
    };
    const cases: Array<[string, RegExp]> = [
      [
        edited((p) => (p.engine = '9.9.9')),
        new RegExp(
          `part-2\\.json: engine: got "9\\.9\\.9"; allowed: "${ENGINE_VERSION.replaceAll('.', '\\.')}", the engine of part-1\\.json`,
        ),
      ],
      [
        edited((p) => (p.files[0].points[0].counts.successes = p.files[0].points[0].counts.replicates + 1)),
        /part-2\.json: files\[0\]\.points\[0\]\.counts\.successes: got \d+; allowed: a whole number from 0 to counts\.replicates \(\d+\)/,
      ],
      [edited((p) => (p.files[0].points[0].chunks.first = 0)), /chunk 0 is in more than one part/],
      ['{"format": "trialsim/1"}', /format: got "trialsim\/1"; allowed: "trialsim-part\/1"/],
      ['not json', /not JSON/],
    ];
    for (const [text, message] of cases) {
      const { code, io } = await merge({ ...parts, 'part-2.json': text }, 'part-1.json', 'part-2.json');
      expect(code).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('--shard refuses adaptive precision, and merge takes no simulation options', async () => {
    for (const argv of [
      ['run', NCT, '--shard', '1/2', '--precision', '0.01'],
      ['run', NCT, '--shard', '1/2', '--set', 'simulation.replicates=2000', '--format', 'json'],
      ['run', NCT, '--shard', '3/2'],
      ['merge', 'a.json', '--replicates', '100'],
      ['merge'],
    ]) {
      const io = fakeIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err, argv.join(' ')).toMatch(/^trialsim: /);
    }
    const io = fakeIo();
    await main(['run', NCT, '--shard', '1/2', '--precision', '0.01'], io);
    expect(io.err).toContain('--shard cannot be combined with --precision');
    const fromFile = fakeIo({
      'adaptive.json': JSON.stringify({
        ...JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(NCT, 'utf8'))),
        simulation: { replicates: 10000, seed: 's', precision: 0.01 },
      }),
    });
    expect(await main(['run', 'adaptive.json', '--shard', '1/2'], fromFile)).toBe(2);
    expect(fromFile.err).toContain('simulation.precision');
  });
});

describe('the worker pool runs a chunk range', () => {
  const pools: WorkerPool[] = [];
  afterAll(() => pools.forEach((p) => p.terminate()));

  it('gives exactly the counts of those chunks on one thread, and the ranges add up to the whole run', async () => {
    const pool = createNodePool(2);
    pools.push(pool);
    const scenario = parallelContinuous(40, 'welch-t', 7_500);
    const total = chunkCount(7_500);
    const ranges = [1, 2, 3].map((index) => shardChunkRange({ index, count: 3 }, total));
    const results = await pool.runPoints(ranges.map((chunks, i) => ({ scenario, replicates: 7_500, chunks, label: `shard ${i + 1}` })));
    const reference = ranges.map((chunks) => runPoint(scenario, { replicates: 7_500, chunks }));
    expect(results.map((r) => [r.replicates, r.successes, r.degenerate])).toEqual(
      reference.map((r) => [r.replicates, r.successes, r.degenerate]),
    );
    const whole = runPoint(scenario, { replicates: 7_500 });
    expect(results.reduce((s, r) => s + r.successes, 0)).toBe(whole.successes);
    expect(results.reduce((s, r) => s + r.replicates, 0)).toBe(7_500);
    await expect(pool.runPoints([{ scenario, replicates: 7_500, precision: 0.01, chunks: ranges[0], label: 'bad' }])).rejects.toThrow(
      /chunk range cannot be combined with adaptive precision/,
    );
  });
});
