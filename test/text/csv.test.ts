import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/text/csv.js';

describe('csvField', () => {
  it('leaves a plain field as it is', () => {
    expect(csvField('design.n')).toBe('design.n');
    expect(csvField('0.9312')).toBe('0.9312');
  });

  it('quotes a field holding a comma, a double quote or a line feed, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
