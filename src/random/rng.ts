/**
 * The random-number interface every generator in trialsim takes as its first
 * argument: what any generator of 32-bit words has (pure-rand's
 * `RandomGenerator` is the model), nothing tied to one algorithm or to one
 * sampler. Nothing in `src/` draws randomness any other way. A sampler that
 * needs a particular generator's state for speed (the ziggurat's fused loop in
 * normal.ts, over xorwow's six words) takes that generator by its own type.
 */
export interface Rng {
  /** The next 32 random bits, as a signed 32-bit integer. */
  int32(): number;
  /** The next 32 random bits as a uniform number in [0, 1): `(int32() >>> 0) · 2⁻³²`. */
  uniform(): number;
  /**
   * Writes the next `n` draws of `int32()` into `out[0..n)`. Any generator can
   * (a loop over `int32()`); one that keeps its state in local variables for the
   * loop is faster.
   */
  fillInt32(out: Int32Array, n: number): void;
  /** Writes the next `n` draws of `uniform()` into `out[0..n)`, as `fillInt32` does for `int32()`. */
  fillUniform(out: Float64Array, n: number): void;
}
