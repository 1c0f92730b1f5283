/**
 * Seeded snapshot of every shipped scenario (scenarios/*.json): each design
 * point of its sweep simulated with 500 replicates, on this thread, through
 * the same run path as the CLI and the UI (designPoints → prepareRun →
 * simulateRun). Successes and degenerate trials are compared exactly, so an
 * unintended change to any outcome generator, design, statistical test,
 * random stream or scenario file shows up here.
 *
 * CHANGING A SNAPSHOT IS A DELIBERATE, EXPLAINED COMMIT. If one of
 * test/scenarios/__snapshots__/*.json differs, find out why first. Re-record
 * (`npx vitest run test/scenarios/snapshot.test.ts -u`) only when the change
 * is intended (a scenario file was edited, a generator or test was corrected,
 * the engine version was bumped), and say in the commit message which
 * snapshots changed and why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPoint } from '../../src/engine/run-point.js';
import { prepareRun, simulateRun, type PointRunner } from '../../src/run/scenario-run.js';
import { designPoints } from '../../src/scenario/design-points.js';

/** Replicates per design point: small, so the whole collection runs in seconds. */
const REPLICATES = 500;

const DIR = new URL('../../scenarios/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();

/** Simulates every point on this thread, chunk by chunk: the counts the worker pool gives. */
const inThread: PointRunner = {
  size: 1,
  runPoints: async (points) => points.map((p) => runPoint(p.scenario, { replicates: p.replicates })),
};

describe('seeded snapshot of every shipped scenario', () => {
  it('finds the shipped scenarios', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FILES)('%s', async (f) => {
    const loaded = designPoints(readFileSync(new URL(f, DIR), 'utf8'));
    if (!loaded.ok) throw new Error(`${f} is invalid: ${JSON.stringify(loaded.issues)}`);
    const result = await simulateRun(prepareRun(loaded.points, { replicates: REPLICATES }), inThread);
    const snapshot = {
      _comment: 'Seeded snapshot of test/scenarios/snapshot.test.ts; changing it is a deliberate, explained commit.',
      file: f,
      title: result.title,
      quantity: result.quantity,
      test: result.test,
      seed: result.seed,
      rng: result.rng,
      engine: result.engine,
      chunkSize: result.chunkSize,
      fastPath: result.fastPath,
      points: result.points.map((p) => ({
        set: p.set,
        replicates: p.replicates,
        successes: p.successes,
        degenerate: p.degenerate,
        ...(p.powerAtEstimate === undefined ? {} : { successesAtEstimate: Math.round(p.powerAtEstimate * p.replicates) }),
      })),
    };
    // Every point ran the requested replicates (no adaptive precision sneaks in).
    for (const p of snapshot.points) expect(p.replicates).toBe(REPLICATES);
    await expect(`${JSON.stringify(snapshot, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/${f}`);
  });
});
