import { getEvidence } from './library.js';

/**
 * An entry's estimate and interval, in the shape a scenario's
 * `fromCI: { evidence }` needs (`EvidenceResolver` of src/scenario/resolve.ts).
 */
export interface EvidenceInterval {
  estimate: number;
  lower: number;
  upper: number;
  /** `proportion` for rates in [0, 1], `value` for means and mean changes. */
  unit: 'value' | 'proportion';
}

/**
 * The estimate and 95 % CI of the entry `id`, for entries that have one
 * (forms `mean-change-ci` and `proportion-ci`); `undefined` for an unknown id
 * or an entry of another form (counts, means with SDs, design facts).
 */
export function evidenceCI(id: string): EvidenceInterval | undefined {
  const v = getEvidence(id)?.value;
  if (v?.form === 'mean-change-ci') return { estimate: v.estimate, lower: v.lower, upper: v.upper, unit: 'value' };
  if (v?.form === 'proportion-ci') return { estimate: v.estimate, lower: v.lower, upper: v.upper, unit: 'proportion' };
  return undefined;
}
