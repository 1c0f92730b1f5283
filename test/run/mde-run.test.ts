/**
 * Simulated minimum detectable effects against pwr::pwr.t.test (solving for d at a
 * fixed n; fixture from scripts/reference/size-closed-forms.R). With common random
 * numbers the simulated power of a t-test grows monotonically with the effect
 * (every simulated value of the active arm shifts by the same amount), so the
 * search finds the crossing of one monotone step curve.
 *
 * Tolerance from the Monte-Carlo error: the answer must lie between the effects
 * at which the reference power is t − 4·MCSE and t + 4·MCSE, MCSE = √(t(1 − t)/R).
 */
import { describe, expect, it } from 'vitest';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { noncentralTPower } from '../../src/engine/noncentral-t.js';
import { runPoint } from '../../src/engine/run-point.js';
import { runMdeSearch } from '../../src/run/mde-run.js';
import type { PointRunner } from '../../src/run/scenario-run.js';
import {
  loadSizeFixture,
  pairedScenario,
  twoProportionScenario,
  twoSampleScenario,
  type ClosedFormsFixture,
} from '../fixtures/size/load.js';

const fixture = loadSizeFixture<ClosedFormsFixture>('closed-forms-r.json');
const REPLICATES = 10_000;
const runner: PointRunner = {
  size: 1,
  runPoints: async (points) => points.map((p) => runPoint(p.scenario, { replicates: p.replicates })),
};

/** The effect at which a monotone power function equals `p` (bisection). */
function effectAt(power: (d: number) => number, p: number): number {
  let [lo, hi] = [0, 5];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (power(mid) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The search's answer; a scenario mde cannot search fails the test. */
async function mde(...args: Parameters<typeof runMdeSearch>) {
  const found = await runMdeSearch(...args);
  if (!found.ok) throw new Error(JSON.stringify(found.issues));
  return found.value;
}

describe('trialsim mde against pwr::pwr.t.test', () => {
  for (const c of fixture.effects) {
    it(`${c.description}: d = ${c.effect.toFixed(4)} (${c.source})`, async () => {
      const scenario = c.design === 'two-sample' ? twoSampleScenario(0.5, 2 * c.n) : pairedScenario(0.5, c.rho!, c.n);
      const result = await mde({ set: {}, scenario }, runner, { target: c.power, replicates: REPLICATES });
      const df = c.design === 'two-sample' ? 2 * c.n - 2 : c.n - 1;
      const scale = c.design === 'two-sample' ? Math.sqrt(c.n / 2) : Math.sqrt(c.n);
      const power = (d: number) => noncentralTPower(tQuantile(0.975, df), df, d * scale, 2);
      const mcse = Math.sqrt((c.power * (1 - c.power)) / REPLICATES);
      const [low, high] = [effectAt(power, c.power - 4 * mcse), effectAt(power, c.power + 4 * mcse)];
      console.log(
        `${c.id}: simulated ${result.effect} vs pwr ${c.effect.toFixed(4)}, plausible ${low.toFixed(3)}\u2013${high.toFixed(3)}, ${result.evaluations} evaluations`,
      );
      expect(result.effect).toBeGreaterThanOrEqual(low - 0.01);
      expect(result.effect).toBeLessThanOrEqual(high + 0.01);
      expect(result.power).toBeGreaterThanOrEqual(c.power);
      expect(result.powerBelow).toBeLessThan(c.power);
      expect(result.effectBelow).toBeCloseTo(result.effect! - 0.01, 10);
      expect(result.closedForm!.effect).toBe(Math.ceil(c.effect * 100 - 1e-9) / 100);
      expect(result.evaluations).toBeLessThanOrEqual(12);
    });
  }

  it('moves the active rate of a binary endpoint', async () => {
    const scenario = twoProportionScenario(0.895, 0.621, 'chi-square', 84);
    const result = await mde({ set: {}, scenario }, runner, { target: 0.8, replicates: 4000 });
    expect(result.parameter).toBe('rate');
    expect(result.value! - 0.621).toBeCloseTo(result.effect!, 10);
    // 42 per arm is about the chi-square sample size for 0.895 vs 0.621 at 80 % (power.prop.test: 38).
    expect(result.effect).toBeGreaterThan(0.2);
    expect(result.effect).toBeLessThan(0.3);
    expect(result.evaluations).toBeLessThanOrEqual(12);
  });
});

describe('a scenario mde cannot search', () => {
  it('gives an issue naming the field, not a throw', async () => {
    const scenario = twoProportionScenario(0.895, 0.621, 'chi-square', 84);
    const ordinal = { ...scenario, endpoint: { ...scenario.endpoint, kind: 'ordinal' } } as unknown as typeof scenario;
    expect(await runMdeSearch({ set: {}, scenario: ordinal }, runner, { target: 0.8, replicates: 1000 })).toEqual({
      ok: false,
      issues: [
        {
          path: 'endpoint.kind',
          value: 'ordinal',
          allowed: 'a continuous or binary endpoint and one active arm besides the control',
          hint: "mde moves the active arm's mean or response rate",
        },
      ],
    });
  });
});
