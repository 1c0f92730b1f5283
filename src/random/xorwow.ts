import seedrandom from 'seedrandom';
import type { Rng, ZigguratTables } from './rng.js';

/** Name of the generator, recorded in every result. */
export const RNG_NAME = 'xorwow';

/** 32-bit words in a state, and draws a parent spends to start a child stream. */
export const STATE_WORDS = 6;

/** The complete state of an xorwow generator, as seedrandom's `state()` returns it. */
export interface XorwowState {
  x: number;
  y: number;
  z: number;
  w: number;
  v: number;
  d: number;
}

const TWO_POW_M32 = 2.3283064365386963e-10;

/**
 * George Marsaglia's xorwow generator (xorshift plus a Weyl sequence; the
 * default of NVIDIA's cuRAND), producing exactly the sequence of
 * `seedrandom.xorwow` for the same state.
 *
 * Why a port rather than seedrandom's own function: seedrandom keeps the state
 * in closure slots, where V8 boxes numbers outside the small-integer range, so
 * each draw allocates; and `fillUniform` keeps the state in registers for a
 * whole batch. Measured here: Xorwow ≈ 6 ns a draw (its carry makes a long
 * dependency chain), this xorwow ≈ 2 ns. Seeding still goes through seedrandom
 * (`seededXorwow`), and a test checks both sequences agree.
 *
 * The recurrence is written out in every batch method on purpose: each keeps
 * the six state words in local variables for its whole loop, which a shared
 * step function could not do without returning (and boxing) them.
 */
export class Xorwow implements Rng {
  private x = 0;
  private y = 0;
  private z = 0;
  private w = 0;
  private v = 1;
  private d = 0;

  constructor(state?: XorwowState) {
    if (state) this.setState(state);
  }

  /** Replaces the state. */
  setState(state: XorwowState): void {
    ({ x: this.x, y: this.y, z: this.z, w: this.w, v: this.v, d: this.d } = state);
  }

  /** A copy of the state, in seedrandom's shape. */
  state(): XorwowState {
    return { x: this.x, y: this.y, z: this.z, w: this.w, v: this.v, d: this.d };
  }

  int32(): number {
    const t = this.x ^ (this.x >>> 2);
    this.x = this.y;
    this.y = this.z;
    this.z = this.w;
    this.w = this.v;
    this.v = this.v ^ (this.v << 4) ^ (t ^ (t << 1));
    this.d = (this.d + 362437) | 0;
    return (this.d + this.v) | 0;
  }

  uniform(): number {
    return (this.int32() >>> 0) * TWO_POW_M32;
  }

  fillUniform(out: Float64Array, n: number): void {
    let { x, y, z, w, v, d } = this;
    const scale = TWO_POW_M32;
    for (let i = 0; i < n; i++) {
      const t = x ^ (x >>> 2);
      x = y;
      y = z;
      z = w;
      w = v;
      v = v ^ (v << 4) ^ (t ^ (t << 1));
      d = (d + 362437) | 0;
      out[i] = ((d + v) >>> 0) * scale;
    }
    this.x = x;
    this.y = y;
    this.z = z;
    this.w = w;
    this.v = v;
    this.d = d;
  }

  fillInt32(out: Int32Array, n: number): void {
    let { x, y, z, w, v, d } = this;
    for (let i = 0; i < n; i++) {
      const t = x ^ (x >>> 2);
      x = y;
      y = z;
      z = w;
      w = v;
      v = v ^ (v << 4) ^ (t ^ (t << 1));
      d = (d + 362437) | 0;
      out[i] = (d + v) | 0;
    }
    this.x = x;
    this.y = y;
    this.z = z;
    this.w = w;
    this.v = v;
    this.d = d;
  }

