import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import { ENGINE_VERSION } from '../../src/engine/version.js';
import { fakeIo } from '../helpers/fake-io.js';
import { descendants, parseStrictXml } from '../helpers/strict-xml.js';

const NCT = 'scenarios/nct06764329-hair-count.json';
const NCT_TEXT = readFileSync(NCT, 'utf8');

/** R: pwr::pwr.t.test(n = 64, d = 0.5, type = "two.sample") (test/fixtures/power/power-r.json, case student-t-equal-n). */
const PWR_POWER = (
  JSON.parse(readFileSync('test/fixtures/power/power-r.json', 'utf8')) as { cases: Array<{ id: string; power: number }> }
).cases.find((c) => c.id === 'student-t-equal-n')!.power;

/**
 * A design whose true power sits on its promise: Student's t, d = 0.5, 64 per
 * arm has power 0.8015 (pwr), and the file promises power ≥ 0.8.
 */
const EDGE = JSON.stringify({
  format: 'trialsim/1',
  title: 'Student t, d = 0.5, 64 per arm: power 0.8015 by pwr, on the 0.8 threshold',
  design: {
    kind: 'parallel',
    arms: [
      { id: 'trt', label: 'Treatment' },
      { id: 'ctl', label: 'Control', control: true },
    ],
    allocation: [1, 1],
    n: 128,
    dropout: 0,
  },
  endpoint: { kind: 'continuous', label: 'Outcome', better: 'higher', arms: { trt: { mean: 12.5, sd: 5 }, ctl: { mean: 10, sd: 5 } } },
  analysis: { test: 'student-t', alpha: 0.05, sides: 2 },
  simulation: { replicates: 2000, seed: 'on-the-edge' },
  expect: { power: { atLeast: 0.8 } },
});

/** The NCT06764329 file with another expect block (and no sweep changes). */
const withExpect = (expectBlock: unknown) => JSON.stringify({ ...JSON.parse(NCT_TEXT), expect: expectBlock });
const NO_EXPECT = (() => {
  const data = JSON.parse(NCT_TEXT);
  delete data.expect;
  return JSON.stringify(data);
})();

const files = {
  'edge.json': EDGE,
  'no-expect.json': NO_EXPECT,
  'broken.json': JSON.stringify({ ...JSON.parse(NCT_TEXT), design: { ...JSON.parse(NCT_TEXT).design, n: -3 } }),
  'size-ok.json': withExpect({ sampleSize: { power: 0.8, atMost: 50 } }),
  'size-too-small.json': withExpect({ sampleSize: { power: 0.8, atMost: 36 } }),
};

async function check(...argv: string[]) {
  const io = fakeIo(files);
  const code = await main(['check', ...argv], io);
  return { code, io };
}

