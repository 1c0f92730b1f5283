import { describe, expect, it } from 'vitest';
import { splitValues } from '../../src/scenario/split-values.js';

describe('splitValues', () => {
  it('splits at separators outside parentheses and trims', () => {
    expect(splitValues('20, 30,40')).toEqual(['20', '30', '40']);
    expect(splitValues('min(0.05, 0.1),0.1')).toEqual(['min(0.05, 0.1)', '0.1']);
    expect(splitValues('max(1, min(2, 3)); 4', ',;')).toEqual(['max(1, min(2, 3))', '4']);
  });

  it('keeps empty parts (for the caller to refuse) and leaves unbalanced parentheses to the parser', () => {
    expect(splitValues('1,,2')).toEqual(['1', '', '2']);
    expect(splitValues('min(1, 2')).toEqual(['min(1, 2']);
    expect(splitValues('1), 2')).toEqual(['1)', '2']);
  });
});
