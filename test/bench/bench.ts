/**
 * `npm run bench`: throughput of the engine in trials per second, per core and
 * across worker threads, for the designs of issue 3. Prints JSON. Figures, not
 * assertions: compare them with the targets in the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    scenario: withReplicates(parallelContinuous(70, 'welch-t'), 3_000_000, false),
  },
  b: {
    description: 'within-patient, 30 patients, paired t, patient level',
    scenario: withReplicates(withinPatientContinuous(30, 0.5, 0.5), 3_000_000, false),
  },
  c: {
    description: "parallel binary, 40 per arm, Fisher's exact test",
    scenario: withReplicates(parallelBinary(80, 0.895, 0.621), 3_000_000, false),
  },
  d: {
    description: 'as (a) on the sufficient-statistics fast path',
    scenario: withReplicates(parallelContinuous(70, 'welch-t'), 30_000_000, true),
  },
};

/**
 * Rounds per case. This machine's speed swings by tens of percent within a
 * minute, so each figure is measured in several rounds that alternate main
 * thread, 1 worker and N workers, and the median is reported with the range;
 * the 1 → N scaling is the median of the per-round ratios, each taken from two
 * measurements seconds apart. Each measurement lasts about a second with N
 * workers: at a quarter of a second (1 M trials of (a)), a few milliseconds
 * stolen by another process on this shared 2-core machine moved a single
 * round's scaling by up to 0.3 (1.59–1.95 in five rounds one after another,
 * 1.91–2.00 at 4 M trials), while the pool's own fixed cost per run is
 * about 1 ms.
 */
const ROUNDS = quick ? 1 : 5;

/**
 * The C yardstick (test/bench/reference-welch.c): case (a)'s work in plain C,
 * compiled here with the system's cc and run before every round of every case.
 * Its speed tells how fast the machine is at that moment, which on this shared
 * machine swings by tens of percent; undefined when no C compiler is installed.
 */
function compileReference(): ((trials: number) => number) | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'trialsim-bench-'));
  const binary = join(dir, 'reference-welch');
  try {
    execFileSync('cc', ['-O2', '-o', binary, fileURLToPath(new URL('./reference-welch.c', import.meta.url)), '-lm'], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return (trials) => Number(execFileSync(binary, [String(trials)], { encoding: 'utf8' }).split(' ')[2]);
}
const referenceC = compileReference();

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const summary = (xs: number[]) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });

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
    const sizes = [...new Set([1, cores])];
    const pools = new Map(sizes.map((size) => [size, createNodePool(size)]));
    for (const [size, pool] of pools) {
      await pool.warmUp();
      await pool.runPoints([{ scenario, replicates: Math.min(R, 20_000 * size), label: 'warm-up' }]);
    }
    const mainThread: number[] = [];
    const byWorkers = new Map<number, number[]>(sizes.map((size) => [size, []]));
    const cTrialsPerSecond: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (referenceC) cTrialsPerSecond.push(referenceC(Math.round(2_000_000 * scale)));
      const t0 = performance.now();
      runPoint(scenario);
      mainThread.push(R / ((performance.now() - t0) / 1000));
      for (const [size, pool] of pools) {
        const t1 = performance.now();
        await pool.runPoints([{ scenario, replicates: R, label: key }]);
        byWorkers.get(size)!.push(R / ((performance.now() - t1) / 1000));
      }
    }
    for (const pool of pools.values()) pool.terminate();
    const all = byWorkers.get(cores)!;
    const one = byWorkers.get(1)!;
    results[key] = {
      description,
      replicatesPerMeasurement: R,
      rounds: ROUNDS,
      trialsPerSecondMainThread: summary(mainThread),
      trialsPerSecondPerCore: summary(all.map((x) => x / cores)),
      trialsPerSecondByWorkers: Object.fromEntries([...byWorkers].map(([size, xs]) => [size, summary(xs)])),
      scaling1toN: Number(median(all.map((x, r) => x / one[r])).toFixed(2)),
      ...(cTrialsPerSecond.length > 0 && {
        referenceC: {
          description:
            "case (a)'s work in C (test/bench/reference-welch.c, cc -O2), one thread, measured just before each round: the machine's speed at that moment",
          trialsPerSecond: summary(cTrialsPerSecond),
          perCoreOverC: Number(median(all.map((x, r) => x / cores / cTrialsPerSecond[r])).toFixed(2)),
          mainThreadOverC: Number(median(mainThread.map((x, r) => x / cTrialsPerSecond[r])).toFixed(2)),
        },
      }),
    };
  }
  const sorted = [...startup].sort((x, y) => x - y);
  console.log(
    JSON.stringify(
      {
        machine: {
          cpu: cpus()[0]?.model ?? 'unknown',
          cores,
          node: process.version,
          platform: `${process.platform}-${process.arch}`,
          loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
        },
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
