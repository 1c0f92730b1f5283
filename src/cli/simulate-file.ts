import { hasUncertainParameters } from '../engine/parameters.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { CHUNK_SIZE } from '../engine/chunks.js';
import { fastPathApplies } from '../engine/fast-path.js';
import { RNG_NAME } from '../random/xorwow.js';
import { reportPoint, type RunResult } from '../report/run-result.js';
import { withoutUncertainty } from '../scenario/without-uncertainty.js';
import type { CliArguments } from './args.js';
import type { CliIo, SimulationPoint, Simulator } from './io.js';
import { loadDesignPoints } from './load-design-points.js';
import { progressBar } from './progress-bar.js';

/**
 * Simulates every design point of one scenario file. With uncertain parameters
 * each point is run twice, with the distributions (assurance) and with every
 * parameter at its centre (power at the estimate).
 */
export async function simulateFile(file: string, args: CliArguments, io: CliIo, simulator: Simulator): Promise<RunResult> {
  const started = io.now();
  const points = loadDesignPoints(file, args, io);
  const first = points[0].scenario;
  const uncertain = points.some((p) => hasUncertainParameters(p.scenario));
  const precision = args.precision ?? first.simulation.precision;
  const label = (set: Record<string, unknown>) =>
    Object.entries(set).map(([path, value]) => `${path} = ${JSON.stringify(value)}`).join(', ') || 'the scenario';
  const asSimulated = (scenario: typeof first, set: Record<string, unknown>): SimulationPoint => ({
    scenario,
    // With a precision target, replicates is the most an adaptive run may use.
    replicates: precision === undefined ? scenario.simulation.replicates : Math.max(scenario.simulation.replicates, 10_000_000),
    precision,
    label: label(set),
  });
  const simulated = points.map((p) => asSimulated(p.scenario, p.set));
  if (uncertain) simulated.push(...points.map((p) => asSimulated(withoutUncertainty(p.scenario), p.set)));

  const bar = progressBar(io, file);
  let results;
  try {
    results = await simulator.run(simulated, bar.update);
  } finally {
    bar.finish();
  }
  const reported = points.map(({ set }, i) => reportPoint(set, results[i], uncertain ? results[points.length + i] : undefined));
  return {
    title: first.title,
    format: first.format,
    file,
    test: first.analysis.test,
    alpha: first.analysis.alpha,
    sides: first.analysis.sides,
    quantity: uncertain ? 'assurance' : 'power',
    seed: first.simulation.seed,
    rng: RNG_NAME,
    engine: ENGINE_VERSION,
    chunkSize: CHUNK_SIZE,
    fastPath: fastPathApplies(first),
    workers: simulator.workers,
    elapsedMs: Math.round(io.now() - started),
    points: reported,
  };
}
