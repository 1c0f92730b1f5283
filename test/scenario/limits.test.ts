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
      MAX_JSON_DEPTH: 32,
      PROBS_SUM_TOLERANCE: 1e-6,
      PROBS_CENTRE_SUM_TOLERANCE: 0.05,
      MAX_MAGNITUDE: 1e12,
      MIN_RELATIVE_SD: 1e-9,
      MIN_SD: 1e-100,
      MIN_ALPHA: 1e-8,
      MIN_BETA_SHAPE: 0.05,
      MAX_SDLOG: 3,
      MAX_ALLOCATION_WEIGHT: 1e6,
      MIN_PRECISION: 0.0005,
      DEFAULT_MAX_COST: 6e10,
    });
  });

  it('lists the limits the person running may change, their defaults and their hard ceilings', () => {
    expect(limits.DEFAULT_LIMITS).toEqual({
      maxFileBytes: 1_048_576,
      maxReplicates: 10_000_000,
      maxN: 100_000,
      maxArms: 10,
      maxCategories: 20,
      maxSweepValues: 1000,
      maxSweepPoints: 10_000,
      maxExpressionLength: 500,
      maxCost: 6e10,
    });
    for (const name of limits.LIMIT_NAMES) expect(limits.HARD_LIMITS[name]).toBeGreaterThanOrEqual(limits.DEFAULT_LIMITS[name]);
    expect(Object.isFrozen(limits.DEFAULT_LIMITS) && Object.isFrozen(limits.HARD_LIMITS)).toBe(true);
  });
});
