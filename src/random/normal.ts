import type { Rng } from './rng.js';

/*
 * Standard normal deviates by the ziggurat method, in Doornik's ZIGNOR form
 * (J. A. Doornik, "An Improved Ziggurat Method to Generate Normal Random
 * Samples", 2005): 128 layers, with the layer index and the abscissa taken from
 * different bits of the 32-bit draw, which avoids the correlation of the
 * original Marsaglia–Tsang version. About 99 % of draws cost one uniform and a
 * comparison. A sampler, not a distribution function, so it is written here.
 */

const LAYERS = 128;
const R = 3.442619855899; // start of the tail
const V = 9.91256303526217e-3; // area of each layer

const layerX = new Float64Array(LAYERS + 1);
const layerRatio = new Float64Array(LAYERS);
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
}

const TWO_POW_M24 = 1 / 16777216;

/** Draws from the normal tail beyond `R` (Marsaglia's 1964 method). */
function tail(rng: Rng, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    // 1 - uniform() lies in (0, 1]: the logarithm is finite.
    x = Math.log(1 - rng.uniform()) / R;
    y = Math.log(1 - rng.uniform());
  } while (-2 * y < x * x);
  return negative ? x - R : R - x;
}

/**
 * The ziggurat step for one 32-bit draw: a normal deviate, or NaN when the
 * point falls outside every layer and a new draw must be tried. Draws extra
 * uniforms from `rng` only for the tail and the wedges (about 1 % of calls).
 */
function zigguratStep(rng: Rng, bits: number): number {
  const layer = bits & (LAYERS - 1);
  // The upper 25 bits, signed, as a uniform in [-1, 1).
  const v = (bits >> 7) * TWO_POW_M24;
  if (Math.abs(v) < layerRatio[layer]) return v * layerX[layer];
  if (layer === 0) return tail(rng, v < 0);
  const x = v * layerX[layer];
  const f0 = Math.exp(-0.5 * (layerX[layer] * layerX[layer] - x * x));
  const f1 = Math.exp(-0.5 * (layerX[layer + 1] * layerX[layer + 1] - x * x));
  return f1 + rng.uniform() * (f0 - f1) < 1 ? x : NaN;
}

/**
 * The rare case (~1 %): the first draw `bits` missed the rectangles; finish by
 * the full method and write the deviate to `out[i]`. Writing instead of
 * returning matters: V8 boxes a double returned from a call it does not inline.
 */
function rejectionNormal(rng: Rng, bits: number, out: Float64Array, i: number): void {
  let z = zigguratStep(rng, bits);
  while (z !== z) z = zigguratStep(rng, rng.int32());
  out[i] = z;
}

/** One standard normal deviate. */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const z = zigguratStep(rng, rng.int32());
    if (z === z) return z;
  }
}

/** Draws per batch. A fixed buffer: a reassignable one (a `let`) measured twice as slow here. */
const BATCH = 4096;
const scratch = new Int32Array(BATCH);

/**
 * Writes `n` standard normal deviates into `out[0..n)`. The 32-bit draws come
 * in one batch first (the fast way to run the generator), then become normals;
 * the rare rejections draw more after the batch. Callers scale the deviates
 * themselves: passing a mean and SD would box them at every call.
 */
export function fillStandardNormal(rng: Rng, out: Float64Array, n: number): void {
  const bits = scratch;
  for (let start = 0; start < n; start += BATCH) {
    const m = Math.min(BATCH, n - start);
    rng.fillInt32(bits, m);
    // Two passes: the first, without any call, settles the ~99 % of draws that
    // fall in a rectangle and marks the others NaN; the second finishes those,
    // in order, so the stream is consumed exactly as by one pass. Keeping the
    // rejection code out of the first loop measured ~30 % faster.
    let misses = 0;
    for (let i = 0; i < m; i++) {
      const b = bits[i];
      const layer = b & (LAYERS - 1);
      const v = (b >> 7) * TWO_POW_M24;
      if (Math.abs(v) < layerRatio[layer]) out[start + i] = v * layerX[layer];
      else {
        out[start + i] = NaN;
        misses++;
      }
    }
    for (let i = 0; misses > 0 && i < m; i++) {
      if (out[start + i] !== out[start + i]) {
        rejectionNormal(rng, bits[i], out, start + i);
        misses--;
      }
    }
  }
}
