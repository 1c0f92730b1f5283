import { formatResults } from '../report/format-result.js';
import type { RunResult } from '../run/run-result.js';
import { curveProblem, runCurves } from '../report/curve-series.js';
import type { CliArguments } from './args.js';
import { curveTarget } from './curve-target.js';
import type { CliIo } from './io.js';
import { loadScenarioFile } from './load-design-points.js';
import { runSettings, simulateFile } from './simulate-file.js';
import { prepareRun } from '../run/scenario-run.js';
import { enforceRunBudget } from './run-budget-check.js';
import { runShard } from './shard-run.js';
import { UsageError } from './usage-error.js';
import { ownDesign } from '../run/own-design.js';

/** `trialsim run`: simulates every file and prints the results. Returns the exit code. */
export async function runCommand(args: CliArguments, io: CliIo): Promise<number> {
  if (args.shard) {
    const part = await runShard(args, io, args.shard);
    const text = `${JSON.stringify(part, null, 2)}\n`;
    if (args.out) io.writeText(args.out, text);
    else io.stdout(text);
    return 0;
  }
  // Validate every file before starting any work, so a typo in the last file
  // does not cost the simulation of the first ones.
  const loaded = args.files.map((file) => loadScenarioFile(file, args, io));
  // Refuse a run that would take too long before any of it starts, with the estimate.
  loaded.forEach(({ points }, i) => enforceRunBudget(args.files[i], prepareRun(points, runSettings(args)).simulated, args));
  if (args.svg !== undefined) {
    const problem = curveProblem(loaded[0].points.map((p) => p.set));
    if (problem !== undefined) throw new UsageError(`--svg: ${problem}`);
  }
  const simulator = io.simulator(args.workers);
  const results: RunResult[] = [];
  try {
    for (const file of args.files) results.push(await simulateFile(file, args, io, simulator));
  } finally {
    simulator.close();
  }
  const text = formatResults(results, args.format);
  if (args.out) io.writeText(args.out, text);
  else io.stdout(text);
  if (args.svg !== undefined) {
    const curves = runCurves(results[0], ownDesign(loaded[0].file, { limits: args.limits })?.design.n);
    if (typeof curves === 'string') throw new UsageError(`--svg: ${curves}`);
    io.writeText(args.svg, (await import('./svg-output.js')).renderCurveSvg(curves, curveTarget(args, loaded[0].file.expect)));
  }
  return 0;
}
