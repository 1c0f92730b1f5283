/**
 * In-place ascending sort of the first `n` elements of a Float64Array.
 *
 * Hand-written because the built-in sort cannot be limited to a prefix of a
 * reused scratch buffer without creating a `subarray` view on every call. The
 * algorithm is quicksort with a median-of-three pivot and a Hoare partition
 * (which splits runs of equal values evenly, so heavily tied data such as
 * rounded counts stay O(n log n)), insertion sort for short ranges, and
 * recursion only into the smaller part, so the stack depth is O(log n).
 *
 * Values must not be NaN.
 */
export function sortPrefix(a: Float64Array, n: number): void {
  quicksort(a, 0, n - 1);
}

const INSERTION_THRESHOLD = 16;

function quicksort(a: Float64Array, lo: number, hi: number): void {
  while (hi - lo > INSERTION_THRESHOLD) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (a[i] < pivot);
      do j--;
      while (a[j] > pivot);
      if (i >= j) break;
      swap(a, i, j);
    }
    if (j - lo < hi - j) {
      quicksort(a, lo, j);
      lo = j + 1;
    } else {
      quicksort(a, j + 1, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let k = i - 1;
    while (k >= lo && a[k] > v) {
      a[k + 1] = a[k];
      k--;
    }
    a[k + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
