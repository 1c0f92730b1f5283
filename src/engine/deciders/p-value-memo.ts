/**
 * Memoized p-values of a test whose result depends only on a few counts (an
 * exact test on a 2×2 table, McNemar's discordant pairs, a binomial count).
 * A simulation visits few distinct tables, so each p-value is computed once by
 * the analysis function itself and looked up afterwards: exact decisions at
 * table-lookup cost.
 *
 * Keys are two whole numbers: `outer` (the sample sizes) and `inner` (the counts).
 */
export class PValueMemo {
  private readonly tables = new Map<number, Map<number, number>>();
  private lastOuter = -1;
  private last: Map<number, number> | undefined;

  /** Returns the memoized p-value for (outer, inner), computing it with `compute` the first time. */
  get(outer: number, inner: number, compute: () => number): number {
    if (outer !== this.lastOuter || !this.last) {
      this.lastOuter = outer;
      this.last = this.tables.get(outer);
      if (!this.last) {
        this.last = new Map();
        this.tables.set(outer, this.last);
      }
    }
    let p = this.last.get(inner);
    if (p === undefined) {
      p = compute();
      this.last.set(inner, p);
    }
    return p;
  }
}
