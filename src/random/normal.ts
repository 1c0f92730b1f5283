import type { Rng } from './rng.js';
import type { Xorwow, XorwowState } from './xorwow.js';

/*
 * Standard normal deviates by the ziggurat method, in Doornik's ZIGNOR form
 * (J. A. Doornik, "An Improved Ziggurat Method to Generate Normal Random
 * Samples", 2005), with 256 layers: the layer index and the abscissa come from
 * different bits of one 32-bit draw (8 and 24), which avoids the correlation of
 * the original Marsaglia–Tsang version. About 98.5 % of draws cost one 32-bit
 * draw and a comparison; 256 rather than 128 layers halve the draws that need
 * the slow path (1.5 % instead of 2.8 %), whose cost is out of proportion to
 * their number (README "Performance"). A sampler, not a distribution function, so
 * it is written here. Layer base R and area V for 256 layers: Marsaglia & Tsang,
 * "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8),
 * 2000 (the recursion below closes: the top layer's area equals V to 1e-11).
 */

const LAYERS = 256;
const R = 3.6541528853610088; // start of the tail
const V = 4.92867323399e-3; // area of each layer

const layerX = new Float64Array(LAYERS + 1);
const layerRatio = new Float64Array(LAYERS);
/** The density exp(−x²/2) at each layer's edge, so a wedge test costs one exponential. */
const layerDensity = new Float64Array(LAYERS + 1);
{
  let f = Math.exp(-0.5 * R * R);
  layerX[0] = V / f;
  layerX[1] = R;
  layerX[LAYERS] = 0;
  for (let i = 2; i < LAYERS; i++) {
    layerX[i] = Math.sqrt(-2 * Math.log(V / layerX[i - 1] + f));
    f = Math.exp(-0.5 * layerX[i] * layerX[i]);
  }
  for (let i = 0; i < LAYERS; i++) layerRatio[i] = layerX[i + 1] / layerX[i];
  for (let i = 0; i <= LAYERS; i++) layerDensity[i] = Math.exp(-0.5 * layerX[i] * layerX[i]);
}

const TWO_POW_23 = 8388608;
const TWO_POW_M23 = 1 / TWO_POW_23;

/** Writes a draw from the normal tail beyond `R` (Marsaglia's 1964 method) to `out[i]`. */
function tailInto(rng: Rng, negative: boolean, out: Float64Array, i: number): void {
  let x: number;
  let y: number;
  do {
    // 1 - uniform() lies in (0, 1]: the logarithm is finite.
    x = Math.log(1 - rng.uniform()) / R;
    y = Math.log(1 - rng.uniform());
  } while (-2 * y < x * x);
  out[i] = negative ? x - R : R - x;
}

/**
 * The full ziggurat from a first 32-bit draw `bits`: the rectangle, else the
 * tail (layer 0) or the wedge test, drawing extra numbers from `rng` only for
 * those and for new tries (about 1.5 % of draws). Writes the deviate to `out[i]`
 * rather than returning it: V8 boxes a double returned from a call it does
 * not inline.
 */
function zigguratInto(rng: Rng, bits: number, out: Float64Array, i: number): void {
  for (;;) {
    const layer = bits & (LAYERS - 1);
    // The upper 24 bits, signed, as a uniform in [-1, 1).
    const v = (bits >> 8) * TWO_POW_M23;
    const x = v * layerX[layer];
    if (Math.abs(v) < layerRatio[layer]) {
      out[i] = x;
      return;
    }
    if (layer === 0) {
      tailInto(rng, v < 0, out, i);
      return;
    }
    // Under the density within the wedge between this layer's edge and the next.
    const below = layerDensity[layer + 1];
    if (below + rng.uniform() * (layerDensity[layer] - below) < Math.exp(-0.5 * x * x)) {
      out[i] = x;
      return;
    }
    bits = rng.int32();
  }
}

/** Scratch for `standardNormal` (workers are single-threaded). */
const single = new Float64Array(1);

/**
 * One standard normal deviate: the same draws as `fillStandardNormal(rng, out, 1)`.
 * The rectangle case is written out so that V8 can inline it into callers
 * (one per simulated trial on the fast path) and return an unboxed double.
 */
export function standardNormal(rng: Rng): number {
  const bits = rng.int32();
  const layer = bits & (LAYERS - 1);
  const v = (bits >> 8) * TWO_POW_M23;
  if (Math.abs(v) < layerRatio[layer]) return v * layerX[layer];
  zigguratInto(rng, bits, single, 0);
  return single[0];
}

/** Draws per batch: bounds the scratch for the draws that missed. */
const BATCH = 4096;

