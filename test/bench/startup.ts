/**
 * `npm run bench:startup` (also part of `npm run bench`): how long the CLI
 * takes to start, side by side with a bare `node -e 0`. Each command is run
 * `ROUNDS` times, the commands alternating within a round so that a busy
 * spell of this shared machine hits all of them alike; the medians and their
 * differences from `node -e 0` are printed with the targets of issue 14.
 * Run `npm run build:node` first (`npm run bench:startup` does).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 15);

interface Case {
  label: string;
  args: string[];
  /** Most milliseconds over `node -e 0` (median), when there is a target. */
  target?: number;
}

const CASES: Case[] = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'trialsim --help', args: ['bin/trialsim.js', '--help'], target: 150 },
  {
    label: 'trialsim validate (no expression)',
    args: ['bin/trialsim.js', 'validate', 'scenarios/nct06764329-hair-count.json'],
    target: 400,
  },
  { label: 'trialsim validate (expressions)', args: ['bin/trialsim.js', 'validate', 'scenarios/msc-psoriasis-pasi75.json'] },
];

/** Wall-clock milliseconds of one run; throws when the command fails. */
function timeRun(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const times = CASES.map(() => [] as number[]);
for (const c of CASES) timeRun(c.args); // warm the file system cache
for (let round = 0; round < ROUNDS; round++) CASES.forEach((c, i) => times[i].push(timeRun(c.args)));

const base = median(times[0]);
const pad = Math.max(...CASES.map((c) => c.label.length));
console.log(`CLI start-up, medians of ${ROUNDS} alternating runs (wall clock; load average ${loadavg()[0].toFixed(2)} at the end)`);
CASES.forEach((c, i) => {
  const m = median(times[i]);
  const over = m - base;
  const range = `${Math.round(Math.min(...times[i]))}–${Math.round(Math.max(...times[i]))}`;
  const verdict = c.target === undefined ? '' : `  target ≤ +${c.target} ms: ${over <= c.target ? 'met' : 'MISSED'}`;
  const diff = i === 0 ? '' : `  +${Math.round(over)} ms`;
  console.log(`  ${c.label.padEnd(pad)}  ${String(Math.round(m)).padStart(5)} ms (range ${range})${diff}${verdict}`);
});
