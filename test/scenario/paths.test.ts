import { describe, expect, it } from 'vitest';
import {
  formatPath,
  getPath,
  hasPath,
  isPlainObject,
  joinPath,
  normalizeSegments,
  parsePath,
  parseSetArgument,
  PathError,
  setPath,
  trySetPath,
} from '../../src/scenario/paths.js';
import { formatIssue } from '../../src/scenario/format-issues.js';

const doc = () => ({
  design: { n: 70, arms: [{ id: 'tci' }, { id: 'vehicle', control: true }] },
  endpoint: { arms: { tci: { probs: [0.1, 0.2, 0.3, 0.4] } } },
  sweep: { 'design.n': [20, 40] },
});

describe('parsePath / formatPath', () => {
  it('parses dots, [index], dotted indexes and quoted keys', () => {
    expect(parsePath('design.n')).toEqual({ ok: true, segments: ['design', 'n'] });
    expect(parsePath('endpoint.arms.tci.probs[2]')).toEqual({ ok: true, segments: ['endpoint', 'arms', 'tci', 'probs', 2] });
    expect(parsePath('endpoint.arms.tci.probs.2')).toEqual({ ok: true, segments: ['endpoint', 'arms', 'tci', 'probs', '2'] });
    expect(parsePath('sweep["design.n"][0]')).toEqual({ ok: true, segments: ['sweep', 'design.n', 0] });
    expect(parsePath('design.arms[1].id')).toEqual({ ok: true, segments: ['design', 'arms', 1, 'id'] });
    expect(parsePath('let.my-arm')).toEqual({ ok: true, segments: ['let', 'my-arm'] });
  });

  it('rejects malformed paths with a reason', () => {
    expect(parsePath('')).toEqual({ ok: false, error: 'the path is empty' });
    expect(parsePath('design..n')).toEqual({ ok: false, error: 'empty segment at character 8' });
    expect(parsePath('.n')).toEqual({ ok: false, error: 'empty segment at character 1' });
    expect(parsePath('design.')).toEqual({ ok: false, error: 'the path ends with "."' });
    expect(parsePath('a[x]')).toEqual({ ok: false, error: 'expected [index] or ["key"] at character 2' });
    expect(parsePath('a]')).toEqual({ ok: false, error: 'unexpected "]" at character 2' });
    expect(parsePath('a[0]b')).toEqual({ ok: false, error: 'expected "." or "[" at character 5' });
    expect(parsePath('x'.repeat(301))).toEqual({ ok: false, error: 'the path is longer than 300 characters' });
    expect(parsePath(Array.from({ length: 40 }, () => 'a').join('.'))).toEqual({ ok: false, error: 'a path has at most 32 segments' });
  });

  it('rejects __proto__, constructor and prototype anywhere', () => {
    for (const p of ['__proto__', 'a.__proto__.b', 'a.constructor', 'a.constructor.prototype', 'a["__proto__"]', 'prototype']) {
      const r = parsePath(p);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toMatch(/^the segment "(__proto__|constructor|prototype)" is not allowed$/);
    }
  });

  it('formats segments back, quoting keys that are not plain', () => {
    expect(formatPath(['design', 'arms', 1, 'id'])).toBe('design.arms[1].id');
    expect(formatPath(['endpoint', 'arms', 'msc', 'sd'])).toBe('endpoint.arms.msc.sd');
    expect(formatPath(['sweep', 'design.n', 0])).toBe('sweep["design.n"][0]');
    expect(formatPath(['a', 'with space'])).toBe('a["with space"]');
    expect(formatPath([])).toBe('');
    expect(joinPath('', 'design')).toBe('design');
    expect(joinPath('', 0)).toBe('[0]');
    for (const p of ['design.arms[1].id', 'sweep["design.n"][0]', 'a["x\\"y"].b']) {
      const r = parsePath(p);
      expect(r.ok && formatPath(r.segments)).toBe(p);
    }
  });

  it('normalizes dotted indexes against the document', () => {
    const r = parsePath('endpoint.arms.tci.probs.2');
    expect(r.ok && formatPath(normalizeSegments(doc(), r.segments))).toBe('endpoint.arms.tci.probs[2]');
  });
});

describe('getPath / hasPath', () => {
  it('reads values by path', () => {
    const d = doc();
    expect(getPath(d, 'design.n')).toBe(70);
    expect(getPath(d, 'design.arms[1].id')).toBe('vehicle');
    expect(getPath(d, 'endpoint.arms.tci.probs[2]')).toBe(0.3);
    expect(getPath(d, 'endpoint.arms.tci.probs.2')).toBe(0.3);
    expect(getPath(d, 'sweep["design.n"][1]')).toBe(40);
    expect(getPath(d, ['design', 'n'])).toBe(70);
  });

  it('returns undefined for missing, out-of-range and inherited values', () => {
    const d = doc();
    expect(getPath(d, 'design.nn')).toBeUndefined();
    expect(getPath(d, 'design.arms[5]')).toBeUndefined();
    expect(getPath(d, 'design.n.x')).toBeUndefined();
    expect(getPath(d, 'design.toString')).toBeUndefined();
    expect(getPath(d, 'design.arms.length')).toBeUndefined();
    expect(getPath(d, 'design.__proto__')).toBeUndefined();
    expect(getPath(d, ['design', '__proto__'])).toBeUndefined();
    expect(hasPath(d, 'design.n')).toBe(true);
    expect(hasPath(d, 'design.dropout')).toBe(false);
    expect(hasPath(d, 'design..n')).toBe(false);
  });
});

