/**
 * `npm run bench`: throughput of the engine in trials per second, per core and
 * across worker threads, for the designs of issue 3. Prints JSON. Figures, not
 * assertions: compare them with the targets in the README.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createNodePool } from '../../workers/node-pool.js';
import { runPoint } from '../../src/engine/run-point.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { parallelBinary, parallelContinuous, withinPatientContinuous } from '../helpers/resolved-scenarios.js';

const cores = availableParallelism();
const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;

const withReplicates = (s: ResolvedScenario, replicates: number, fastPath: boolean): ResolvedScenario => ({
  ...s,
  simulation: { ...s.simulation, replicates: Math.round(replicates * scale), fastPath },
});

const cases: Record<string, { description: string; scenario: ResolvedScenario }> = {
  a: {
    description: 'NCT06764329 design: parallel, 35 per arm, Welch t, patient level',
    scenario: withReplicates(parallelContinuous(70, 'welch-t'), 2_000_000, false),
  },
  b: {
    description: 'within-patient, 30 patients, paired t, patient level',
    scenario: withReplicates(withinPatientContinuous(30, 0.5, 0.5), 2_000_000, false),
  },
  c: {
    description: "parallel binary, 40 per arm, Fisher's exact test",
    scenario: withReplicates(parallelBinary(80, 0.895, 0.621), 2_000_000, false),
  },
  d: {
    description: 'as (a) on the sufficient-statistics fast path',
    scenario: withReplicates(parallelContinuous(70, 'welch-t'), 20_000_000, true),
  },
};

async function main(): Promise<void> {
  const startup: number[] = [];
  for (let i = 0; i < 3; i++) {
    const pool = createNodePool(cores);
    const t0 = performance.now();
    await pool.warmUp();
    startup.push(performance.now() - t0);
    pool.terminate();
  }

  const results: Record<string, unknown> = {};
  for (const [key, { description, scenario }] of Object.entries(cases)) {
    const R = scenario.simulation.replicates;
    runPoint(scenario, { replicates: Math.min(R, 50_000) }); // warm up the JIT
    const t0 = performance.now();
    runPoint(scenario);
    const mainThread = R / ((performance.now() - t0) / 1000);

    const byWorkers: Record<number, number> = {};
    for (const size of [...new Set([1, cores])]) {
      const pool = createNodePool(size);
      await pool.warmUp();
      await pool.runPoints([{ scenario, replicates: Math.min(R, 20_000 * size), label: 'warm-up' }]);
      const t1 = performance.now();
      await pool.runPoints([{ scenario, replicates: R, label: key }]);
      byWorkers[size] = R / ((performance.now() - t1) / 1000);
      pool.terminate();
    }
    results[key] = {
      description,
      replicates: R,
      trialsPerSecondMainThread: Math.round(mainThread),
      trialsPerSecondPerCore: Math.round(byWorkers[cores] / cores),
      trialsPerSecondByWorkers: Object.fromEntries(Object.entries(byWorkers).map(([k, v]) => [k, Math.round(v)])),
      scaling1toN: Number((byWorkers[cores] / byWorkers[1]).toFixed(2)),
    };
  }
  const sorted = [...startup].sort((x, y) => x - y);
  console.log(
    JSON.stringify(
      {
        machine: { cpu: cpus()[0]?.model ?? 'unknown', cores, node: process.version, platform: `${process.platform}-${process.arch}`, loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
        workerStartupMs: { median: Math.round(sorted[1]), runs: startup.map(Math.round), workers: cores },
        cases: results,
        quick,
      },
      null,
      2,
    ),
  );
}

await main();
