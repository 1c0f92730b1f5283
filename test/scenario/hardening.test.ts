/**
 * Gaps closed for issue 8 (untrusted scenario files): each test states the
 * hole and the exact message that now closes it.
 */
import { describe, expect, it } from 'vitest';
import { designPoints } from '../../src/scenario/design-points.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { DEFAULT_LIMITS, HARD_LIMITS, parseLimitArguments, resolveLimits } from '../../src/scenario/limits.js';
import { loadScenario, type LoadResult } from '../../src/scenario/load.js';
import { textProblem } from '../../src/scenario/text.js';
import { escapeUnsafeText } from '../../src/text/terminal.js';
import { jsonDepthIssue, validateScenario } from '../../src/scenario/validate.js';
import { EXAMPLES, loose, parallelContinuous, singleContinuous, withinContinuous } from './examples.js';

const messages = (r: LoadResult | { ok: false; issues: never[] } | { ok: boolean; issues?: unknown[] }) =>
  'issues' in r && r.issues ? (r.issues as Parameters<typeof formatIssue>[0][]).map(formatIssue) : [];
const load = (doc: unknown, options: Parameters<typeof loadScenario>[2] = {}) =>
  messages(loadScenario(typeof doc === 'string' ? doc : JSON.stringify(doc), [], options));
const base = () => {
  const f = loose(parallelContinuous());
  delete f.sweep;
  return f;
};

