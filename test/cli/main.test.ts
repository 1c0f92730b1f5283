import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';
import { cli } from '../hostile/cli.js';

const NCT = 'scenarios/nct06764329-hair-count.json';

describe('trialsim run', () => {
  it('prints a table with one row per sweep point', async () => {
    const io = fakeIo();
    expect(await main(['run', NCT, '--replicates', '2000'], io)).toBe(0);
    expect(io.out).toContain('MSC vs saline');
    for (const n of [20, 30, 40, 50, 60, 70, 80, 100]) expect(io.out).toMatch(new RegExp(`^\\s+${n}\\s+0\\.\\d{4}`, 'm'));
    expect(io.err).toBe('');
  });

  it('gives byte-identical JSON for the same seed (timing fields aside)', async () => {
    const runJson = async () => {
      const io = fakeIo();
      await main(['run', NCT, '--replicates', '3000', '--format', 'json'], io);
      return JSON.parse(io.out);
    };
    const [a, b] = [await runJson(), await runJson()];
    delete a.elapsedMs;
    delete b.elapsedMs;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a).toMatchObject({ format: 'trialsim/1', seed: 'nct06764329', rng: 'xorwow', quantity: 'power', test: 'welch-t' });
    expect(a.points).toHaveLength(8);
    expect(a.points[0]).toEqual({
      set: { 'design.n': 20 },
      replicates: 3000,
      successes: expect.any(Number),
      degenerate: 0,
      power: expect.any(Number),
      ci95: [expect.any(Number), expect.any(Number)],
      mcse: expect.any(Number),
    });
  });

  it('--seed changes the numbers, --set overrides any value, --format csv and markdown work', async () => {
    const json = async (...extra: string[]) => {
      const io = fakeIo();
      expect(await main(['run', NCT, '--replicates', '2000', '--format', 'json', ...extra], io)).toBe(0);
      return JSON.parse(io.out);
    };
    const base = await json();
    const reseeded = await json('--seed', 'another');
    expect(reseeded.points.map((p: { successes: number }) => p.successes)).not.toEqual(
      base.points.map((p: { successes: number }) => p.successes),
    );
    const noEffect = await json('--set', 'endpoint.arms.msc.mean=1.44', '--set', 'endpoint.arms.msc.sd=1.97');
    // Under the null the power is the size, about 5 %.
    for (const p of noEffect.points) expect(p.power).toBeLessThan(0.05 + 4 * Math.sqrt((0.05 * 0.95) / 2000));

    const csv = fakeIo();
    await main(['run', NCT, '--replicates', '1000', '--format', 'csv'], csv);
    expect(csv.out.split('\n')[0]).toBe('design.n,power,ci95 low,ci95 high,mcse,replicates,degenerate');
    const md = fakeIo();
    await main(['run', NCT, '--replicates', '1000', '--format', 'markdown'], md);
    expect(md.out).toContain('| design.n | power |');
  });

  it('--out writes the result to a file instead of standard output', async () => {
    const io = fakeIo();
    await main(['run', NCT, '--replicates', '1000', '--format', 'json', '--out', 'result.json'], io);
    expect(io.out).toBe('');
    expect(JSON.parse(io.written['result.json']).points).toHaveLength(8);
  });
});