describe('setPath', () => {
  it('returns a structural copy and leaves the original alone', () => {
    const d = doc();
    const before = JSON.stringify(d);
    const out = setPath(d, 'endpoint.arms.tci.probs[2]', 0.25);
    expect(JSON.stringify(d)).toBe(before);
    expect(out.endpoint.arms.tci.probs).toEqual([0.1, 0.2, 0.25, 0.4]);
    expect(out).not.toBe(d);
    expect(out.endpoint).not.toBe(d.endpoint);
    expect(out.design).toBe(d.design); // untouched branches are shared
    expect(setPath(d, 'endpoint.arms.tci.probs.3', 0.35).endpoint.arms.tci.probs[3]).toBe(0.35);
    expect(setPath(d, 'design.n', 'n0 * 2').design.n).toBe('n0 * 2');
  });

  it('may add the last key of an object, but not a missing container or list item', () => {
    expect(setPath(doc(), 'design.dropout', 0.1).design).toMatchObject({ dropout: 0.1 });
    expect(trySetPath(doc(), 'simulation.seed', 'x')).toEqual({ ok: false, error: 'simulation does not exist' });
    expect(trySetPath(doc(), 'design.arms[2].id', 'x')).toEqual({
      ok: false,
      error: 'design.arms[2] does not exist (the list has 2 items)',
    });
    expect(trySetPath(doc(), 'design.arms.first', 'x')).toEqual({ ok: false, error: 'design.arms is a list; "first" is not an index' });
    expect(trySetPath(doc(), 'design.n.x', 1)).toEqual({ ok: false, error: 'design.n is not an object or a list' });
    expect(trySetPath(5, 'a', 1)).toEqual({ ok: false, error: 'the document is not an object or a list' });
    expect(trySetPath(doc(), 'design.__proto__.polluted', 1)).toEqual({ ok: false, error: 'the segment "__proto__" is not allowed' });
    expect(trySetPath(doc(), ['design', 'constructor'], 1)).toEqual({ ok: false, error: 'invalid path segments' });
    expect(() => setPath(doc(), 'nope.x', 1)).toThrow(PathError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps an own "__proto__" key an own key when copying', () => {
    const d = JSON.parse('{"__proto__": {"polluted": 1}, "design": {"n": 1}}') as Record<string, unknown>;
    const out = setPath(d, 'design.n', 2) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'design']);
    expect(out.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(isPlainObject(out)).toBe(true);
  });
});

describe('parseSetArgument', () => {
  it('JSON-parses the value when it is JSON, else keeps the text (an expression)', () => {
    expect(parseSetArgument('design.n=80')).toEqual({ ok: true, path: 'design.n', value: 80 });
    expect(parseSetArgument('endpoint.arms.msc.mean=delta + 1')).toEqual({ ok: true, path: 'endpoint.arms.msc.mean', value: 'delta + 1' });
    expect(parseSetArgument('analysis.test="welch-t"')).toEqual({ ok: true, path: 'analysis.test', value: 'welch-t' });
    expect(parseSetArgument('simulation.seed=abc')).toEqual({ ok: true, path: 'simulation.seed', value: 'abc' });
    expect(parseSetArgument('design.allocation=[2,1]')).toEqual({ ok: true, path: 'design.allocation', value: [2, 1] });
    expect(parseSetArgument('x.y={"normal":{"mean":1,"sd":2}}')).toEqual({ ok: true, path: 'x.y', value: { normal: { mean: 1, sd: 2 } } });
    expect(parseSetArgument('a.b=x=y')).toEqual({ ok: true, path: 'a.b', value: 'x=y' });
    expect(parseSetArgument(' design.n =80')).toEqual({ ok: true, path: 'design.n', value: 80 });
  });

  it('reports a missing "=" or a bad path as an issue', () => {
    const noEq = parseSetArgument('design.n');
    expect(noEq.ok ? '' : formatIssue(noEq.issue)).toBe(
      '(root): got "design.n"; allowed: a --set argument of the form path=value, e.g. design.n=80 (no "=" found)',
    );
    const bad = parseSetArgument('design.__proto__.x=1');
    expect(bad.ok ? '' : formatIssue(bad.issue)).toBe(
      'design.__proto__.x: got "1"; allowed: a path of the scenario, e.g. design.n or endpoint.arms.msc.mean (the segment "__proto__" is not allowed)',
    );
  });
});