describe('nesting depth', () => {
  it('rejects JSON nested deeper than 32 levels, alone and without recursion', () => {
    const deep = `{"format":"trialsim/1","description":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(load(deep)).toEqual([
      'description: got [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…; allowed: JSON nested at most 32 levels deep (a scenario needs 7) (it is nested 100001 levels deep)',
    ]);
    const chain = `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`;
    expect(load(chain)).toEqual([
      'a: got {"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a"…; allowed: JSON nested at most 32 levels deep (a scenario needs 7) (it is nested 40 levels deep)',
    ]);
    expect(jsonDepthIssue(EXAMPLES.withinContinuous())).toBeUndefined();
    expect(jsonDepthIssue([[[1]]], 2)).toMatchObject({ path: '[0]', hint: 'it is nested 3 levels deep' });
  });
});

describe('text fields', () => {
  it('rejects control characters, bidirectional overrides and lone surrogates in text shown to people', () => {
    const f = base();
    f.title = 'Power \u001b[2J';
    f.design.arms[0].label = 'MSC\u202e';
    f.endpoint.label = 'line\nbreak';
    f.description = 'two\nlines are fine\tand tabs too';
    f.assumptions = [{ path: 'design.n', note: 'bell\u0007' }];
    f.simulation.seed = 'seed\ud800';
    expect(load(f)).toEqual([
      'title: got "Power \\u001b[2J"; allowed: a one-line text without control characters, invisible formatting characters or lone surrogates (character U+001B at position 7)',
      'design.arms[0].label: got "MSC\\u202e"; allowed: a one-line text without control characters, invisible formatting characters or lone surrogates (character U+202E at position 4)',
      'endpoint.label: got "line\\nbreak"; allowed: a one-line text without control characters, invisible formatting characters or lone surrogates (character U+000A at position 5)',
      'simulation.seed: got "seed\\ud800"; allowed: a one-line text without control characters, invisible formatting characters or lone surrogates (character U+D800 at position 5)',
      'assumptions[0].note: got "bell\\u0007"; allowed: a text without control characters (other than tab and line breaks), invisible formatting characters or lone surrogates (character U+0007 at position 5)',
    ]);
  });

  it('escapes such characters wherever a message quotes the input (keys, values, parser messages)', () => {
    const f = base();
    f['\u009b31mX'] = 1;
    f.design.n = 'n\u202e + 1';
    const lines = load(f);
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(lines[0]).toBe(
      '["\\u009b31mX"]: got 1; allowed: a key of the scenario: $schema, format, title, description, let, sources, assumptions, design, endpoint, analysis, simulation, sweep, expect',
    );
    expect(escapeUnsafeText('a\u0085b\u2066c')).toBe('a\\u0085b\\u2066c');
    expect(textProblem('fine: ±α ≥ 75 % 👩‍⚕️', false)).toBeUndefined();
  });
});

describe('design consistency', () => {
  it('requires the control site second in a within-patient design (the engine relies on it)', () => {
    const f = loose(withinContinuous());
    f.design.arms = [{ id: 'untreated', control: true }, { id: 'treated' }];
    expect(load(f)).toEqual([
      'design.arms: got [{"id":"untreated","control":true},{"id":"treated"}]; allowed: the treated site first and the control site ("control": true) second (design.arms[0] is the control; swap the two arms)',
    ]);
  });
});

describe('numbers that would overflow, underflow or round the noise away', () => {
  it('bounds means, SDs and null values, and requires an SD that survives rounding', () => {
    const f = base();
    f.endpoint.arms.msc = { mean: 1e300, sd: 1e13 };
    f.endpoint.arms.saline = { mean: 1e6, sd: 1e-6 };
    expect(load(f)).toEqual([
      'endpoint.arms.msc.mean: got 1e+300; allowed: a number from -1e12 to 1e12',
      'endpoint.arms.msc.sd: got 10000000000000; allowed: a number ≤ 1e12',
      'endpoint.arms.saline.sd: got 0.000001; allowed: a number ≥ 0.001 (1e-9 × the size of the mean); a smaller SD vanishes in floating-point rounding: change the unit instead',
    ]);
    const g = base();
    g.endpoint.arms.saline = { mean: 0, sd: 1e-200 };
    expect(load(g)).toEqual([
      'endpoint.arms.saline.sd: got 1e-200; allowed: a number ≥ 1e-100: the square of a smaller SD underflows to 0; change the unit instead',
    ]);
    const s = loose(singleContinuous());
    s.analysis.null = -1e15;
    expect(load(s)).toEqual(['analysis.null: got -1000000000000000; allowed: a number from -1e12 to 1e12']);
  });

  it('bounds distribution parameters: normal SD, lognormal sdlog and centre, beta shapes, CI bounds', () => {
    const f = base();
    f.endpoint.arms.msc = { mean: { normal: { mean: 0, sd: 1e300 } }, sd: { lognormal: { meanlog: 100, sdlog: 4 } } };
    f.endpoint.arms.saline = { mean: { fromCI: { estimate: 0, lower: -1e300, upper: 1 } }, sd: 1 };
    expect(load(f)).toEqual([
      'endpoint.arms.msc.mean.normal.sd: got 1e+300; allowed: a number ≤ 1e12',
      'endpoint.arms.msc.sd.lognormal.sdlog: got 4; allowed: a number ≤ 3',
      'endpoint.arms.saline.mean.fromCI.lower: got -1e+300; allowed: a number from -1e12 to 1e12',
    ]);
    const b = loose(EXAMPLES.parallelBinary());
    b.endpoint.arms.high.p = { beta: { alpha: 0.001, beta: 1 } };
    expect(load(b)).toEqual(['endpoint.arms.high.p.beta.alpha: got 0.001; allowed: a number ≥ 0.05']);
  });

  it('bounds allocation weights (their sum must stay finite) and alpha (critical values must stay exact)', () => {
    const f = base();
    f.design.allocation = [1e308, 1e308];
    f.analysis.alpha = 1e-12;
    expect(load(f)).toEqual([
      'design.allocation[0]: got 1e+308; allowed: a number from 1e-6 to 1e6 (weights are ratios)',
      'design.allocation[1]: got 1e+308; allowed: a number from 1e-6 to 1e6 (weights are ratios)',
      'analysis.alpha: got 1e-12; allowed: a number ≥ 1e-8 (smaller levels are beyond the precision of the critical values)',
    ]);
  });

  it('requires a precision target the adaptive run can reach (as --precision does)', () => {
    const f = base();
    f.simulation.precision = 1e-9;
    expect(load(f)).toEqual([
      'simulation.precision: got 1e-9; allowed: a number in [0.0005, 0.5): the target half-width of the 95 % interval',
    ]);
  });
});

describe('limits set by the person running, never by the file', () => {
  it('applies raised or lowered limits to every bounded field', () => {
    const f = base();
    f.design.n = 200_000;
    f.simulation.replicates = 20_000_000;
    expect(load(f)).toEqual([
      'simulation.replicates: got 20000000; allowed: a whole number from 1 to 10000000',
      'design.n: got 200000; allowed: a whole number ≤ 100000',
    ]);
    expect(load(f, { limits: { maxN: 500_000, maxReplicates: 50_000_000 } })).toEqual([]);
    const g = base();
    g.let = { d: `1 + 0.${'0'.repeat(600)}1` };
    g.endpoint.arms.msc.mean = 'd';
    expect(load(g)[0]).toMatch(/^let\.d: got "1 \+ 0\.000.*…; allowed: an expression of at most 500 characters$/);
    expect(load(g, { limits: { maxExpressionLength: 1000 } })).toEqual([]);
    expect(load(base(), { limits: { maxFileBytes: 100 } })).toEqual([
      '(root): got "more than 400 bytes"; allowed: a file of at most 100 bytes',
    ]);
    const arms = base();
    arms.design.arms = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, ...(i === 0 ? { control: true } : {}) }));
    arms.design.allocation = arms.design.arms.map(() => 1);
    arms.endpoint.arms = Object.fromEntries(arms.design.arms.map((a: { id: string }) => [a.id, { mean: 0, sd: 1 }]));
    expect(load(arms)[0]).toMatch(/^design\.arms: got .*; allowed: a list of 2 to 10 arms \(12 arms given\)$/);
    expect(load(arms, { limits: { maxArms: 12 } })).toEqual([]);
    // A file cannot set a limit: there is no such key.
    const sneaky = base();
    sneaky.limits = { maxN: 1e7 };
    expect(validateScenario(sneaky).ok).toBe(false);
  });

  it('checks limit settings against hard ceilings', () => {
    expect(resolveLimits({ maxN: 200_000 })).toEqual({ ok: true, limits: { ...DEFAULT_LIMITS, maxN: 200_000 } });
    expect(resolveLimits({ maxN: 1e300 })).toEqual({ ok: false, message: 'maxN: got 1e+300; allowed: a whole number from 1 to 10000000' });
    expect(resolveLimits({ maxSpeed: 1 })).toEqual({
      ok: false,
      message: expect.stringMatching(/^unknown limit "maxSpeed"; allowed: maxFileBytes, maxReplicates, /),
    });
    expect(parseLimitArguments(['maxCost=2e11', 'maxN=200000'])).toEqual({
      ok: true,
      limits: { ...DEFAULT_LIMITS, maxCost: 2e11, maxN: 200_000 },
    });
    expect(parseLimitArguments(['maxN=1.5'])).toEqual({
      ok: false,
      message: '--limit maxN=1.5: got "1.5"; allowed: a whole number from 1 to 10000000',
    });
    expect(parseLimitArguments(['maxCost=1e16'])).toEqual({
      ok: false,
      message: '--limit maxCost=1e16: got "1e16"; allowed: a number from 1 to 1e+15',
    });
    expect(parseLimitArguments(['__proto__=1'])).toMatchObject({ ok: false });
    expect(parseLimitArguments(['maxN'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--limit maxN: expected name=value/),
    });
    expect(HARD_LIMITS.maxN).toBe(10_000_000);
  });
});

describe('design points of a large file with a large sweep', () => {
  it('parses the text once and shares it between points: bounded time and memory', () => {
    const f = base();
    f.description = 'x'.repeat(900_000);
    f.sweep = {
      'design.n': Array.from({ length: 1000 }, (_, i) => i + 2),
      'endpoint.arms.msc.mean': Array.from({ length: 10 }, (_, i) => i),
    };
    const text = JSON.stringify(f);
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = designPoints(text);
    const ms = performance.now() - t0;
    const grown = process.memoryUsage().heapUsed - before;
    expect(r.ok && r.points.length).toBe(10_000);
    // Re-parsing per point took 10 000 × 900 kB = 9 GB and died; now: one copy of the text.
    expect(grown).toBeLessThan(300 * 1024 * 1024);
    expect(ms).toBeLessThan(20_000);
  });

  it('still reports a bad sweep value at its place in sweep', () => {
    const f = base();
    f.sweep = { 'endpoint.arms.msc.sd': [1, -1, 1e13] };
    expect(messages(designPoints(JSON.stringify(f)))).toEqual([
      'sweep["endpoint.arms.msc.sd"]: got -1; allowed: a number > 0 (at endpoint.arms.msc.sd = -1)',
      'sweep["endpoint.arms.msc.sd"]: got 10000000000000; allowed: a number ≤ 1e12 (at endpoint.arms.msc.sd = 10000000000000)',
    ]);
  });

  it('a value computed from a swept let name names the sweep point it failed at', () => {
    const f = loose(parallelContinuous());
    f.let = { shift: 1 };
    f.endpoint.arms.msc.sd = '2 - shift';
    f.sweep = { 'let.shift': [1, 3] };
    expect(messages(designPoints(JSON.stringify(f)))).toEqual([
      'endpoint.arms.msc.sd: got "2 - shift" (= -1); allowed: a number > 0 (at let.shift = 3)',
    ]);
  });
});

describe('prototype pollution', () => {
  it('leaves every prototype alone whatever __proto__, constructor and prototype keys a file has', () => {
    const text = `{"__proto__": {"polluted": 1}, "format": "trialsim/1", "title": "t", "constructor": {"prototype": {"polluted": 1}},
      "let": {"__proto__": 1, "constructor": 2},
      "design": {"kind": "parallel", "__proto__": {"n": 5}, "arms": [{"id": "a", "__proto__": {"control": true}}, {"id": "b", "control": true}], "n": 20},
      "endpoint": {"kind": "continuous", "better": "higher", "arms": {"__proto__": {"mean": 1, "sd": 1}, "a": {"mean": 1, "sd": 1}, "b": {"mean": 0, "sd": 1}}},
      "analysis": {"test": "welch-t"}, "sweep": {"__proto__": [1], "design.__proto__.n": [3]}}`;
    const r = loadScenario(text, [{ path: '__proto__.polluted', value: 1 }]);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages(r).every((m) => /^\S.*: got .*; allowed: /.test(m))).toBe(true);
  });
});
