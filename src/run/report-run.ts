import type { DesignPoint } from '../scenario/design-points.js';
import type { ScenarioFile } from '../scenario/types.js';
import { runChecks, type FileCheck } from './check-run.js';
import { runCurves, sizeCurves, type CurveData } from '../report/curve-series.js';
import { justification } from '../report/justification.js';
import type { RunResult } from './run-result.js';
import { prepareRun, simulateRun, type PointRunner, type RunSettings } from './scenario-run.js';
import { runSampleSizeSearch, sampleSizeCurve, type SizeResult } from './size-run.js';

/** What a report is made from. */
export interface ReportInputs {
  /** The scenario file's path, as given. */
  file: string;
  /** The file as written, for the validated form and the verbatim copy. */
  scenario: ScenarioFile;
  /** The file's own design point (the values written in it). */
  designPoint: DesignPoint;
  /** The points of the file's sweep (or of `--sweep`); the design point alone without one. */
  sweepPoints: DesignPoint[];
  settings: RunSettings;
  /** Power targets of the sample-size answer; default from `expect`, else 0.8 and 0.9. */
  targets?: number[];
}

/** Everything a report shows, simulated. */
export interface ReportData {
  file: string;
  scenario: ScenarioFile;
  designPoint: DesignPoint;
  /** The file's design point, simulated (power or assurance, and power at the estimate). */
  design: RunResult;
  /** The sweep, simulated, when the file has one with at least two points. */
  sweep?: RunResult;
  /** The curve drawn: the sweep's, or the sample-size curve when the sweep cannot be drawn. */
  curve?: CurveData;
  /** The target line of the curve. */
  curveTarget?: number;
  /** The sample size for each target power. */
  sizes: SizeResult[];
  /** The `expect` block judged as `trialsim check` judges it. */
  check: FileCheck;
  /** The sample-size justification paragraph (src/report/justification.ts). */
  justification: string;
}

/**
 * The targets of the sample-size answer: given, else the power the file
 * promises, else 0.8 and 0.9. A band (`atLeast` with `atMost`) promises no
 * power: it describes what a design reaches — often an underpowered one, such
 * as a registered trial at 30–50 % — and a sample size "for 30 % power" would
 * be no answer to a designer.
 */
export function reportTargets(scenario: ScenarioFile, given?: number): number[] {
  if (given !== undefined) return [given];
  const e = scenario.expect;
  const floor = (bound: { atLeast?: number; atMost?: number } | undefined) => (bound?.atMost === undefined ? bound?.atLeast : undefined);
  const promised = floor(e?.power) ?? floor(e?.assurance) ?? e?.sampleSize?.power;
  return promised !== undefined && promised > 0 && promised < 1 ? [promised] : [0.8, 0.9];
}

/**
 * Simulates what a report shows, through `runner` (the worker pool in the CLI):
 * the file's design point, its sweep, a sample-size search per target power
 * (`trialsim size`), and the `expect` block (`trialsim check`). All of it goes
 * through the one run path of the CLI and the UI, so every number in the
 * report is what `trialsim run`, `size` and `check` print for the same file.
 */
export async function runReport(
  inputs: ReportInputs,
  runner: PointRunner,
  options: { onProgress?: (done: number, expected: number) => void } = {},
): Promise<ReportData> {
  const { file, scenario, designPoint, sweepPoints, settings } = inputs;
  const design = await simulateRun(prepareRun([designPoint], settings), runner, { ...options, file });
  const drawable = sweepPoints.length >= 2;
  const sweep = drawable ? await simulateRun(prepareRun(sweepPoints, settings), runner, { ...options, file }) : undefined;
  const targets = inputs.targets ?? reportTargets(scenario);
  const sizes: SizeResult[] = [];
  for (const target of targets) sizes.push(await runSampleSizeSearch(designPoint, runner, { ...settings, target }, { ...options, file }));
  const markN = designPoint.scenario.design.n;
  let curve: CurveData | undefined;
  const sweepCurve = sweep ? runCurves(sweep, markN) : undefined;
  if (sweepCurve !== undefined && typeof sweepCurve !== 'string') {
    curve = sweepCurve;
  } else if (sizes.length > 0) {
    // No drawable sweep: the power curve around the sample-size answer instead.
    const first = sizes[0];
    const drawn = await sampleSizeCurve(designPoint, first, runner, { ...settings, target: first.target }, options);
    first.curve = drawn.curve;
    first.curveEvaluations = drawn.evaluations;
    curve = sizeCurves([first]);
  }
  const [check] = await runChecks([{ file, scenario, point: designPoint }], runner, settings, options);
  return {
    file,
    scenario,
    designPoint,
    design,
    ...(sweep ? { sweep } : {}),
    ...(curve ? { curve, curveTarget: targets[0] } : {}),
    sizes,
    check,
    justification: justification(scenario, designPoint.scenario, design, design.points[0]),
  };
}
