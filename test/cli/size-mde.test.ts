import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/fake-io.js';

const NCT = 'scenarios/nct06764329-hair-count.json';

describe('trialsim size', () => {
  it('prints n analysed, n to randomize, the powers at n and one step below, the closed form and the evaluations', async () => {
    const io = fakeIo();
    expect(await main(['size', NCT, '--power', '0.9'], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toMatch(/^n analysed\s+\d+ {2}\(msc \d+, saline \d+\)$/m);
    expect(io.out).toMatch(/^power at n\s+0\.9\d{3} {2}\[0\.\d{4}, 0\.\d{4}\]$/m);
    expect(io.out).toMatch(/^power at n−step = \d+\s+0\.8\d{3}/m);
    expect(io.out).toMatch(/^n to randomize\s+\d+ .*for dropout 0\.1$/m);
    expect(io.out).toMatch(/^closed form\s+n = \d+, power 0\.\d{4} {2}\(noncentral t with Welch–Satterthwaite df \(approximation\)\)$/m);
    expect(io.out).toMatch(/^evaluations\s+\d+ design points in \d+ rounds/m);
    expect(io.out).toContain('dropout is never counted twice');
  });

  it('--format json has the DESIGN.md shape', async () => {
    const io = fakeIo();
    expect(await main(['size', NCT, '--power', '0.9', '--format', 'json', '--replicates', '4000'], io)).toBe(0);
    const r = JSON.parse(io.out);
    expect(r).toMatchObject({
      title: expect.stringContaining('NCT06764329'),
      target: 0.9,
      n: expect.any(Number),
      perArm: { msc: r.n / 2, saline: r.n / 2 },
      power: expect.any(Number),
      ci95: [expect.any(Number), expect.any(Number)],
      powerAtNMinus1: expect.any(Number),
      nMinus1: r.n - 2,
      nWithDropout: 2 * Math.ceil(r.n / 0.9 / 2),
      evaluations: expect.any(Number),
      closedForm: { n: expect.any(Number), method: expect.stringContaining('noncentral t') },
      reached: true,
      seed: 'nct06764329',
      replicates: 4000,
    });
    expect(r.power).toBeGreaterThanOrEqual(0.9);
    expect(r.powerAtNMinus1).toBeLessThan(0.9);
    expect(r.evaluations).toBeLessThanOrEqual(12);
    expect(r.evaluated.length).toBe(r.evaluations - 1); // the last one is the dropout check
  });

  it('one search per point of --sweep, as a table, CSV or JSON array', async () => {
    const io = fakeIo();
    expect(
      await main(
        ['size', NCT, '--power', '0.8', '--replicates', '2000', '--sweep', 'endpoint.arms.saline.sd=1.97,3.01', '--format', 'csv'],
        io,
      ),
    ).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines[0]).toBe(
      'endpoint.arms.saline.sd,target,n,per arm,power,ci95 low,ci95 high,n one step below,power one step below,n randomized,closed form n,evaluations',
    );
    expect(lines).toHaveLength(3);
    const [small, large] = lines.slice(1).map((l) => Number(l.split(',')[2]));
    expect(large).toBeGreaterThan(small);
    const json = fakeIo();
    await main(['size', NCT, '--power', '0.8', '--replicates', '2000', '--sweep', 'design.dropout=0,0.2', '--format', 'json'], json);
    const rs = JSON.parse(json.out);
    expect(rs.map((r: { set: object }) => r.set)).toEqual([{ 'design.dropout': 0 }, { 'design.dropout': 0.2 }]);
    expect(rs[0].n).toBe(rs[1].n);
    expect(rs[1].nWithDropout).toBeGreaterThan(rs[0].nWithDropout);
  });

  it('--svg writes the curve with the target and the chosen n; exit 1 when --max-n is too small', async () => {
    const io = fakeIo();
    expect(await main(['size', NCT, '--power', '0.9', '--replicates', '2000', '--svg', 'size.svg'], io)).toBe(0);
    const svg = io.written['size.svg'];
    expect(svg).toMatch(/^<\?xml .*\?>\n<svg /);
    for (const part of ['class="power-curve"', 'class="wilson-band"', 'class="target"', 'class="chosen"', 'target 0.9'])
      expect(svg).toContain(part);
    const small = fakeIo();
    expect(await main(['size', NCT, '--power', '0.9', '--replicates', '2000', '--max-n', '20'], small)).toBe(1);
    expect(small.out).toMatch(/not reached with n ≤ 20 \(largest tried: 20, power 0\.\d{4}\); raise --max-n/);
  });

  it('without an effect, says the power stays near α instead of advising a larger --max-n', async () => {
    const io = fakeIo();
    const argv = ['size', NCT, '--power', '0.8', '--replicates', '500', '--max-n', '400', '--set', 'endpoint.arms.msc.mean=1.44'];
    expect(await main(argv, io)).toBe(1);
    expect(io.out).toMatch(
      /not reached with n ≤ 400 \(largest tried: 400, power 0\.0\d{3}\); the power stays near α = 0\.05: is there an effect to detect\?/,
    );
  });

  it('usage errors exit 2 with one line', async () => {
    for (const argv of [
      ['size', NCT],
      ['size', NCT, '--power', '1.2'],
      ['size', NCT, '--power', '0.9', '--max-n', '1'],
      ['size', NCT, NCT, '--power', '0.9'],
      ['size', NCT, '--power', '0.9', '--sweep', 'design.n=10:20:5'],
      ['size', NCT, '--power', '0.9', '--png', 'x.png'],
      ['mde', NCT, '--power', '0.8', '--svg', 'x.svg'],
      ['run', NCT, '--max-n', '50'],
      ['run', NCT, '--sweep', 'design.n=1:2'],
      ['run', NCT, '--alpha', '0'],
    ]) {
      const io = fakeIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err, argv.join(' ')).toMatch(/^trialsim: [^\n]+\n\(see trialsim --help\)\n$/);
    }
  });
});

