/**
 * What a chunk of replicates (or a whole design point) produced. Counts are
 * merged by addition, so the result does not depend on which worker ran which
 * chunk or in which order.
 */
export interface Counts {
  /** Simulated trials. */
  replicates: number;
  /** Trials whose analysis succeeded (rejected the null hypothesis). */
  successes: number;
  /**
   * Trials that failed with some analysis degenerate (too few completers, no
   * variance…): the degenerate comparison was scored as a non-rejection. With
   * several comparisons, a trial another comparison made a success is not counted.
   */
  degenerate: number;
}

/** No trials yet. */
export function emptyCounts(): Counts {
  return { replicates: 0, successes: 0, degenerate: 0 };
}

/** The sum of two sets of counts. */
export function addCounts(a: Counts, b: Counts): Counts {
  return {
    replicates: a.replicates + b.replicates,
    successes: a.successes + b.successes,
    degenerate: a.degenerate + b.degenerate,
  };
}
