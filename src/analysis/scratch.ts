/**
 * Growable module-level scratch buffers. Rank tests copy and sort their input
 * once per call; reusing one buffer per module (grown geometrically, never
 * shrunk) means no allocation after the first few calls of a simulation.
 */

/** Returns `buf` when it holds at least `n` elements, else a new buffer of at least twice its size. */
export function ensureCapacity(buf: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  return buf.length >= n ? buf : new Float64Array(Math.max(n, 2 * buf.length));
}
