import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { justification } from '../../src/report/justification.js';
import { prepareRun, simulateRun, type PointRunner } from '../../src/run/scenario-run.js';
import { designPoints } from '../../src/scenario/design-points.js';
import { runPoint } from '../../src/engine/run-point.js';

const inThread: PointRunner = {
  size: 1,
  runPoints: async (points) => points.map((p) => runPoint(p.scenario, { replicates: p.replicates })),
};

async function justify(name: string, overrides: Array<{ path: string; value: unknown }>) {
  const text = readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');
  const loaded = designPoints(text, overrides);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const result = await simulateRun(prepareRun(loaded.points, { replicates: 2000 }), inThread);
  return { text: justification(loaded.file, loaded.points[0].scenario, result, result.points[0]), result };
}

describe('protocol justification', () => {
  it('states design, power with its interval, test, dropout, reproducibility, sources and assumptions (NCT06764329)', async () => {
    const { text, result } = await justify('nct06764329-hair-count.json', [{ path: 'design.n', value: 70 }]);
    const p = result.points[0];
    expect(text).toContain('A sample size of 70 patients (35 MSC, 35 Saline) randomized 1:1');
    expect(text).toContain(
      `gives ${(100 * p.power!).toFixed(1)} % power (95 % CI ${(100 * p.ci95[0]).toFixed(1)} % to ${(100 * p.ci95[1]).toFixed(1)} %)`,
    );
    expect(text).toContain("Welch's t-test at two-sided α = 0.05, allowing for 10 % dropout");
    expect(text).toContain('MSC mean 3.89 (SD 3.01) vs Saline mean 1.44 (SD 1.97)');
    expect(text).toContain('2,000 simulated trials');
    expect(text).toContain('seed "nct06764329"');
    expect(text).toContain('NCT06764329 registry record, Detailed Description [aga-hair-count]');
    // The file sources the MSC mean and also states a transfer assumption about it: that qualifies the source.
    expect(text).toContain('Not taken from a source and therefore assumptions: design.allocation, design.dropout.');
    expect(text).toContain('Assumed in applying the sources: endpoint.arms.msc.mean.');
  });

  it('says assurance, and the power at the estimates, when the effect is uncertain', async () => {
    const { text } = await justify('rdeb-placebo-controlled-bebss.json', []);
    expect(text).toMatch(
      /an assurance \(probability of success averaged over the uncertainty in the effect\) of \d+\.\d % \(power at the point estimates \d+\.\d %\)/,
    );
  });

  it('describes a within-patient design by its sites, correlation and spill-over', async () => {
    const { text } = await justify('split-scalp-hair-count.json', [
      { path: 'design.correlation', value: 0.5 },
      { path: 'design.spillover', value: 0.25 },
    ]);
    expect(text).toMatch(
      /patients, each treated with .* on one site and .* on the other \(correlation between a patient's sites 0\.5, with 25 % of the active effect assumed to reach the control site\)/,
    );
  });
});
