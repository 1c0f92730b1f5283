import { seededXorwow, type Xorwow } from '../random/xorwow.js';

/**
 * Replicates per chunk. Part of what a seed means: changing it changes every
 * result, so it is fixed, recorded in results, and not configurable.
 */
export const CHUNK_SIZE = 1000;

/** How many chunks `replicates` replicates take (the last one may be partial). */
export function chunkCount(replicates: number): number {
  return Math.ceil(replicates / CHUNK_SIZE);
}

/** Replicates in chunk `k` of a run of `replicates`. */
export function chunkLength(k: number, replicates: number): number {
  return Math.min(CHUNK_SIZE, replicates - k * CHUNK_SIZE);
}

/**
 * The random stream of chunk `k`, seeded by seedrandom from the scenario seed and
 * k alone. The design point deliberately does not enter: every point of a sweep
 * reuses the same chunk streams (common random numbers), so differences between
 * points are differences of design, not of luck.
 */
export function chunkStream(seed: string, k: number): Xorwow {
  return seededXorwow(`${seed}\u0000${k}`);
}
