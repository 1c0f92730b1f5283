import { checkRunBudget } from '../engine/run-budget.js';
import type { SimulationPoint } from '../engine/simulation-point.js';
import type { CliArguments } from './args.js';
import { InvalidInputError } from './invalid-input-error.js';

/**
 * Refuses, before it starts, a run estimated to cost more than `--max-cost`
 * (default in src/scenario/limits.ts), with the estimate in the message.
 * `evaluations` multiplies the cost for searches, which simulate the design
 * several times (size, mde: about 2·log₂(max n) + 5 evaluations).
 */
export function enforceRunBudget(
  file: string,
  points: readonly SimulationPoint[],
  args: CliArguments,
  evaluations = 1,
  raise?: string,
): void {
  const repeated = evaluations === 1 ? points : points.map((p) => ({ ...p, replicates: p.replicates * evaluations }));
  const budget = checkRunBudget(repeated, args.limits, raise === undefined ? {} : { raise });
  if (!budget.ok) throw new InvalidInputError(file, [budget.message]);
}

/** The number of design points a size or mde search may simulate, for the budget. */
export function searchEvaluations(maxN: number | undefined): number {
  return Math.ceil(2 * Math.log2(Math.max(maxN ?? 10_000, 2)) + 5);
}