  /**
   * The common case of the ziggurat (see `fillNormal` in normal.ts), fused
   * with generation and scaling: for each of the next `n` draws b, the layer
   * is `b & 255` (normal.ts has 256 layers) and h = `b >> 8`; when |h| < `thresholds[layer]` the draw lies
   * inside the layer's rectangle, z = h · `scaledAbscissae[layer]` is a standard
   * normal deviate, and `means[k] + sds[k] · z` is written to `out[start + i]`.
   * Otherwise b and start + i are saved to the tables' `missBits` and
   * `missIndices`, in order, for the caller to finish (what this wrote to
   * `out[start + i]` is then overwritten). The sum and the sum of squares of the
   * n standard deviates z, misses' provisional ones included, go to the tables'
   * `sums`, so that a t-test needs no second pass over the data (the
   * additions run beside the integer recurrence at almost no cost). Returns
   * the number of misses.
   *
   * Why it looks like this, each measured on this loop:
   * - here rather than in normal.ts: the state must stay in local variables for
   *   the whole loop, which only the generator's own method can do (a separate
   *   pass over raw draws, and another to scale, was ~40 % slower per trial);
   * - no branch: every draw is scaled and stored, and a miss is recorded by
   *   always writing the next miss slot and advancing the count by 0 or 1;
   *   the ~3 % unpredictable branches cost more than the wasted work (~25 %);
   * - five steps per iteration: after five steps the six state words are back
   *   in their own variables, so the shuffle x ← y ← z ← w ← v disappears
   *   (~15 %); the last n mod 5 draws take the plain loop;
   * - the mean and SD come in arrays because V8 boxes double arguments, and
   *   every table is a local because bundlers turn module constants into
   *   reloaded `var`s.
   */
  fillZigguratRectangles(
    out: Float64Array,
    start: number,
    n: number,
    ziggurat: ZigguratTables,
    means: Float64Array,
    sds: Float64Array,
    k: number,
  ): number {
    let { x, y, z, w, v, d } = this;
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
    // The recurrence of `int32()` five times, the new word landing in the
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
    this.x = x;
    this.y = y;
    this.z = z;
    this.w = w;
    this.v = v;
    this.d = d;
    return misses;
  }

  /**
   * Starts this generator on a new stream whose state is drawn from `parent`.
   * Used for per-replicate, per-arm streams: far cheaper than seeding from a
   * string, and the parent advances by exactly six draws whatever happens
   * downstream, which keeps streams aligned across design points.
   */
  reseedFrom(parent: Xorwow): void {
    this.x = mixSeedWord(parent.int32());
    this.y = mixSeedWord(parent.int32());
    this.z = mixSeedWord(parent.int32());
    this.w = mixSeedWord(parent.int32());
    this.v = mixSeedWord(parent.int32());
    this.d = mixSeedWord(parent.int32());
    this.avoidZeroState();
  }

  /**
   * Starts this generator on the stream whose state is `words[offset..offset+6)`:
   * exactly what `reseedFrom(parent)` does when those are the parent's next
   * six draws. Lets a caller draw the seeds of several streams in one batch.
   */
  seedFromWords(words: Int32Array, offset: number): void {
    this.x = mixSeedWord(words[offset]);
    this.y = mixSeedWord(words[offset + 1]);
    this.z = mixSeedWord(words[offset + 2]);
    this.w = mixSeedWord(words[offset + 3]);
    this.v = mixSeedWord(words[offset + 4]);
    this.d = mixSeedWord(words[offset + 5]);
    this.avoidZeroState();
  }

  /** The xorshift part must not be all zero (probability 2⁻¹⁶⁰, but free to exclude). */
  private avoidZeroState(): void {
    if ((this.x | this.y | this.z | this.w | this.v) === 0) this.v = 1;
  }
}

/**
 * A child stream's seed word from its parent's draw: MurmurHash3's 32-bit
 * finalizer (a bijection). Child streams are seeded from consecutive draws of
 * one parent, and xorwow is linear over GF(2): unmixed, the first draws of two
 * children started two apart agreed in their lowest bit 62.5 % of the time
 * (e.g. the first outcome deviates of arm 0 and arm 1). The multiplications
 * break that linear link at a few operations per word, where discarding the
 * first draws of every child (as seedrandom does for string seeds) would cost
 * more than the trial.
 */
export function mixSeedWord(word: number): number {
  let h = word ^ (word >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** An xorwow generator seeded by seedrandom from a string, exactly as `seedrandom.xorwow(seed)`. */
export function seededXorwow(seed: string): Xorwow {
  const prng = seedrandom.xorwow(seed, { state: true }) as unknown as { state(): XorwowState };
  return new Xorwow(prng.state());
}
