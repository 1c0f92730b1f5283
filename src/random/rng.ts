/**
 * The random-number interface every generator in trialsim takes as its first
 * argument. Nothing in `src/` draws randomness any other way.
 */
export interface Rng {
  /** A uniform number in [0, 1) with 32 random bits. */
  uniform(): number;
  /** A uniform signed 32-bit integer. */
  int32(): number;
  /**
   * Writes the next `n` uniforms into `out[0..n)`: the same numbers `n` calls of
   * `uniform()` would give, faster, because the state stays in local variables.
   */
  fillUniform(out: Float64Array, n: number): void;
  /** Writes the next `n` raw 32-bit draws (the same numbers `int32()` gives) into `out[0..n)`. */
  fillInt32(out: Int32Array, n: number): void;
  /**
   * The ziggurat's common case fused with generation, for `fillNormal`: see
   * `Xorwow.fillZigguratRectangles`. Returns the number of misses.
   */
  fillZigguratRectangles(
    out: Float64Array,
    start: number,
    n: number,
    ziggurat: ZigguratTables,
    means: Float64Array,
    sds: Float64Array,
    k: number,
  ): number;
}

/** The ziggurat's tables and scratch, as `fillZigguratRectangles` uses them (built in normal.ts). */
export interface ZigguratTables {
  /**
   * Per layer, the part of its width inside the density, in units of the 24-bit
   * signed integer h = bits >> 8: a draw with |h| below it is accepted at once.
   * An integer threshold makes the same decisions as |h · 2⁻²³| < ratio (it is
   * the ratio · 2²³ rounded up) with an integer comparison.
   */
  readonly thresholds: Int32Array;
  /** Per layer, the abscissa of its right edge times 2⁻²³: h times it is the deviate. */
  readonly scaledAbscissae: Float64Array;
  /** Out: the draws that missed, in order. */
  readonly missBits: Int32Array;
  /** Out: where each miss goes in `out`. */
  readonly missIndices: Int32Array;
  /** Out: Σz and Σz² of the standard deviates of the last call, misses' provisional values included. */
  readonly sums: Float64Array;
}
