import { checkReport, runChecks, type CheckInput, type FileCheck } from '../run/check-run.js';
import { formatCheck, type CheckFormat } from '../report/format-check.js';
import { formatJunit } from '../report/junit.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { InvalidInputError } from './invalid-input-error.js';
import { loadScenarioFile } from './load-design-points.js';
import { progressBar } from './progress-bar.js';
import { runSettings } from './simulate-file.js';
import { prepareRun } from '../run/scenario-run.js';
import { enforceRunBudget, searchEvaluations } from './run-budget-check.js';
import { UsageError } from './usage-error.js';

/**
 * `trialsim check FILE...`: judges every file's `expect` block at the file's
 * own design point. Every file is loaded first: an unreadable or invalid file
 * is reported (standard error, and in every output format) and gives exit code
 * 2, but the valid files are still checked, so one CI run shows everything.
 * Returns 0 when every expectation passed, 1 when one failed or (without
 * `--allow-inconclusive`) was inconclusive, 2 on invalid input.
 */
export async function checkCommand(args: CliArguments, io: CliIo): Promise<number> {
  const started = io.now();
  const inputs: CheckInput[] = [];
  const invalid: FileCheck[] = [];
  for (const file of args.files) {
    try {
      const loaded = loadScenarioFile(file, args, io, { ignoreFileSweep: true });
      const sizeSearch = loaded.file.expect?.sampleSize ? searchEvaluations(args.maxN) : 0;
      enforceRunBudget(file, prepareRun(loaded.points, runSettings(args)).simulated, args, 1 + sizeSearch);
      inputs.push({ file, scenario: loaded.file, point: loaded.points[0] });
    } catch (error) {
      const problems = error instanceof InvalidInputError ? error.problems : error instanceof UsageError ? [error.message] : undefined;
      if (!problems) throw error;
      // --set mistakes are the command line's, not the file's: stop at once.
      if (error instanceof UsageError && error.message.startsWith('--set ')) throw error;
      io.stderr(problems.map((p) => (p.startsWith(`cannot read ${file}`) ? `trialsim: ${p}\n` : `${file}: ${p}\n`)).join(''));
      invalid.push({ file, status: 'invalid', problems, outcomes: [] });
    }
  }
  const simulator = io.simulator(args.workers);
  const bar = progressBar(io, 'check');
  let checked: FileCheck[];
  try {
    checked = await runChecks(inputs, simulator, runSettings(args), { onProgress: bar.update });
  } finally {
    bar.finish();
    simulator.close();
  }
  // Report files in the order given.
  const byFile = new Map([...checked, ...invalid].map((f) => [f.file, f]));
  const files = args.files.map((file) => byFile.get(file)!);
  const report = checkReport(files, args.allowInconclusive, { workers: simulator.size, elapsedMs: Math.round(io.now() - started) });
  const text = formatCheck(report, args.format as CheckFormat);
  if (args.out) io.writeText(args.out, text);
  else io.stdout(text);
  if (args.junit !== undefined) io.writeText(args.junit, formatJunit(report));
  return report.exitCode;
}
