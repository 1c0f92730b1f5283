/**
 * Property-based tests (fast-check) over random and mutated scenario files
 * (issue 8): the validator never throws, every rejection names a path, every
 * accepted file simulates without NaN; and the CLI, on a sample of such files
 * written to disk, exits 0, 1 or 2 — never a crash, never a stack trace —
 * within a bounded time.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPoint } from '../../src/engine/run-point.js';
import { trialCost } from '../../src/engine/run-budget.js';
import { designPoints } from '../../src/scenario/design-points.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { parsePath } from '../../src/scenario/paths.js';
import type { ValidationIssue } from '../../src/scenario/types.js';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';
import { cli } from './cli.js';
import { anyScenario, mutatedScenario, numericEditedScenario } from './generators.js';

/** A formatted message: `<path>: got <value>; allowed: <what>` (the path is checked separately). */
const MESSAGE = /^\S.*?: got .*; allowed: \S/s;

/**
 * The syntax of the paths `joinPath` writes: `design.arms[1].id`, `sweep["design.n"][0]`,
 * `["\u009bX"]` (any key, JSON-quoted), `[0]`. Unlike `parsePath` it accepts
 * `__proto__` segments: a report may name such a key.
 */
const PATH = /^(?:[A-Za-z0-9_$-]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])(?:\.[A-Za-z0-9_$-]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*$/s;

/** Checks one rejection: every issue names a path (or the root) and formats as one line. */
function checkRejection(issues: readonly ValidationIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.path).toBe('string');
    if (issue.path !== '') {
      expect(issue.path).toMatch(PATH);
      // Paths without a forbidden key parse back.
      if (!/__proto__|constructor|prototype/.test(issue.path)) expect(parsePath(issue.path).ok, issue.path).toBe(true);
    }
    expect(typeof issue.allowed).toBe('string');
    expect(issue.allowed.length).toBeGreaterThan(0);
    const line = formatIssue(issue);
    expect(line).toMatch(MESSAGE);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }
}

const text = (doc: unknown) => JSON.stringify(doc) ?? 'null';

describe('validator: property tests', () => {
  it('never throws, and every rejection names a path', () => {
    fc.assert(
      fc.property(anyScenario, (doc) => {
        const r = designPoints(text(doc));
        if (!r.ok) checkRejection(r.issues);
      }),
      { numRuns: 2000, seed: 8 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (s) => {
        const r = designPoints(s);
        if (!r.ok) checkRejection(r.issues);
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});

describe('engine: every accepted file simulates without NaN', () => {
  it('at tiny replicates, every design point gives finite counts, power and interval', () => {
    let simulated = 0;
    fc.assert(
      fc.property(fc.oneof(numericEditedScenario, mutatedScenario), (doc) => {
        const r = designPoints(text(doc));
        if (!r.ok) return;
        // A few points per file, at a bounded cost (a file may ask for n = 100 000).
        for (const point of r.points.slice(0, 3)) {
          const replicates = Math.max(1, Math.min(50, Math.floor(2e6 / trialCost(point.scenario))));
          const p = runPoint(point.scenario, { replicates });
          expect(p.replicates).toBe(replicates);
          expect(p.successes + p.degenerate).toBeLessThanOrEqual(replicates);
          for (const x of [p.power, p.mcse, ...p.ci95]) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
          simulated++;
        }
      }),
      { numRuns: 400, seed: 8 },
    );
    expect(simulated).toBeGreaterThan(80); // the generators do reach the engine
  });
});

describe('CLI: exits 0, 1 or 2 on generated files, never a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trialsim-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // A fixed sample (seeded), half of them files that get through validation.
  const sample = [...fc.sample(mutatedScenario, { numRuns: 16, seed: 8 }), ...fc.sample(numericEditedScenario, { numRuns: 16, seed: 8 })];
  const files = sample.map((doc, i) => {
    const path = join(dir, `case-${String(i).padStart(2, '0')}.json`);
    writeFileSync(path, text(doc));
    return path;
  });
  const commands = (file: string) => [
    ['validate', file],
    ['run', file, '--replicates', '20', '--workers', '1', '--format', 'json'],
  ];

  /** What every outcome must satisfy, in-process or from the real binary. */
  function checkOutcome(r: { args: string[]; code: number | null; stdout: string; stderr: string }): void {
    const file = r.args[1];
    const where = `${r.args[0]} ${file}: ${r.stderr.slice(0, 500)}`;
    expect([0, 1, 2], where).toContain(r.code);
    expect(r.stderr, where).not.toMatch(/^\s+at .+[(:]\d+/m);
    expect(r.stderr, where).not.toContain('internal error');
    if (r.code === 2) {
      for (const line of r.stderr.trimEnd().split('\n')) expect(line.slice(file.length + 2), where).toMatch(MESSAGE);
    }
    if (r.args[0] === 'run' && r.code === 0) {
      const json = JSON.parse(r.stdout);
      for (const p of (Array.isArray(json) ? json : [json]).flatMap((x: { points: unknown[] }) => x.points) as Array<
        Record<string, unknown>
      >) {
        const value = (p.power ?? p.assurance) as number;
        expect(Number.isFinite(value), where).toBe(true);
        expect(typeof p.degenerate, where).toBe('number');
      }
    }
  }

  it('validate and run on every file, in-process: exit code 0, 1 or 2; one-line messages; no stack trace', async () => {
    const outcomes = new Map<number | null, number>();
    for (const file of files) {
      for (const args of commands(file)) {
        const io = fakeIo();
        const code = await main(args, io);
        checkOutcome({ args, code, stdout: io.out, stderr: io.err });
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      }
    }
    expect(outcomes.get(0)).toBeGreaterThan(5);
    expect(outcomes.get(2)).toBeGreaterThan(5);
  });

  // The real binary (a process each, with its worker thread) on every eighth
  // file: the same outcomes, and the process ends within the time bound. All 32
  // files spawned took 30–45 s of the suite, mostly Node and mathjs starting.
  it('the real binary on every eighth file: the same checks, and it exits within the time bound', async () => {
    const spawned = files.filter((_, i) => i % 8 === 0);
    const results = await Promise.all(
      spawned.flatMap((file) => commands(file).map((args) => cli(args, 60_000).then((r) => ({ args, ...r })))),
    );
    for (const r of results) {
      checkOutcome(r);
      expect(r.ms, r.args.join(' ')).toBeLessThan(60_000);
    }
    expect(new Set(results.map((r) => r.code)).size, 'the sample spawns both accepted and rejected files').toBeGreaterThan(1);
  }, 600_000);
});
