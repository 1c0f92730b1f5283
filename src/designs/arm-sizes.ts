/**
 * Splits `n` patients between arms in proportion to `allocation`, in whole
 * patients: each arm gets the floor of its share and the patients left over go
 * to the arms with the largest remainders (earlier arms first on ties), so
 * 1:1 of 70 is 35/35 and 1:2 of 100 is 33/67.
 */
export function armSizes(n: number, allocation: readonly number[]): number[] {
  const total = allocation.reduce((s, w) => s + w, 0);
  const exact = allocation.map((w) => (n * w) / total);
  const sizes = exact.map((x) => Math.floor(x + 1e-9));
  let left = n - sizes.reduce((s, k) => s + k, 0);
  const order = exact.map((x, i) => ({ i, r: x - sizes[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) sizes[order[j].i]++;
  return sizes;
}