describe('exit codes and messages', () => {
  it('help exits 0', async () => {
    const io = fakeIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toContain('trialsim run FILE');
  });

  it('usage errors exit 2 with a one-line reason', async () => {
    for (const argv of [
      ['fly', NCT],
      ['run'],
      ['run', NCT, '--format', 'xml'],
      ['run', NCT, '--replicates', '-5'],
      ['run', NCT, '--bogus'],
      ['run', NCT, '--workers', '0'],
    ]) {
      const io = fakeIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.err).toMatch(/^trialsim: /);
      expect(io.err).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('a missing file exits 2 naming it', async () => {
    const io = fakeIo();
    expect(await main(['run', 'nope.json'], io)).toBe(2);
    expect(io.err).toContain('cannot read nope.json: ENOENT');
  });

  it('a bad --set names the path', async () => {
    const io = fakeIo();
    expect(await main(['run', NCT, '--set', 'design.n=-4'], io)).toBe(2);
    expect(io.err).toContain('design.n');
    expect(io.err).toContain('-4');
  });
});

describe('trialsim validate', () => {
  it('accepts a valid file', async () => {
    const io = fakeIo();
    expect(await main(['validate', NCT], io)).toBe(0);
    expect(io.out).toContain('valid (8 design points)');
  });

  it('reports every problem of a broken file with its path, and exits 2', async () => {
    const broken = JSON.parse(JSON.stringify((await import('../../scenarios/nct06764329-hair-count.json')).default));
    broken.design.n = -3;
    broken.endpoint.arms.saline.sd = 0;
    broken.analysis.test = 'mcnemar-exact';
    broken.simulation.replicats = 5;
    const io = fakeIo({ 'broken.json': JSON.stringify(broken) });
    expect(await main(['validate', 'broken.json'], io)).toBe(2);
    const lines = io.err.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^broken\.json: \S/);
    expect(io.err).toContain('analysis.test');
    expect(io.err).toContain('welch-t');
    expect(io.err).toContain('simulation.replicats');
    expect(io.err).toContain('did you mean "replicates"');
    expect(io.err).not.toMatch(/Error:|\n\s+at /);
  });

  it('reports a JSON syntax error without a stack trace', async () => {
    const io = fakeIo({ 'bad.json': '{ "format": "trialsim/1", ' });
    expect(await main(['validate', 'bad.json'], io)).toBe(2);
    expect(io.err).toMatch(/^bad\.json: .*JSON/);
  });
});

describe('--set on a swept path', () => {
  it('fixes the value instead of sweeping it', async () => {
    const io = fakeIo();
    expect(await main(['run', NCT, '--replicates', '1000', '--set', 'design.n=70', '--format', 'json'], io)).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.points).toHaveLength(1);
    expect(result.points[0].set).toEqual({});
  });
});

describe('file arguments', () => {
  it('skip the JSON Schema, so scenarios/*.json means every scenario', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'scenarios/scenario.schema.json', NCT], io)).toBe(0);
    expect(io.out).toContain(NCT);
    expect(io.out).not.toContain('schema');
    const only = fakeIo();
    expect(await main(['validate', 'scenarios/scenario.schema.json'], only)).toBe(2);
    expect(only.err).toContain('JSON Schemas and are skipped');
  });
});

describe("--precision within the run's bounds", () => {
  it('adds replicates only up to --limit maxReplicates', async () => {
    const io = fakeIo();
    const argv = ['run', NCT, '--precision', '0.005', '--sweep', 'design.n=40', '--set', 'simulation.replicates=1000', '--format', 'json'];
    expect(await main([...argv, '--limit', 'maxReplicates=2000'], io)).toBe(0);
    expect(JSON.parse(io.out).points[0].replicates).toBe(2000);
    // Unbounded, the same target takes more (power ≈ 0.8 needs about 25 000 for a half-width of 0.005).
    const free = fakeIo();
    expect(await main(argv, free)).toBe(0);
    expect(JSON.parse(free.out).points[0].replicates).toBeGreaterThan(20_000);
  });
});

describe('a sweep over analysis.alpha', () => {
  it("the header, the JSON and the SVG say α is swept instead of quoting the first point's", async () => {
    const argv = ['run', NCT, '--replicates', '200', '--sweep', 'design.n=20:30:10', '--sweep', 'analysis.alpha=0.01,0.05'];
    const table = fakeIo();
    expect(await main([...argv, '--svg', 'a.svg'], table)).toBe(0);
    expect(table.out).toContain('welch-t, two-sided, α as swept ·');
    expect(table.written['a.svg']).toContain('welch-t, two-sided, α as swept');
    const json = fakeIo();
    expect(await main([...argv, '--format', 'json'], json)).toBe(0);
    const result = JSON.parse(json.out);
    expect(result.alpha).toBeNull();
    expect(result.points.map((p: { set: Record<string, number> }) => p.set['analysis.alpha'])).toEqual([0.01, 0.05, 0.01, 0.05]);
  });
});

describe("--svg marks the file's own n", () => {
  it('also when the file writes n as an expression (tacrolimus-maintenance.json: "19 + 16")', async () => {
    const io = fakeIo();
    expect(await main(['run', 'scenarios/tacrolimus-maintenance.json', '--replicates', '200', '--svg', 't.svg'], io)).toBe(0);
    expect(io.written['t.svg']).toContain('n = 35');
  });
});