/** The ziggurat's tables in the form the fused loop reads them, and its scratch. */
interface ZigguratTables {
  /**
   * Per layer, the part of its width inside the density, in units of the 24-bit
   * signed integer h = bits >> 8: a draw with |h| below it is accepted at once.
   * For an integer h, |h| < r·2²³ exactly when |h| < ⌈r·2²³⌉, so this integer
   * comparison makes the same decisions as `zigguratInto`'s.
   */
  readonly thresholds: Int32Array;
  /**
   * Per layer, the abscissa of its right edge times 2⁻²³: h times it is the
   * deviate, bit for bit (h·(x·2⁻²³) = (h·2⁻²³)·x: scaling by a power of two is exact).
   */
  readonly scaledAbscissae: Float64Array;
  /** Out: the draws that missed, in order. */
  readonly missBits: Int32Array;
  /** Out: where each miss goes in `out`. */
  readonly missIndices: Int32Array;
  /** Out: Σz and Σz² of the standard deviates of the last call, misses' provisional values included. */
  readonly sums: Float64Array;
}

const ziggurat: ZigguratTables = {
  thresholds: Int32Array.from(layerRatio, (ratio) => Math.ceil(ratio * TWO_POW_23)),
  scaledAbscissae: Float64Array.from(layerX.subarray(0, LAYERS), (x) => x * TWO_POW_M23),
  missBits: new Int32Array(BATCH),
  missIndices: new Int32Array(BATCH),
  sums: new Float64Array(2),
};
const STANDARD_MEAN = Float64Array.of(0);
const STANDARD_SD = Float64Array.of(1);
const unusedMoments = new Float64Array(2);

/**
 * The common case of the ziggurat, fused with xorwow's recurrence and with
 * scaling, over the generator's six state words `s`: for each of the next `n`
 * draws b, the layer is `b & 255` and h = `b >> 8`; when |h| < `thresholds[layer]`
 * the draw lies inside the layer's rectangle, z = h · `scaledAbscissae[layer]`
 * is a standard normal deviate, and `means[k] + sds[k] · z` is written to
 * `out[start + i]`. Otherwise b and start + i are saved to `missBits` and
 * `missIndices`, in order, for `fillNormal` to finish (what this wrote to
 * `out[start + i]` is then overwritten). The sum and the sum of squares of the
 * n standard deviates z, misses' provisional ones included, go to `sums`, so
 * that a t-test needs no second pass over the data (the additions run beside
 * the integer recurrence). Returns the number of misses. It draws exactly what
 * `n` calls of `Xorwow.int32()` would, and leaves the state where they would.
 *
 * Why it looks like this (README "Performance" has what each choice measured):
 * - the recurrence is written out here, over the state taken into local
 *   variables for the whole loop and written back once, instead of a separate
 *   pass over raw draws and another to scale;
 * - no branch: every draw is scaled and stored, and a miss is recorded by
 *   always writing the next miss slot and advancing the count by 0 or 1,
 *   because the misses' unpredictable branches cost more than the wasted work;
 * - five steps per iteration: after five steps the six state words are back
 *   in their own variables, so the shuffle x ← y ← z ← w ← v disappears; the
 *   last n mod 5 draws take the plain loop;
 * - the mean and SD come in arrays because V8 boxes double arguments, and
 *   every table is read into a local once because bundlers turn module
 *   constants into `var`s that the loop would reload.
 */
