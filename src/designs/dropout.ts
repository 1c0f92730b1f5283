import type { Rng } from '../random/rng.js';

/**
 * How many of `n` randomized patients complete the trial, each lost
 * independently with probability `dropout`: patient i completes when the i-th
 * of `n` uniforms drawn from `rng` is at least `dropout`.
 *
 * Drawn before the outcomes, so that the completers take an arm's outcome
 * draws in order and only completers are simulated: nothing is generated to be
 * thrown away, and generators may summarise exactly the data analysed. Patient
 * i's fate never depends on n, and neither do the outcomes of the first
 * completers, so a larger trial is still the smaller one plus patients.
 * `scratch` must hold `n` numbers (the arm's outcome buffer, still unfilled, does).
 */
export function countCompleters(rng: Rng, n: number, dropout: number, scratch: Float64Array): number {
  rng.fillUniform(scratch, n);
  let kept = 0;
  for (let i = 0; i < n; i++) if (scratch[i] >= dropout) kept++;
  return kept;
}
