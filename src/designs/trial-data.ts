/**
 * The outcomes of one simulated trial: per arm (design order) a preallocated
 * buffer of completers' values and how many there are. Within-patient designs
 * keep the two sites of patient i at index i of both arms.
 */
export class TrialData {
  /** Outcome values per arm; only `[0, counts[a])` is meaningful. */
  readonly values: Float64Array[];
  /** Completers per arm in the current trial. */
  readonly counts: Int32Array;
  /**
   * Per arm, the completers' sample mean and variance ([mean, variance] at 2a)
   * when the simulation computed them while generating (normal outcomes), else
   * NaN: a t-test then reads them instead of passing over the values. Whoever
   * fills `values` must set them, to numbers or NaN, in the same replicate.
   */
  readonly moments: Float64Array;
  private readonly views: Float64Array[][];

  /** @param capacities the largest number of patients each arm can hold. */
  constructor(capacities: readonly number[]) {
    this.values = capacities.map((n) => new Float64Array(Math.max(1, n)));
    this.counts = new Int32Array(capacities.length);
    this.moments = new Float64Array(2 * capacities.length).fill(NaN);
    this.views = capacities.map(() => []);
  }

  /**
   * The completers of arm `a` as an array of exactly their length. Views are
   * created once per length and reused, so analyses that read `.length` cost
   * no allocation per replicate.
   */
  view(a: number): Float64Array {
    const n = this.counts[a];
    let view = this.views[a][n];
    if (view === undefined) {
      view = this.values[a].subarray(0, n);
      this.views[a][n] = view;
    }
    return view;
  }
}