describe('trialsim check: exit codes', () => {
  it('0 when every expectation passes, with one line per expectation: the figure and its Wilson interval', async () => {
    const { code, io } = await check(NCT);
    expect(code).toBe(0);
    expect(io.out).toMatch(
      /^pass\s+scenarios\/nct06764329-hair-count\.json\s+power ≥ 0\.8: power 0\.\d{4} \(95 % CI 0\.\d{4}–0\.\d{4}; 10000 trials at n = 70\)$/m,
    );
    expect(io.out).toContain('1 expectation in 1 file: 1 passed, 0 failed, 0 inconclusive');
    expect(io.err).toBe('');
  });

  it("judges the file's own design point, not its sweep: the figure equals run at design.n = 70", async () => {
    const checked = await check(NCT, '--format', 'json');
    const run = fakeIo();
    await main(['run', NCT, '--set', 'design.n=70', '--format', 'json'], run);
    const point = JSON.parse(run.out).points[0];
    const outcome = JSON.parse(checked.io.out).files[0].outcomes[0];
    expect(outcome).toMatchObject({
      verdict: 'pass',
      measured: 'power',
      n: 70,
      estimate: point.power,
      ci95: point.ci95,
      replicates: 10000,
      successes: point.successes,
    });
  });

  it('1 when an expectation fails (70 → 20 patients), saying why', async () => {
    const { code, io } = await check(NCT, '--set', 'design.n=20');
    expect(code).toBe(1);
    expect(io.out).toMatch(/^FAIL\s+.*power ≥ 0\.8: power 0\.4\d{3} .*n = 20\) — the whole 95 % interval is below 0\.8$/m);
    expect(io.out).toContain('exit 1: some expectation failed');
  });

  it('inconclusive near the threshold: true power 0.8015 (pwr) with 2000 replicates cannot be told from 0.8', async () => {
    expect(PWR_POWER).toBeCloseTo(0.8015, 4);
    const { code, io } = await check('edge.json', '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(io.out);
    const o = report.files[0].outcomes[0];
    expect(o.verdict).toBe('inconclusive');
    expect(o.replicates).toBe(2000);
    // The interval holds both the threshold and the true power: neither pass nor fail would be earned.
    expect(o.ci95[0]).toBeLessThan(0.8);
    expect(o.ci95[1]).toBeGreaterThan(0.8);
    expect(o.ci95[0]).toBeLessThan(PWR_POWER);
    expect(o.ci95[1]).toBeGreaterThan(PWR_POWER);
    expect(report.summary).toMatchObject({ passed: 0, failed: 0, inconclusive: 1 });

    const table = await check('edge.json');
    expect(table.io.out).toMatch(
      /^inconclusive\s+edge\.json\s+power ≥ 0\.8: .*contains 0\.8: inconclusive — add replicates \(e\.g\. --precision 0\.\d+\)$/m,
    );
    expect(table.io.out).toContain('--allow-inconclusive');
  });

  it('--allow-inconclusive makes an inconclusive expectation exit 0, but never a failure', async () => {
    expect((await check('edge.json', '--allow-inconclusive')).code).toBe(0);
    expect((await check('edge.json', NCT, '--set', 'design.n=20', '--allow-inconclusive')).code).toBe(1);
  });

  it('--precision resolves an inconclusive verdict when the power is away from the threshold, not when it is on it', async () => {
    // Promise power ≥ 0.78: with 200 replicates the 95 % interval (± ~0.055)
    // still reaches below 0.78 unless the estimate exceeds ~0.835, 1.2 SE above the true 0.8015 …
    const few = await check('edge.json', '--set', 'expect.power.atLeast=0.78', '--replicates', '200', '--format', 'json');
    expect(few.code).toBe(1);
    expect(JSON.parse(few.io.out).files[0].outcomes[0].verdict).toBe('inconclusive');
    // … adaptive replicates until the half-width is ≤ 0.01 settle it.
    const precise = await check('edge.json', '--set', 'expect.power.atLeast=0.78', '--precision', '0.01', '--format', 'json');
    expect(precise.code).toBe(0);
    const o = JSON.parse(precise.io.out).files[0].outcomes[0];
    expect(o.verdict).toBe('pass');
    expect((o.ci95[1] - o.ci95[0]) / 2).toBeLessThanOrEqual(0.01);
    expect(o.replicates).toBeGreaterThan(2000);
    // At 0.8 itself the true power (0.8015) is closer than any half-width trialsim accepts is likely to resolve.
    const edge = await check('edge.json', '--precision', '0.005', '--format', 'json');
    expect(JSON.parse(edge.io.out).files[0].outcomes[0].verdict).toBe('inconclusive');
  });

  it('2 on invalid input: every problem reported, the valid files still checked', async () => {
    const { code, io } = await check('broken.json', NCT, 'missing.json');
    expect(code).toBe(2);
    expect(io.err).toContain('broken.json: design.n: got -3');
    expect(io.err).toContain('trialsim: cannot read missing.json: ENOENT');
    expect(io.err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(io.out).toMatch(/^INVALID\s+broken\.json/m);
    expect(io.out).toMatch(/^pass\s+scenarios\/nct06764329-hair-count\.json/m);
    expect(io.out).toContain('exit 2');
  });

  it('2 on usage errors, with one-line reasons', async () => {
    for (const argv of [
      ['check'],
      ['check', NCT, '--format', 'csv'],
      ['check', NCT, '--shard', '1/2'],
      ['check', NCT, '--sweep', 'design.n=20:40:10'],
      ['check', NCT, '--power', '0.9'],
      ['run', NCT, '--junit', 'x.xml'],
      ['run', NCT, '--allow-inconclusive'],
      ['check', NCT, '--set', 'design.nn=3'],
    ]) {
      const io = fakeIo(files);
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err, argv.join(' ')).toMatch(/^(trialsim|scenarios)[^\n]*\n(\(see trialsim --help\)\n)?$/);
    }
  });

  it('a file without expect prints a line saying so and does not fail', async () => {
    const { code, io } = await check('no-expect.json', NCT);
    expect(code).toBe(0);
    expect(io.out).toMatch(/^no expect\s+no-expect\.json\s+no expect block: nothing to check$/m);
    expect(io.out).toContain('1 file without expect');
  });
});

