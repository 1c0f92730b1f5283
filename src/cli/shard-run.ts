import type { Shard } from '../engine/shard.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { RNG_NAME } from '../random/xorwow.js';
import { CHUNK_SIZE } from '../engine/chunks.js';
import { prepareRun } from '../run/scenario-run.js';
import { fingerprintInput, PART_FORMAT, partFile, shardPoints, type PartFile, type ShardPart } from '../run/shard-part.js';
import { formatIssue } from '../scenario/format-issues.js';
import type { CliArguments } from './args.js';
import { curveTarget } from './curve-target.js';
import type { CliIo, Simulator } from './io.js';
import { loadScenarioFile } from './load-design-points.js';
import { enforceRunBudget } from './run-budget-check.js';
import { progressBar } from './progress-bar.js';
import { runSettings } from './simulate-file.js';
import { UsageError } from './usage-error.js';
import { ownDesign } from '../run/own-design.js';

/**
 * `trialsim run FILE... --shard I/N`: simulates shard I of N of every design
 * point of every file — chunks ⌊(I−1)·C/N⌋ … ⌊I·C/N⌋ − 1 of the C chunks of
 * each point — and returns the part file (partial counts as JSON) for
 * `trialsim merge`.
 */
export async function runShard(args: CliArguments, io: CliIo, shard: Shard): Promise<ShardPart> {
  const started = io.now();
  const loaded = args.files.map((file) => loadScenarioFile(file, args, io));
  const runs = loaded.map(({ points }, i) => {
    const file = args.files[i];
    const run = prepareRun(points, runSettings(args));
    const mine = shardPoints(run, shard);
    if (!mine.ok) throw new UsageError(`--shard: ${file}: ${mine.issues.map(formatIssue).join('; ')}`);
    // A shard is judged by its own chunks: sharding is a way to stay within the budget.
    enforceRunBudget(file, mine.value, args, 1, 'raise it with --max-cost, use more shards');
    return { run, points: mine.value };
  });
  const simulator: Simulator = io.simulator(args.workers);
  const bar = progressBar(io, `shard ${shard.index}/${shard.count}`);
  const files: PartFile[] = [];
  try {
    // One batch for every file, so all workers stay busy.
    const counts = await simulator.runPoints(
      runs.flatMap((r) => r.points),
      { onProgress: bar.update },
    );
    let next = 0;
    runs.forEach(({ run, points }, i) => {
      const mine = counts.slice(next, next + points.length);
      next += points.length;
      const markN = ownDesign(loaded[i].file, { limits: args.limits })?.design.n;
      const curve = {
        ...(markN === undefined ? {} : { markN }),
        ...(curveTarget(args, loaded[i].file.expect) === undefined ? {} : { target: curveTarget(args, loaded[i].file.expect) }),
      };
      files.push(partFile(run, points, mine, `sha256:${io.sha256Hex(fingerprintInput(run))}`, curve, args.files[i]));
    });
  } finally {
    bar.finish();
    simulator.close();
  }
  return {
    format: PART_FORMAT,
    shard,
    engine: ENGINE_VERSION,
    rng: RNG_NAME,
    chunkSize: CHUNK_SIZE,
    workers: simulator.size,
    elapsedMs: Math.round(io.now() - started),
    files,
  };
}
