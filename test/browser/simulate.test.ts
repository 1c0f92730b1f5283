import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/engine/chunks.js';
import { runPoint } from '../../src/engine/run-point.js';
import { ENGINE_VERSION } from '../../src/engine/version.js';
import { RNG_NAME } from '../../src/random/xorwow.js';
import { withoutUncertainty } from '../../src/scenario/without-uncertainty.js';
import { designPoints } from '../../src/scenario/design-points.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { prepareRun as prepareDesignPoints, simulateRun, type PointRunner, type RunSettings } from '../../src/run/scenario-run.js';

/** What the page does with a scenario text: validate and expand it (one formatted line per problem), then prepare the run. */
function prepareRun(text: string, settings: RunSettings = {}) {
  const loaded = designPoints(text);
  if (!loaded.ok) return { ok: false as const, messages: loaded.issues.map(formatIssue) };
  const { replicates, seed } = loaded.points[0].scenario.simulation;
  return { ok: true as const, run: prepareDesignPoints(loaded.points, settings), scenarioSettings: { replicates, seed } };
}

const TEXT = readFileSync(new URL('../../scenarios/nct06764329-hair-count.json', import.meta.url), 'utf8');
/** The same trial with an uncertain treatment effect: assurance. */
const UNCERTAIN = TEXT.replace('"mean": 3.89', '"mean": { "normal": { "mean": 3.89, "sd": 0.8 } }');

/** Runs points on this thread, one after the other: what the worker pool computes. */
const inThread: PointRunner = {
  size: 1,
  runPoints: async (points) => points.map((p) => runPoint(p.scenario, { replicates: p.replicates })),
};

describe('prepareRun (the run the page starts, set up as trialsim run sets up a file)', () => {
  it('expands the sweep and applies replicates and seed to every point', () => {
    const r = prepareRun(TEXT, { replicates: 3000, seed: 'abc' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run.uncertain).toBe(false);
    expect(r.scenarioSettings).toEqual({ replicates: 10000, seed: 'nct06764329' });
    expect(r.run.simulated.map((p) => p.label)).toEqual([20, 30, 40, 50, 60, 70, 80, 100].map((n) => `design.n = ${n}`));
    for (const p of r.run.simulated) {
      expect(p.replicates).toBe(3000);
      expect(p.precision).toBeUndefined();
      expect(p.scenario.simulation).toMatchObject({ replicates: 3000, seed: 'abc' });
    }
  });

  it('keeps the scenario settings when none are given', () => {
    const r = prepareRun(TEXT);
    expect(r.ok && r.run.simulated.every((p) => p.replicates === 10000 && p.scenario.simulation.seed === 'nct06764329')).toBe(true);
  });

  it('runs an adaptive scenario up to 10 million replicates, as the CLI', () => {
    const r = prepareRun(TEXT.replace('"replicates": 10000,', '"replicates": 10000, "precision": 0.01,'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.run.simulated[0]).toMatchObject({ replicates: 10_000_000, precision: 0.01 });
  });

  it('adds a pass at the estimate for uncertain parameters', () => {
    const r = prepareRun(UNCERTAIN);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run.uncertain).toBe(true);
    expect(r.run.simulated).toHaveLength(2 * r.run.points.length);
    expect(r.run.simulated[r.run.points.length].scenario).toEqual(withoutUncertainty(r.run.points[0].scenario));
  });

  it('reports every problem of an invalid scenario as one formatted line', () => {
    const r = prepareRun(TEXT.replace('"n": 70', '"n": -3'));
    expect(r).toEqual({ ok: false, messages: [expect.stringMatching(/^design\.n: got -3; allowed: /)] });
    const syntax = prepareRun('{ "format": ');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.messages[0]).toMatch(/^\(root\): got .*; allowed: a JSON document/);
  });
});

describe('simulateRun', () => {
  it('reports power in the shape of trialsim run --format json', async () => {
    const r = prepareRun(TEXT, { replicates: 2000 });
    if (!r.ok) throw new Error(r.messages.join('\n'));
    const result = await simulateRun(r.run, inThread);
    expect(result).toMatchObject({
      title: r.run.points[0].scenario.title,
      format: 'trialsim/1',
      test: 'welch-t',
      alpha: 0.05,
      sides: 2,
      quantity: 'power',
      seed: 'nct06764329',
      rng: RNG_NAME,
      engine: ENGINE_VERSION,
      chunkSize: CHUNK_SIZE,
      workers: 1,
    });
    expect(result.points.map((p) => [p.set, p.successes, p.power])).toEqual(
      r.run.points.map((p) => {
        const e = runPoint(p.scenario, { replicates: 2000 });
        return [p.set, e.successes, e.power];
      }),
    );
  });

  it('reports assurance and the power at the estimate for uncertain parameters', async () => {
    const r = prepareRun(UNCERTAIN, { replicates: 1000 });
    if (!r.ok) throw new Error(r.messages.join('\n'));
    const result = await simulateRun(r.run, inThread);
    expect(result.quantity).toBe('assurance');
    const p0 = r.run.points[0].scenario;
    expect(result.points[0].assurance).toBe(runPoint(p0).power);
    expect(result.points[0].powerAtEstimate).toBe(runPoint(withoutUncertainty(p0)).power);
    expect(result.points[0].power).toBeUndefined();
  });
});
