/**
 * Calibration: with no true difference between the arms, every test's simulated rejection rate
 * matches its exact size within 4 Monte-Carlo standard errors, for every design × endpoint the
 * test supports (src/analysis/catalog.ts). Exact sizes:
 *   - t tests (Student, paired, one-sample): alpha by construction;
 *   - Welch t: 2-D quadrature over both sample variances (scipy);
 *   - Fisher, chi-square ± Yates, McNemar exact / asymptotic ± correction, exact binomial,
 *     rank tests on ordinal data: exact enumeration of every outcome with R's p-value rules (scipy);
 *   - rank tests on continuous data: R's dwilcox / dsignrank summed over the rejection region
 *     (pwilcox / psignrank tails for the exact branch).
 * Tests that cannot exceed their level ("conservative") must also reject at most alpha + 4 MC SE.
 */
import { describe, expect, it } from 'vitest';
import { runPoint } from '../../src/engine/run-point.js';
import { TESTS } from '../../src/analysis/catalog.js';
import { fmt, loadFixture, mcTolerance, type CalibrationCase, type CalibrationFixture } from '../fixtures/power/load.js';

const FILES = ['calibration.json', 'calibration-r.json'] as const;
const fixtures = FILES.map((file) => ({ file, fixture: loadFixture<CalibrationFixture>(file) }));
const allCases: CalibrationCase[] = fixtures.flatMap(({ fixture }) => fixture.cases);

describe('calibration fixtures', () => {
  it('cover every test on every design × endpoint it supports', () => {
    const covered = new Set(allCases.map((c) => `${c.scenario.analysis.test} / ${c.scenario.design.kind} / ${c.scenario.endpoint.kind}`));
    const missing = TESTS.flatMap((t) => t.fits.map(([d, e]) => `${t.id} / ${d} / ${e}`)).filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('describe null scenarios (equal arms, or mean / rate equal to the null value)', () => {
    for (const c of allCases) {
      const s = c.scenario;
      const arms = Object.values(s.endpoint.arms) as Array<Record<string, unknown>>;
      if (s.design.kind === 'single-arm') {
        const value = s.endpoint.kind === 'binary' ? arms[0].p : arms[0].mean;
        expect(value, c.id).toBe(s.analysis.null);
      } else {
        const [a, b] = arms;
        const key = s.endpoint.kind === 'binary' ? 'p' : s.endpoint.kind === 'ordinal' ? 'probs' : 'mean';
        expect(a[key], c.id).toEqual(b[key]);
      }
      expect(c.alpha, c.id).toBe(s.analysis.alpha);
    }
  });
});

for (const { file, fixture } of fixtures) {
  describe(`${file} (${fixture.generator.tool}, ${fixture.generator.script})`, () => {
    for (const c of fixture.cases) {
      it(`${c.scenario.analysis.test} on ${c.scenario.design.kind} ${c.scenario.endpoint.kind} (${c.id}): size ${fmt(c.size)} from ${c.source}`, () => {
        const result = runPoint(c.scenario);
        const R = result.replicates;
        expect(R).toBeGreaterThanOrEqual(c.scenario.simulation.replicates);
        const tol = mcTolerance(c.size, R);
        const msg =
          `rejection rate ${fmt(result.power)} (${result.successes}/${R}, ${result.degenerate} degenerate) ` +
          `vs exact size ${fmt(c.size)}; tolerance ${fmt(tol)}`;
        expect(Math.abs(result.power - c.size), msg).toBeLessThanOrEqual(tol);
        if (c.conservative) {
          expect(result.power, `${msg}; must not exceed alpha + 4 MC SE`).toBeLessThanOrEqual(c.alpha + mcTolerance(c.alpha, R));
        }
      });
    }
  });
}
