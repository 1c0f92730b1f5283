import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssues, previewValue } from '../../src/scenario/format-issues.js';

describe('formatIssue', () => {
  it('writes path, value and what is allowed on one line', () => {
    expect(formatIssue({ path: 'design.n', value: -3, allowed: 'a whole number ≥ 2' })).toBe(
      'design.n: got -3; allowed: a whole number ≥ 2',
    );
  });

  it('says "missing" for undefined values and "(root)" for the root path', () => {
    expect(formatIssue({ path: 'title', value: undefined, allowed: 'a non-empty string' })).toBe(
      'title: got missing; allowed: a non-empty string',
    );
    expect(formatIssue({ path: '', value: null, allowed: 'a JSON object' })).toBe('(root): got null; allowed: a JSON object');
  });

  it('adds the hint in parentheses and an expression\'s value after "="', () => {
    expect(
      formatIssue({
        path: 'simulation.replicats',
        value: 5000,
        allowed: 'a key of simulation: replicates, seed',
        hint: 'did you mean "replicates"?',
      }),
    ).toBe('simulation.replicats: got 5000; allowed: a key of simulation: replicates, seed (did you mean "replicates"?)');
    expect(formatIssue({ path: 'design.n', value: '2 * k', evaluated: -6, allowed: 'a whole number ≥ 2' })).toBe(
      'design.n: got "2 * k" (= -6); allowed: a whole number ≥ 2',
    );
    expect(formatIssue({ path: 'a', value: 3, evaluated: 3, allowed: 'x' })).toBe('a: got 3; allowed: x');
    expect(formatIssue({ path: 'a', value: '1/0', evaluated: Infinity, allowed: 'x' })).toBe('a: got "1/0" (= Infinity); allowed: x');
  });

  it('formats several issues one per line', () => {
    expect(
      formatIssues([
        { path: 'a', value: 1, allowed: 'x' },
        { path: 'b', value: 2, allowed: 'y' },
      ]),
    ).toBe('a: got 1; allowed: x\nb: got 2; allowed: y');
  });
});

describe('previewValue', () => {
  it('renders JSON values compactly', () => {
    expect(previewValue({ mean: 1, sd: [2, 'x', null, true] })).toBe('{"mean":1,"sd":[2,"x",null,true]}');
    expect(previewValue('a"b')).toBe('"a\\"b"');
    expect(previewValue(NaN)).toBe('NaN');
    expect(previewValue(-Infinity)).toBe('-Infinity');
    expect(previewValue(undefined)).toBe('missing');
  });

  it('truncates to 80 characters with …', () => {
    const p = previewValue('x'.repeat(1000));
    expect(p).toHaveLength(80);
    expect(p.endsWith('…')).toBe(true);
    expect(previewValue(Array.from({ length: 100000 }, (_, i) => i))).toHaveLength(80);
    expect(previewValue({ ['k'.repeat(500)]: 1 })).toHaveLength(80);
  });

  it('never throws, and does bounded work, on hostile values', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200000; i++) deep = [deep];
    expect(previewValue(deep)).toHaveLength(80);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(previewValue(cyclic)).toHaveLength(80);
    expect(previewValue(10n)).toBe('10n');
    expect(previewValue(() => 1)).toBe('[function]');
    const hostile = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(previewValue(hostile)).toBe('(unreadable value)');
  });
});
