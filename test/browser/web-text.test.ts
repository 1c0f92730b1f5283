import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fieldText, parseFieldText, parseSweepValues, sweepValuesText } from '../../web/field-text.js';
import { fieldForIssue, pathWithin } from '../../web/issue-fields.js';
import { formatJson } from '../../web/json-format.js';
import { hashFor, parseTarget, readHash } from '../../web/share.js';

describe('form field text (web/field-text.ts)', () => {
  it.each([
    ['70', 70],
    [' 0.05 ', 0.05],
    ['1e-3', 0.001],
    ['.5', 0.5],
    ['-3', -3],
    ['10 000', 10000],
    ['2_000_000', 2000000],
    ['delta / sd', 'delta / sd'],
    ['{"normal": {"mean": 3.89, "sd": 0.8}}', { normal: { mean: 3.89, sd: 0.8 } }],
    ['{ not json', '{ not json'],
    ['true', true],
    ['"quoted"', 'quoted'],
    ['1 0', '1 0'],
  ])('reads %j as %j', (text, value) => {
    expect(parseFieldText(text)).toEqual({ value });
  });

  it('reads an empty field as "remove the key"', () => {
    expect(parseFieldText('  ')).toEqual({ remove: true });
  });

  it('shows values as they would be typed', () => {
    expect(fieldText(70)).toBe('70');
    expect(fieldText('delta / sd')).toBe('delta / sd');
    expect(fieldText({ beta: { alpha: 6, beta: 11 } })).toBe('{"beta":{"alpha":6,"beta":11}}');
    expect(fieldText(undefined)).toBe('');
  });

  it('reads and writes sweep values', () => {
    expect(parseSweepValues('20, 30,40 ,, 0.4 * veh25')).toEqual([20, 30, 40, '0.4 * veh25']);
    expect(sweepValuesText([20, 30, '2 * k'])).toBe('20, 30, 2 * k');
  });
});

describe('issue paths to form fields (web/issue-fields.ts)', () => {
  const fields = [
    'design.n',
    'design.arms',
    'design.arms[0].id',
    'endpoint.arms.msc',
    'endpoint.arms.msc.mean',
    'sweep',
    'sweep["design.n"]',
  ];
  it.each([
    ['design.n', 'design.n'],
    ['endpoint.arms.msc.mean.normal.sd', 'endpoint.arms.msc.mean'],
    ['endpoint.arms.msc', 'endpoint.arms.msc'],
    ['design.arms[0].id', 'design.arms[0].id'],
    ['design.arms[1].control', 'design.arms'],
    ['sweep["design.n"][3]', 'sweep["design.n"]'],
    ['sweep', 'sweep'],
    ['endpoint.arms', 'endpoint.arms.msc'],
    ['sources[0].paths[1]', undefined],
    ['', undefined],
  ])('%s → %s', (issue, field) => {
    expect(fieldForIssue(issue, fields)).toBe(field);
  });

  it('does not confuse a path with a longer sibling name', () => {
    expect(pathWithin('design.nn', 'design.n')).toBe(false);
    expect(pathWithin('design.n', 'design')).toBe(true);
  });
});

describe('JSON view formatting (web/json-format.ts)', () => {
  it('writes short objects and lists on one line, like the shipped files, and keeps every value', () => {
    const text = readFileSync(new URL('../../scenarios/split-scalp-hair-count.json', import.meta.url), 'utf8');
    const out = formatJson(JSON.parse(text));
    expect(JSON.parse(out)).toEqual(JSON.parse(text));
    expect(out).toContain('      { "id": "msc", "label": "MSC half" },\n');
    expect(out).toContain('  "analysis": { "test": "paired-t", "alpha": 0.05, "sides": 2 },\n');
    expect(out.split('\n').every((line) => line.length <= 100 || /^\s*"[^"]+": "/.test(line))).toBe(true);
  });

  it('keeps an own "__proto__" key as data', () => {
    const data = JSON.parse('{"__proto__": {"a": 1}, "b": 2}');
    expect(JSON.parse(formatJson(data))).toEqual(data);
    expect(formatJson(data)).toContain('"__proto__"');
  });
});

describe('share link and target (web/share.ts)', () => {
  it('reads and writes the fragment', () => {
    expect(readHash('#s=1.abc&t=0.9')).toEqual({ scenario: '1.abc', target: '0.9' });
    expect(readHash('')).toEqual({});
    expect(readHash(`#s=${'A'.repeat(70_000)}`)).toEqual({ tooLong: 70_002 });
    expect(hashFor('1.abc', 0.8)).toBe('#s=1.abc');
    expect(hashFor('1.abc', 0.9)).toBe('#s=1.abc&t=0.9');
  });

  it.each([
    ['0.8', 0.8],
    ['0.95', 0.95],
    ['90', 0.9],
    ['90 %', 0.9],
    ['80%', 0.8],
    ['1', undefined],
    ['0', undefined],
    ['abc', undefined],
    ['-0.5', undefined],
    ['1.5', undefined],
  ])('reads the target %j as %j', (text, value) => expect(parseTarget(text)).toBe(value));
});
