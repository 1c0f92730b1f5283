import { describe, expect, it } from 'vitest';
import * as limits from '../../src/scenario/limits.js';

describe('limits', () => {
  it('states the bounds of the scenario format', () => {
    expect(limits).toMatchObject({
      MAX_FILE_BYTES: 1_048_576,
      MAX_REPLICATES: 10_000_000,
      DEFAULT_REPLICATES: 10_000,
      MIN_N: 2,
      MAX_N: 100_000,
      MAX_ARMS: 10,
      MAX_CATEGORIES: 20,
      MAX_SWEEP_PATHS: 2,
      MAX_SWEEP_VALUES: 1000,
      MAX_SWEEP_POINTS: 10_000,
      MAX_EXPRESSION_LENGTH: 500,
      MAX_LET_NAMES: 100,
      PROBS_SUM_TOLERANCE: 1e-6,
    });
  });
});
