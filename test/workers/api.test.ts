import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runPoint } from '../../src/engine/run-point.js';
import { createWorkerApi, MAX_COMPILED_PLANS } from '../../workers/api.js';
import { spawnNodeWorker } from '../../workers/node-pool.js';
import type { WorkerHandle } from '../../workers/pool.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { parallelBinary, parallelContinuous, withinPatientContinuous } from '../helpers/resolved-scenarios.js';

const hostile: Array<[string, unknown]> = [
  ['null', null],
  ['a string', 'design.n'],
  ['an empty object', {}],
  ['n = 1e300', { ...parallelContinuous(70), design: { ...parallelContinuous(70).design, n: 1e300 } }],
  ['n = -1', { ...parallelContinuous(70), design: { ...parallelContinuous(70).design, n: -1 } }],
  ['allocation of the wrong length', { ...parallelContinuous(70), design: { ...parallelContinuous(70).design, allocation: [1] } }],
  ['an unknown test', { ...parallelContinuous(70), analysis: { ...parallelContinuous(70).analysis, test: 'constructor' } }],
  ['a missing endpoint arm', { ...parallelContinuous(70), endpoint: { ...parallelContinuous(70).endpoint, arms: {} } }],
  [
    'a within-patient design with the control first',
    {
      ...withinPatientContinuous(30, 0.5, 0.5),
      design: {
        ...withinPatientContinuous(30, 0.5, 0.5).design,
        arms: [
          { id: 'c', label: 'c', control: true },
          { id: 'a', label: 'a', control: false },
        ],
      },
    },
  ],
  ['NaN alpha', { ...parallelContinuous(70), analysis: { ...parallelContinuous(70).analysis, alpha: NaN } }],
  ['a 10-million-replicate chunk size trick', { ...parallelContinuous(70), simulation: { replicates: 1e12, seed: 's', fastPath: false } }],
];

describe('worker API: hand-made messages', () => {
  it.each(hostile)('prepare refuses %s with a one-line error', (_, scenario) => {
    const api = createWorkerApi();
    let error: unknown;
    try {
      api.prepare(0, scenario as ResolvedScenario);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^worker: invalid scenario: \S.*: got .*; allowed: /);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses bad run arguments instead of looping or returning negative counts', () => {
    const api = createWorkerApi();
    api.prepare(0, parallelContinuous(20, 'welch-t', 5000));
    expect(() => api.run(1, 0, 1, 5000)).toThrow('worker: design point 1 was not prepared');
    expect(() => api.run(0, -1, 1, 5000)).toThrow('worker: first: got -1; allowed: a whole number from 0 to 1000000');
    expect(() => api.run(0, 0, 1e9, 5000)).toThrow('worker: count: got 1000000000; allowed: a whole number from 0 to 10000');
    expect(() => api.run(0, 4, 2, 5000)).toThrow('worker: first + count: got 6; allowed: at most 5, the chunks of 5000 replicates');
    expect(() => api.run(0, 0, 1, NaN)).toThrow('worker: replicates: got NaN; allowed: a whole number from 1 to 1000000000');
    expect(() => api.run('0' as unknown as number, 0, 1, 5000)).toThrow(
      'worker: pointId: got string; allowed: a whole number from 0 to 1999999',
    );
    expect(() => api.prepare(2.5, parallelContinuous(20))).toThrow('worker: pointId: got 2.5');
    expect(() => api.setProgressListener(42 as unknown as () => void)).toThrow('worker: listener: got 42; allowed: a function or nothing');
    // Still usable afterwards.
    expect(api.run(0, 0, 5, 5000).reduce((s, c) => s + c.replicates, 0)).toBe(5000);
  });

  it('never throws anything but a worker error, and never runs what it refused (fast-check)', () => {
    const base = parallelBinary(40, 0.6, 0.3);
    fc.assert(
      fc.property(fc.constantFrom('design', 'endpoint', 'analysis', 'simulation', 'format'), fc.anything({ maxDepth: 2 }), (key, v) => {
        const api = createWorkerApi();
        const scenario = { ...base, [key]: v } as unknown as ResolvedScenario;
        try {
          api.prepare(0, scenario);
        } catch (e) {
          expect((e as Error).message).toMatch(/^worker: /);
          expect(() => api.run(0, 0, 1, 1000)).toThrow('was not prepared');
          return;
        }
        const [c] = api.run(0, 0, 1, 1000);
        expect(c.replicates).toBe(1000);
        expect(c.successes + c.degenerate).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('worker API: bounded memory', () => {
  it('keeps at most MAX_COMPILED_PLANS compiled plans, and recompiling gives the same counts', () => {
    const api = createWorkerApi();
    const points = Array.from({ length: 3 * MAX_COMPILED_PLANS }, (_, i) => parallelContinuous(10 + i, 'welch-t', 2000));
    points.forEach((s, i) => api.prepare(i, s));
    // Interleaved, so that every plan is evicted and recompiled at least once.
    const counts = points.map(() => [] as number[]);
    for (const k of [0, 1]) points.forEach((_, i) => counts[i].push(api.run(i, k, 1, 2000)[0].successes));
    points.forEach((s, i) => {
      expect(counts[i][0] + counts[i][1]).toBe(runPoint(s, { replicates: 2000 }).successes);
    });
  });
});

describe('Node worker thread: a hand-made message', () => {
  const handles: WorkerHandle[] = [];
  afterAll(() => handles.forEach((h) => h.terminate()));

  it('gets an error back, and the worker keeps working', async () => {
    const h = spawnNodeWorker();
    h.failed.catch(() => undefined); // terminating it at the end is not a failure
    handles.push(h);
    const bad = { ...parallelContinuous(70), design: { ...parallelContinuous(70).design, n: 1e9 } };
    await expect(h.api.prepare(0, bad)).rejects.toThrow(
      'worker: invalid scenario: design.n: got 1000000000; allowed: a whole number from 2 to 10000000',
    );
    await expect(h.api.run(0, 0, 1, 1000)).rejects.toThrow('worker: design point 0 was not prepared');
    const good = parallelContinuous(30, 'welch-t', 3000);
    await h.api.prepare(1, good);
    const counts = await h.api.run(1, 0, 3, 3000);
    expect(counts.reduce((s, c) => s + c.successes, 0)).toBe(runPoint(good).successes);
  });
});
