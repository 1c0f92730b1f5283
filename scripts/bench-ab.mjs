// A/B timing of two source trees on benchmark case (a) (NCT06764329: parallel,
// 35 per arm, Welch t, patient level) on one thread, for engine changes that
// must not make it slower. Each tree's engine is bundled with esbuild as the
// CLI is, then the two bundles run alternately, one process per run, and the
// median of the per-pair ratios is printed with every pair: this shared
// machine's speed swings by tens of percent within a minute, so only figures
// taken seconds apart are compared, and each run is timed by its own CPU time
// (process.cpuUsage), which other processes' load moves far less than wall
// time. Trees without node_modules (e.g. `git
// archive main | tar -x -C /tmp/base`) resolve packages from this one's.
//
//   node scripts/bench-ab.mjs OLD_DIR NEW_DIR [pairs=10] [trials=400000]
//
// Prints JSON; ratio = new trials/s ÷ old trials/s (above 1: new is faster).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const [oldDir, newDir, pairsArg = '10', trialsArg = '400000'] = process.argv.slice(2);
if (!oldDir || !newDir) {
  console.error('usage: node scripts/bench-ab.mjs OLD_DIR NEW_DIR [pairs=10] [trials=400000]');
  process.exit(2);
}
const pairs = Number(pairsArg);
const trials = Number(trialsArg);
const here = resolve(fileURLToPath(new URL('..', import.meta.url)));
const work = mkdtempSync(join(tmpdir(), 'trialsim-ab-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Bundles case (a) of `dir` into one file: warm-up, then one run of `trials` trials, printing trials per CPU second. */
async function bundle(dir, name) {
  const root = resolve(dir);
  const entry = join(work, `${name}-entry.ts`);
  writeFileSync(
    entry,
    `import { runPoint } from ${JSON.stringify(join(root, 'src/engine/run-point.ts'))};
import { parallelContinuous } from ${JSON.stringify(join(root, 'test/helpers/resolved-scenarios.ts'))};
const scenario = parallelContinuous(70, 'welch-t', ${trials});
runPoint(scenario, { replicates: 50_000 });
const t0 = process.cpuUsage();
runPoint(scenario);
const t = process.cpuUsage(t0);
console.log(${trials} / ((t.user + t.system) / 1e6));
`,
  );
  const outfile = join(work, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    nodePaths: [join(root, 'node_modules'), join(here, 'node_modules')],
    logLevel: 'error',
    // As the Node worker is built (scripts/build-node.mjs): the CommonJS code it wraps needs a `require`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return outfile;
}

const bundles = { old: await bundle(oldDir, 'old'), new: await bundle(newDir, 'new') };
const run = (file) => Number(execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim());
const rows = [];
for (let p = 0; p < pairs; p++) {
  // Alternate which goes first, so that neither always runs after a pause.
  const order = p % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  const rate = {};
  for (const which of order) rate[which] = run(bundles[which]);
  rows.push({ old: Math.round(rate.old), new: Math.round(rate.new), ratio: Number((rate.new / rate.old).toFixed(3)) });
}
const ratios = rows.map((r) => r.ratio).sort((a, b) => a - b);
const median = ratios.length % 2 ? ratios[(ratios.length - 1) / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
console.log(JSON.stringify({ case: 'a', trialsPerRun: trials, pairs: rows, medianRatio: Number(median.toFixed(3)) }, null, 2));
