import seedrandom from 'seedrandom';
import type { Rng } from './rng.js';

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
 * each draw allocates; and the batch methods keep the state in local variables
 * for a whole batch (README "Performance" has the figures). Seeding still goes
 * through seedrandom (`seededXorwow`), and a test checks both sequences agree.
 *
 * The state is six public words, so that a sampler fused with generation
 * (`fillNormal` in normal.ts) can take them into local variables for its loop
 * and write them back, as the batch methods here do. The recurrence is written
 * out in every such loop on purpose: a shared step function could not keep the
 * six words in local variables without returning (and boxing) them.
 */
export class Xorwow implements Rng, XorwowState {
  /** Oldest xorshift word. */
  x = 0;
  /** Second xorshift word. */
  y = 0;
  /** Third xorshift word. */
  z = 0;
  /** Fourth xorshift word. */
  w = 0;
  /** Newest xorshift word (x, y, z, w, v are never all zero). */
  v = 1;
  /** The Weyl counter, added to v to give each draw. */
  d = 0;

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
