import { describe, expect, it } from 'vitest';
import { fixed, MISSING_NUMBER, percentFixed, percentShort, significant } from '../../src/text/number.js';

describe('fixed', () => {
  it('writes a number with the given decimals (4 by default), rounding as toFixed does', () => {
    expect(fixed(0.93125)).toBe('0.9313');
    expect(fixed(0.93125, 3)).toBe('0.931');
    expect(fixed(1, 2)).toBe('1.00');
    expect(fixed(-0.5, 0)).toBe('-1');
  });

  it('writes a missing or non-finite number as an en dash, or as the text the caller gives', () => {
    expect(MISSING_NUMBER).toBe('\u2013');
    for (const x of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(fixed(x)).toBe('\u2013');
      expect(fixed(x, 4, '')).toBe('');
    }
  });
});

describe('percentFixed', () => {
  it('writes a fraction as a percentage with the given decimals (1 by default)', () => {
    expect(percentFixed(0.93125)).toBe('93.1 %');
    expect(percentFixed(0.1, 0)).toBe('10 %');
    expect(percentFixed(1)).toBe('100.0 %');
  });

  it('writes a missing or non-finite fraction as an en dash, or as the text the caller gives', () => {
    expect(percentFixed(undefined)).toBe('\u2013');
    expect(percentFixed(Number.NaN, 1, 'n/a')).toBe('n/a');
  });
});

describe('percentShort', () => {
  it('writes a fraction with at most four significant digits and no trailing zeros', () => {
    expect(percentShort(0.8)).toBe('80 %');
    expect(percentShort(0.925)).toBe('92.5 %');
    expect(percentShort(0.12345)).toBe('12.35 %');
    // 0.07 * 100 is 7.000000000000001 in binary floating point.
    expect(percentShort(0.07)).toBe('7 %');
  });
});

describe('significant', () => {
  it('keeps at most the given significant digits, drops trailing zeros, and writes whole numbers exactly', () => {
    expect(significant(0.123456, 4)).toBe('0.1235');
    expect(significant(0.1, 4)).toBe('0.1');
    expect(significant(12345, 4)).toBe('12345');
    expect(significant(2.4500001, 6)).toBe('2.45');
    expect(significant(0, 4)).toBe('0');
  });
});