describe('output files that cannot be written', () => {
  it('are refused before anything is simulated, naming the file and why', async () => {
    for (const option of ['--out', '--svg', '--junit', '--md']) {
      const command = option === '--junit' ? 'check' : option === '--md' ? 'report' : 'run';
      const io = fakeIo();
      let simulated = false;
      io.simulator = () => {
        simulated = true;
        throw new Error('must not start');
      };
      io.cannotWrite = (path) => (path === 'missing/x' || path === 'missing/x.svg' ? 'its folder missing does not exist' : undefined);
      expect(await main([command, NCT, option, 'missing/x'], io), option).toBe(2);
      expect(io.err, option).toBe('trialsim: cannot write missing/x: its folder missing does not exist\n(see trialsim --help)\n');
      expect(simulated, option).toBe(false);
    }
  });

  it('the real binary reads a file that starts with a UTF-8 byte-order mark, as the browser does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trialsim-bom-'));
    try {
      const path = join(dir, 'bom.json');
      writeFileSync(path, `\uFEFF${readFileSync(NCT, 'utf8')}`);
      const r = await cli(['validate', path]);
      expect(r.stderr).toBe('');
      expect([r.code, r.stdout]).toEqual([0, `${path}: valid (8 design points)\n`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the real binary: a missing folder and a folder in place of the file (bin/node-io.ts)', async () => {
    const missing = await cli(['run', NCT, '--replicates', '100', '--out', '/nonexistent-trialsim/x.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'trialsim: cannot write /nonexistent-trialsim/x.txt: its folder /nonexistent-trialsim does not exist\n(see trialsim --help)\n',
    );
    expect(missing.stdout).toBe('');
    const folder = await cli(['run', NCT, '--replicates', '100', '--svg', 'scenarios']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^trialsim: cannot write scenarios: it is a folder\n/);
  });
});

describe('trialsim validate, several files', () => {
  it('goes on past a file it cannot read, and refuses --out and --format', async () => {
    const io = fakeIo();
    expect(await main(['validate', 'no-such-file.json', NCT], io)).toBe(2);
    expect(io.err).toBe('trialsim: cannot read no-such-file.json: ENOENT\n');
    expect(io.out).toBe(`${NCT}: valid (8 design points)\n`);
    for (const option of [
      ['--out', 'v.txt'],
      ['--format', 'json'],
    ]) {
      const refused = fakeIo();
      expect(await main(['validate', NCT, ...option], refused)).toBe(2);
      expect(refused.err).toMatch(new RegExp(`^trialsim: ${option[0]}: validate writes its findings to standard output and error only`));
    }
  });
});

describe('--set and --sweep on one path', () => {
  it('is a usage error rather than a sweep silently dropped', async () => {
    const io = fakeIo();
    expect(await main(['run', NCT, '--set', 'design.n=80', '--sweep', 'design.n=20,30'], io)).toBe(2);
    expect(io.err).toBe(
      'trialsim: --set design.n=80 and --sweep design.n: a value is either fixed or swept; drop one of them\n(see trialsim --help)\n',
    );
    // --set on a path the file sweeps still fixes it (the file's sweep is the file's, --sweep the command line's).
    const fixed = fakeIo();
    expect(await main(['run', NCT, '--replicates', '200', '--set', 'design.n=80', '--format', 'json'], fixed)).toBe(0);
    expect(JSON.parse(fixed.out).points).toHaveLength(1);
  });
});

describe('--svg on a sweep it cannot draw', () => {
  it('refuses before simulating: expression x values, or no sweep', async () => {
    for (const [extra, reason] of [
      [['--sweep', 'design.n=2*20,2*35'], '--svg: cannot draw design.n = "2*20": the x values must be numbers, not expressions'],
      [['--set', 'design.n=40'], '--svg: a curve needs a sweep with at least two points (in the file or with --sweep)'],
    ] as const) {
      const io = fakeIo();
      io.simulator = () => {
        throw new Error('must not start');
      };
      expect(await main(['run', NCT, ...extra, '--svg', 'e.svg'], io)).toBe(2);
      expect(io.err).toBe(`trialsim: ${reason}\n(see trialsim --help)\n`);
      expect(io.out).toBe('');
    }
  });
});

describe('--seed', () => {
  it('follows the rules of simulation.seed: no control characters reach the terminal', async () => {
    const io = fakeIo();
    expect(await main(['run', NCT, '--seed', 'a\u001b[31mb'], io)).toBe(2);
    expect(io.err).toMatch(/^trialsim: --seed: got "a\\u001b\[31mb"; allowed: a one-line text without control characters/);
    expect(io.err).not.toContain('\u001b');
  });
});

describe('--alpha', () => {
  it('is refused outside the bounds of analysis.alpha, naming the flag', async () => {
    for (const value of ['1e-9', '0.7', '0', 'x']) {
      const io = fakeIo();
      expect(await main(['run', NCT, '--alpha', value], io), value).toBe(2);
      expect(io.err).toBe(
        `trialsim: --alpha: got "${value}"; allowed: a significance level from 1e-8 to 0.5, e.g. 0.025\n(see trialsim --help)\n`,
      );
    }
  });
});
