import { describe, expect, it } from 'vitest';
import { parseSweepArgument } from '../../src/cli/sweep-argument.js';

describe('--sweep arguments', () => {
  it('expands from:to:step with the decimals written', () => {
    expect(parseSweepArgument('design.n=20:100:20')).toEqual({ path: 'design.n', values: [20, 40, 60, 80, 100] });
    expect(parseSweepArgument('design.correlation=0.1:0.7:0.2').values).toEqual([0.1, 0.3, 0.5, 0.7]);
    expect(parseSweepArgument('design.dropout=0:0.3:0.1').values).toEqual([0, 0.1, 0.2, 0.3]);
    expect(parseSweepArgument('design.n=10:25:10').values).toEqual([10, 20]);
  });

  it('takes lists of numbers and expressions, and canonical paths', () => {
    expect(parseSweepArgument('design.spillover=0,0.25,0.5')).toEqual({ path: 'design.spillover', values: [0, 0.25, 0.5] });
    expect(parseSweepArgument('endpoint.arms.msc.mean=delta,2*delta').values).toEqual(['delta', '2*delta']);
    expect(parseSweepArgument('endpoint.arms["msc"].mean=1').path).toBe('endpoint.arms.msc.mean');
  });

  it('rejects malformed ranges with a one-line reason', () => {
    for (const bad of [
      'design.n',
      'design.n=',
      'design.n=20:10:5',
      'design.n=1:10:0',
      'design.n=1:2',
      'design.n=a:b:c',
      'design.n=1,,2',
      'design.n=0:1000000:1',
      '..=1',
    ]) {
      expect(() => parseSweepArgument(bad), bad).toThrow(/^--sweep /);
    }
  });
});

describe('parseSweepArgument: expressions with commas', () => {
  it('keeps min(0.05, 0.1) as one value', () => {
    expect(parseSweepArgument('let.placeboRate=min(0.05, 0.1),0.1')).toEqual({ path: 'let.placeboRate', values: ['min(0.05, 0.1)', 0.1] });
  });
});
