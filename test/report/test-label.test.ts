import { describe, expect, it } from 'vitest';
import { testLabel } from '../../src/report/test-label.js';

describe('testLabel', () => {
  it('names the test, its sides and α, or says α was swept', () => {
    expect(testLabel({ test: 'welch-t', sides: 2, alpha: 0.05 })).toBe('welch-t, two-sided α = 0.05');
    expect(testLabel({ test: 'fisher-exact', sides: 1, alpha: 0.025 })).toBe('fisher-exact, one-sided α = 0.025');
    expect(testLabel({ test: 'welch-t', sides: 2, alpha: null })).toBe('welch-t, two-sided, α as swept');
  });
});
