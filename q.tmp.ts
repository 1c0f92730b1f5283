import { readFileSync } from 'node:fs';
import { designPoints } from './src/scenario/design-points.ts';
import { runPoint } from './src/engine/run-point.ts';
import { runSampleSizeSearch } from './src/report/size-run.ts';
import { runMdeSearch } from './src/report/mde-run.ts';
const runner = { size: 1, runPoints: async (ps: any[]) => ps.map((p) => runPoint(p.scenario, { replicates: p.replicates })) };
const text = readFileSync('scenarios/nct06764329-hair-count.json', 'utf8');
const loaded = designPoints(text) as any;
const point = { set: {}, scenario: { ...loaded.points[0].scenario, design: { ...loaded.points[0].scenario.design, n: 70 } } };
for (const target of [0.8, 0.9]) {
  const t0 = performance.now();
  const r = await runSampleSizeSearch(point, runner, { target });
  console.log(target, r.n, r.perArm, r.power, r.powerAtNMinus1, r.nWithDropout, r.powerAtNWithDropout, r.evaluations, r.closedForm, r.evaluated.map(e => `${e.n}:${e.power}`).join(' '), Math.round(performance.now()-t0), 'ms');
}
const m = await runMdeSearch(point, runner, { target: 0.8 });
console.log(m.effect, m.value, m.power, m.effectBelow, m.powerBelow, m.evaluations, m.closedForm, m.evaluated.map(e => `${e.effect}:${e.power}`).join(' '));