function fillZigguratRectangles(
  s: XorwowState,
  out: Float64Array,
  start: number,
  n: number,
  means: Float64Array,
  sds: Float64Array,
  k: number,
): number {
  let { x, y, z, w, v, d } = s;
  const { thresholds, scaledAbscissae, missBits, missIndices, sums } = ziggurat;
  const mean = means[k];
  const sd = sds[k];
  const end = start + n;
  let misses = 0;
  let sum = 0;
  let squares = 0;
  let i = start;
  let t: number;
  let bits: number;
  let h: number;
  let layer: number;
  // The recurrence of `Xorwow.int32()` five times, the new word landing in the
  // variable of the oldest one; then each draw is settled as described above.
  for (; i + 5 <= end; i += 5) {
    t = x ^ (x >>> 2);
    x = v ^ (v << 4) ^ (t ^ (t << 1));
    d = (d + 362437) | 0;
    bits = (d + x) | 0;
    layer = bits & 255;
    h = bits >> 8;
    const z0 = h * scaledAbscissae[layer];
    out[i] = mean + sd * z0;
    missBits[misses] = bits;
    missIndices[misses] = i;
    misses += +(Math.abs(h) >= thresholds[layer]);

    t = y ^ (y >>> 2);
    y = x ^ (x << 4) ^ (t ^ (t << 1));
    d = (d + 362437) | 0;
    bits = (d + y) | 0;
    layer = bits & 255;
    h = bits >> 8;
    const z1 = h * scaledAbscissae[layer];
    out[i + 1] = mean + sd * z1;
    missBits[misses] = bits;
    missIndices[misses] = i + 1;
    misses += +(Math.abs(h) >= thresholds[layer]);

    t = z ^ (z >>> 2);
    z = y ^ (y << 4) ^ (t ^ (t << 1));
    d = (d + 362437) | 0;
    bits = (d + z) | 0;
    layer = bits & 255;
    h = bits >> 8;
    const z2 = h * scaledAbscissae[layer];
    out[i + 2] = mean + sd * z2;
    missBits[misses] = bits;
    missIndices[misses] = i + 2;
    misses += +(Math.abs(h) >= thresholds[layer]);

    t = w ^ (w >>> 2);
    w = z ^ (z << 4) ^ (t ^ (t << 1));
    d = (d + 362437) | 0;
    bits = (d + w) | 0;
    layer = bits & 255;
    h = bits >> 8;
    const z3 = h * scaledAbscissae[layer];
    out[i + 3] = mean + sd * z3;
    missBits[misses] = bits;
    missIndices[misses] = i + 3;
    misses += +(Math.abs(h) >= thresholds[layer]);

    t = v ^ (v >>> 2);
    v = w ^ (w << 4) ^ (t ^ (t << 1));
    d = (d + 362437) | 0;
    bits = (d + v) | 0;
    layer = bits & 255;
    h = bits >> 8;
    const z4 = h * scaledAbscissae[layer];
    out[i + 4] = mean + sd * z4;
    missBits[misses] = bits;
    missIndices[misses] = i + 4;
    misses += +(Math.abs(h) >= thresholds[layer]);

    sum += z0 + z1 + z2 + z3 + z4;
    squares += z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3 + z4 * z4;
  }
  for (; i < end; i++) {
    t = x ^ (x >>> 2);
    x = y;
    y = z;
    z = w;
    w = v;
    v = v ^ (v << 4) ^ (t ^ (t << 1));
    d = (d + 362437) | 0;
    bits = (d + v) | 0;
    layer = bits & 255;
    h = bits >> 8;
    const z0 = h * scaledAbscissae[layer];
    out[i] = mean + sd * z0;
    missBits[misses] = bits;
    missIndices[misses] = i;
    misses += +(Math.abs(h) >= thresholds[layer]);
    sum += z0;
    squares += z0 * z0;
  }
  sums[0] = sum;
  sums[1] = squares;
  s.x = x;
  s.y = y;
  s.z = z;
  s.w = w;
  s.v = v;
  s.d = d;
  return misses;
}

/**
 * Writes `n` draws from Normal(`means[k]`, `sds[k]`²) into `out[0..n)`, and
 * their sample mean and variance (n − 1 denominator; 0 for one draw, and a NaN
 * mean for none) into `moments[at]` and `moments[at + 1]` when `moments` is given.
 *
 * It takes an `Xorwow`, not any `Rng`: per batch, the ~98.5 % of draws that fall
 * in a rectangle are settled in one loop over xorwow's own state
 * (`fillZigguratRectangles`, without any call in it); then the misses are
 * finished in order by the full method, drawing more from the same stream.
 * Keeping the rejection code out of the first loop is what makes it fast. The
 * moments come from Σz and Σz² of the standard deviates, summed in that loop
 * and corrected for the misses: shifted by the true mean, these sums lose
 * nothing to cancellation, and they spare a t-test a pass over the data.
 * The mean and SD come in arrays: V8 boxes double arguments.
 */
export function fillNormal(
  rng: Xorwow,
  out: Float64Array,
  n: number,
  means: Float64Array,
  sds: Float64Array,
  k: number,
  moments: Float64Array = unusedMoments,
  at = 0,
): void {
  const { missBits, missIndices, sums, scaledAbscissae } = ziggurat;
  const mean = means[k];
  const sd = sds[k];
  let sum = 0;
  let squares = 0;
  for (let start = 0; start < n; start += BATCH) {
    const misses = fillZigguratRectangles(rng, out, start, Math.min(BATCH, n - start), means, sds, k);
    sum += sums[0];
    squares += sums[1];
    for (let j = 0; j < misses; j++) {
      const i = missIndices[j];
      const bits = missBits[j];
      const provisional = (bits >> 8) * scaledAbscissae[bits & (LAYERS - 1)];
      zigguratInto(rng, bits, out, i);
      const z = out[i];
      sum += z - provisional;
      squares += z * z - provisional * provisional;
      out[i] = mean + sd * z;
    }
  }
  moments[at] = mean + (sd * sum) / n;
  moments[at + 1] = n > 1 ? Math.max(0, (sd * sd * (squares - (sum * sum) / n)) / (n - 1)) : 0;
}

/** Writes `n` standard normal deviates into `out[0..n)` (see `fillNormal`). */
export function fillStandardNormal(rng: Xorwow, out: Float64Array, n: number): void {
  fillNormal(rng, out, n, STANDARD_MEAN, STANDARD_SD, 0);
}
