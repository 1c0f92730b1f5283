import { runPoint } from '../engine/run-point.js';
import { hasUncertainParameters } from '../engine/parameters.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { CHUNK_SIZE } from '../engine/chunks.js';
import { RNG_NAME } from '../random/xorwow.js';
import { reportPoint, type RunResult } from '../report/run-result.js';
import { withoutUncertainty } from '../scenario/without-uncertainty.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { loadDesignPoints } from './load-design-points.js';

/** Simulates every design point of one scenario file, on this thread. */
export function simulateFile(file: string, args: CliArguments, io: CliIo): RunResult {
  const started = io.now();
  const points = loadDesignPoints(file, args, io);
  const first = points[0].scenario;
  const uncertain = points.some((p) => hasUncertainParameters(p.scenario));
  const reported = points.map(({ set, scenario }) => {
    const result = runPoint(scenario);
    return reportPoint(set, result, uncertain ? runPoint(withoutUncertainty(scenario)) : undefined);
  });
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
    workers: 1,
    elapsedMs: Math.round(io.now() - started),
    points: reported,
  };
}