describe('trialsim mde', () => {
  it('prints the smallest effect at the file\u2019s n with the closed form beside it', async () => {
    const io = fakeIo();
    expect(await main(['mde', NCT, '--power', '0.8'], io)).toBe(0);
    expect(io.out).toMatch(/^smallest effect\s+1\.\d\d {2}\(msc\.mean = \d\.\d\d vs saline 1\.44\)$/m);
    expect(io.out).toMatch(/^closed form\s+1\.\d\d \(mean \d\.\d\d\)/m);
    expect(io.out).toMatch(/^evaluations\s+\d+ design points/m);
  });

  it('--sweep design.n gives the effect by n, smaller with more patients', async () => {
    const io = fakeIo();
    expect(
      await main(['mde', NCT, '--power', '0.8', '--replicates', '2000', '--sweep', 'design.n=40,80,160', '--format', 'json'], io),
    ).toBe(0);
    const effects = JSON.parse(io.out).map((r: { effect: number }) => r.effect);
    expect(effects).toHaveLength(3);
    expect(effects[0]).toBeGreaterThan(effects[1]);
    expect(effects[1]).toBeGreaterThan(effects[2]);
  });

  it('refuses an ordinal endpoint with exit 2', async () => {
    const ordinal = {
      format: 'trialsim/1',
      title: 'ordinal',
      design: { kind: 'parallel', arms: [{ id: 't' }, { id: 'c', control: true }], n: 40 },
      endpoint: {
        kind: 'ordinal',
        better: 'higher',
        categories: ['a', 'b', 'c'],
        arms: { t: { probs: [0.2, 0.3, 0.5] }, c: { probs: [0.4, 0.3, 0.3] } },
      },
      analysis: { test: 'mann-whitney' },
    };
    const io = fakeIo({ 'ordinal.json': JSON.stringify(ordinal) });
    expect(await main(['mde', 'ordinal.json', '--power', '0.8'], io)).toBe(2);
    expect(io.err).toMatch(/continuous or binary endpoint/);
  });
});

describe('sweeps and curves from the command line', () => {
  it('--sweep replaces the file\u2019s sweep; two make a grid with one row per point', async () => {
    const io = fakeIo();
    expect(
      await main(
        ['run', NCT, '--replicates', '1000', '--sweep', 'design.n=20:60:20', '--sweep', 'design.dropout=0,0.2', '--format', 'csv'],
        io,
      ),
    ).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines[0]).toBe('design.n,design.dropout,power,ci95 low,ci95 high,mcse,replicates,degenerate');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['20,0', '20,0.2', '40,0', '40,0.2', '60,0', '60,0.2']);
    const md = fakeIo();
    await main(['run', NCT, '--replicates', '1000', '--sweep', 'design.n=20,40', '--format', 'markdown'], md);
    expect(md.out).toContain('| design.n | power |');
  });

  it('--alpha sets the level even when the file does not state one', async () => {
    const io = fakeIo();
    await main(['run', NCT, '--replicates', '1000', '--sweep', 'design.n=40', '--alpha', '0.01', '--format', 'json'], io);
    expect(JSON.parse(io.out).alpha).toBe(0.01);
  });

  it('run --svg draws a family for a grid, marks the file\u2019s n and uses the file\u2019s expect as target', async () => {
    const io = fakeIo();
    expect(
      await main(
        ['run', NCT, '--replicates', '1000', '--sweep', 'design.n=40:100:30', '--sweep', 'design.dropout=0,0.2', '--svg', 'grid.svg'],
        io,
      ),
    ).toBe(0);
    const svg = io.written['grid.svg'];
    expect(svg.match(/<path/g)!.length).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('design.dropout = 0.2');
    expect(svg).toContain('target 0.8');
    expect(svg).toContain('n = 70');
    const single = fakeIo();
    expect(await main(['run', NCT, '--sweep', 'design.n=40', '--svg', 'x.svg'], single)).toBe(2);
    expect(single.err).toMatch(/needs a sweep with at least two points/);
  });

  it('a bad sweep value is reported at its place in the sweep', async () => {
    const io = fakeIo();
    expect(await main(['run', NCT, '--sweep', 'design.dropout=0.5,1.5'], io)).toBe(2);
    expect(io.err).toContain('sweep["design.dropout"]');
    expect(io.err).toContain('1.5');
  });
});
