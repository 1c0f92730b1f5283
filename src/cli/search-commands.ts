import { enforceRunBudget, searchEvaluations } from './run-budget-check.js';
import { prepareRun } from '../run/scenario-run.js';
import { sizeCurves } from '../report/curve-series.js';
import { formatMdeResults, formatSizeResults } from '../report/format-search.js';
import { runMdeSearch, type MdeResult } from '../run/mde-run.js';
import { formatIssue } from '../scenario/format-issues.js';
import { runSampleSizeSearch, sampleSizeCurve, type SizeResult } from '../run/size-run.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { loadDesignPoints } from './load-design-points.js';
import { progressBar } from './progress-bar.js';
import { runSettings } from './simulate-file.js';
import { InvalidInputError } from './invalid-input-error.js';

/** Prints (or writes to --out) a command's text output. */
function emit(args: CliArguments, io: CliIo, text: string): void {
  if (args.out) io.writeText(args.out, text);
  else io.stdout(text);
}

/**
 * `trialsim size FILE --power P`: the smallest n reaching P, for the file's
 * design (its own sweep is ignored) or for every point of `--sweep`. Exit code
 * 1 when some point does not reach the target within --max-n.
 */
export async function sizeCommand(args: CliArguments, io: CliIo): Promise<number> {
  const file = args.files[0];
  const points = loadDesignPoints(file, args, io, { ignoreFileSweep: true });
  enforceRunBudget(file, prepareRun(points, runSettings(args)).simulated, args, searchEvaluations(args.maxN));
  const settings = { ...runSettings(args), target: args.power!, maxN: args.maxN };
  const simulator = io.simulator(args.workers);
  const results: SizeResult[] = [];
  const bar = progressBar(io, file);
  try {
    for (const point of points) {
      const result = await runSampleSizeSearch(point, simulator, settings, { onProgress: bar.update, file });
      if (args.svg !== undefined) {
        const { curve, evaluations } = await sampleSizeCurve(point, result, simulator, settings, { onProgress: bar.update });
        result.curve = curve;
        result.curveEvaluations = evaluations;
      }
      results.push(result);
    }
  } finally {
    bar.finish();
    simulator.close();
  }
  emit(args, io, formatSizeResults(results, args.format));
  if (args.svg !== undefined) io.writeText(args.svg, (await import('./svg-output.js')).renderCurveSvg(sizeCurves(results), args.power));
  return results.every((r) => r.reached) ? 0 : 1;
}

/**
 * `trialsim mde FILE --power P`: the smallest effect detectable with the
 * file's n (or at every point of `--sweep`, e.g. over design.n). Exit code 1
 * when some point reaches the target with no effect in range.
 */
export async function mdeCommand(args: CliArguments, io: CliIo): Promise<number> {
  const file = args.files[0];
  const points = loadDesignPoints(file, args, io, { ignoreFileSweep: true });
  enforceRunBudget(file, prepareRun(points, runSettings(args)).simulated, args, searchEvaluations(undefined));
  const settings = { ...runSettings(args), target: args.power! };
  const simulator = io.simulator(args.workers);
  const results: MdeResult[] = [];
  const bar = progressBar(io, file);
  try {
    for (const point of points) {
      const found = await runMdeSearch(point, simulator, settings, { onProgress: bar.update, file });
      if (!found.ok) throw new InvalidInputError(file, found.issues.map(formatIssue));
      results.push(found.value);
    }
  } finally {
    bar.finish();
    simulator.close();
  }
  emit(args, io, formatMdeResults(results, args.format));
  return results.every((r) => r.reached) ? 0 : 1;
}