describe('trialsim check: sample size', () => {
  it("passes when the size search's n fits the bound, and judges the largest design within it", async () => {
    const { code, io } = await check('size-ok.json', '--format', 'json');
    expect(code).toBe(0);
    const o = JSON.parse(io.out).files[0].outcomes[0];
    // trialsim size --power 0.8: 38 analysed, 44 to randomize (10 % dropout, 1:1 lattice).
    expect(o.sampleSize).toMatchObject({ n: 38, nWithDropout: 44, budgetAnalysed: 44, budgetRandomized: 50 });
    expect(o).toMatchObject({ verdict: 'pass', path: 'expect.sampleSize', n: 44 });
    expect(o.ci95[0]).toBeGreaterThanOrEqual(0.8);
  });

  it('fails when even the largest design within the bound misses the power', async () => {
    const { code, io } = await check('size-too-small.json');
    expect(code).toBe(1);
    expect(io.out).toMatch(
      /^FAIL\s+size-too-small\.json\s+sample size for power 0\.8 ≤ 36: n = 44 to randomize \(38 analysed\); at 36 randomized \(32 analysed\), the most the bound allows: power 0\.\d{4} \(95 % CI [\d.]+–[\d.]+; 10000 trials\) — the whole 95 % interval is below 0\.8$/m,
    );
  });
});

describe('trialsim check: output for CI', () => {
  it('--junit writes valid JUnit XML: one testsuite per file, one testcase per expectation', async () => {
    const { code, io } = await check(NCT, 'edge.json', 'no-expect.json', 'size-too-small.json', '--junit', 'out/check.xml');
    expect(code).toBe(1);
    const root = parseStrictXml(io.written['out/check.xml']);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2', errors: '0', skipped: '1' });
    const suites = descendants(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual([NCT, 'edge.json', 'no-expect.json', 'size-too-small.json']);
    expect(suites.map((s) => descendants(s, 'testcase').length)).toEqual([1, 1, 1, 1]);
    expect(descendants(suites[1], 'failure')[0].attributes.type).toBe('inconclusive');
    expect(descendants(suites[3], 'failure')[0].attributes.type).toBe('fail');
    expect(descendants(suites[0], 'property').find((p) => p.attributes.name === 'seed')?.attributes.value).toBe('nct06764329');
    // The table still goes to standard output.
    expect(io.out).toMatch(/^pass/m);
  });

  it('--format markdown prints a table fit for a GitHub step summary', async () => {
    const { io } = await check(NCT, 'edge.json', 'no-expect.json', '--format', 'markdown');
    const lines = io.out.split('\n');
    expect(lines[0]).toBe('### trialsim check: 1 passed, 0 failed, 1 inconclusive');
    expect(lines).toContain('| verdict | scenario | expectation | result | 95 % CI | trials | why |');
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| verdict') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length).toBe(9);
    expect(rows[0]).toMatch(
      /^\| ✅ pass \| MSC vs saline .*<br>`scenarios\/nct06764329-hair-count\.json` \| power ≥ 0\.8 at n = 70 \| power 0\.\d{4} \| 0\.\d{4}–0\.\d{4} \| 10000 \|/,
    );
    expect(rows[1]).toContain('⚠️ inconclusive');
    expect(rows[2]).toContain('no expect block');
  });

  it('--format json reports every figure and the exit code', async () => {
    const { code, io } = await check(NCT, 'no-expect.json', '--format', 'json');
    const report = JSON.parse(io.out);
    expect(report).toMatchObject({
      engine: ENGINE_VERSION,
      rng: 'xorwow',
      exitCode: code,
      allowInconclusive: false,
      summary: { files: 2, expectations: 1, passed: 1, withoutExpect: 1 },
    });
    expect(report.files[1]).toMatchObject({ file: 'no-expect.json', status: 'no-expect', outcomes: [] });
  });
});
