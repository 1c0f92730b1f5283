import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/scenario/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('replicates', 'replicates')).toBe(0);
    expect(editDistance('replicats', 'replicates')).toBe(1);
    expect(editDistance('replciates', 'replicates')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
});

describe('closest / didYouMean', () => {
  const keys = ['replicates', 'seed', 'precision', 'fastPath'];
  it('suggests a close candidate, case-insensitively', () => {
    expect(didYouMean('replicats', keys)).toBe('did you mean "replicates"?');
    expect(didYouMean('Seed', keys)).toBe('did you mean "seed"?');
    expect(didYouMean('fastpath', keys)).toBe('did you mean "fastPath"?');
    expect(closest('welch', ['welch-t', 'student-t'])).toBe('welch-t');
  });
  it('suggests nothing for distant or exact words', () => {
    expect(didYouMean('colour', keys)).toBeUndefined();
    expect(didYouMean('seed', keys)).toBeUndefined();
    expect(didYouMean('', keys)).toBeUndefined();
    expect(didYouMean('x'.repeat(65), ['x'.repeat(64)])).toBeUndefined();
  });
});
