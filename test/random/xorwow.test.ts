import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Xorwow, seededXorwow } from '../../src/random/xorwow.js';

describe('Xorwow', () => {
  it('produces exactly the sequence of seedrandom.xorwow for the same seed', () => {
    for (const seed of ['nct06764329', 'trialsim\u00000', '']) {
      const reference = seedrandom.xorwow(seed);
      const ours = seededXorwow(seed);
      let mismatches = 0;
      for (let i = 0; i < 100_000; i++) if (ours.uniform() !== reference()) mismatches++;
      expect(mismatches).toBe(0);
    }
  });

  it('int32 equals seedrandom.xorwow().int32()', () => {
    const reference = seedrandom.xorwow('x');
    const ours = seededXorwow('x');
    for (let i = 0; i < 10_000; i++) expect(ours.int32()).toBe(reference.int32());
  });

  it('reseedFrom advances the parent by exactly six draws and is deterministic', () => {
    const parent = seededXorwow('p');
    const twin = seededXorwow('p');
    const child = new Xorwow();
    child.reseedFrom(parent);
    for (let i = 0; i < 6; i++) twin.uniform();
    expect(parent.uniform()).toBe(twin.uniform());
    const again = new Xorwow();
    const parent2 = seededXorwow('p');
    again.reseedFrom(parent2);
    for (let i = 0; i < 100; i++) expect(again.uniform()).toBe(child.uniform());
  });

  it('seedFromWords with six batched draws starts the same stream as reseedFrom', () => {
    const parent = seededXorwow('batch');
    const twin = seededXorwow('batch');
    const words = new Int32Array(12);
    parent.fillInt32(words, 12);
    for (const offset of [0, 6]) {
      const viaWords = new Xorwow();
      viaWords.seedFromWords(words, offset);
      const viaReseed = new Xorwow();
      viaReseed.reseedFrom(twin);
      for (let i = 0; i < 100; i++) expect(viaWords.int32()).toBe(viaReseed.int32());
    }
    expect(parent.int32()).toBe(twin.int32());
  });

  it('never starts a stream on the all-zero xorshift state', () => {
    const child = new Xorwow();
    child.seedFromWords(new Int32Array(6), 0);
    // An all-zero xorshift state would give d + 0 forever: the output must still vary in its low bits.
    const draws = new Set(Array.from({ length: 10 }, () => child.int32() & 0xff));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('fillUniform gives the same numbers as repeated uniform()', () => {
    const a = seededXorwow('fill');
    const b = seededXorwow('fill');
    const batch = new Float64Array(1000);
    a.fillUniform(batch, 1000);
    const single = Float64Array.from({ length: 1000 }, () => b.uniform());
    expect(Array.from(batch)).toEqual(Array.from(single));
    expect(a.uniform()).toBe(b.uniform());
  });

  it('fillInt32 gives the same numbers as repeated int32(), for batches of any length', () => {
    const a = seededXorwow('fill int32');
    const b = seededXorwow('fill int32');
    for (const n of [0, 1, 4, 5, 6, 9, 10, 11, 30, 1001]) {
      const batch = new Int32Array(n);
      a.fillInt32(batch, n);
      expect(Array.from(batch)).toEqual(Array.from({ length: n }, () => b.int32()));
    }
    expect(a.int32()).toBe(b.int32());
  });

  it('gives uniforms in [0, 1) with the right mean and variance', () => {
    const rng = seededXorwow('u');
    const n = 200_000;
    let sum = 0;
    let sum2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sum2 += u * u;
    }
    expect(outside).toBe(0);
    // mean 1/2 with SE √(1/12/n); variance 1/12
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sum2 / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });
});

describe('child streams (reseedFrom, seedFromWords)', () => {
  it('start independent of their siblings: the low bits of their first draws agree half the time', () => {
    // Children seeded from consecutive parent draws, as a replicate's streams are. Without the
    // seed mixing, children two apart agreed in bit 0 of their first draw 62.5 % of the time.
    const parents = 20_000;
    const parent = seededXorwow('siblings');
    const children = Array.from({ length: 5 }, () => new Xorwow());
    const agree = Array.from({ length: 4 }, () => new Float64Array(8));
    for (let p = 0; p < parents; p++) {
      for (const child of children) child.reseedFrom(parent);
      const first = children.map((child) => child.int32());
      for (let d = 1; d < 5; d++) {
        const same = ~(first[0] ^ first[d]);
        for (let bit = 0; bit < 8; bit++) agree[d - 1][bit] += (same >>> bit) & 1;
      }
    }
    // Binomial(20 000, 1/2): SD 0.0035 of the share; 0.02 is over 5 SD.
    for (const row of agree) for (const count of row) expect(Math.abs(count / parents - 0.5)).toBeLessThan(0.02);
  });
});
