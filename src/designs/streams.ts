import { STATE_WORDS, Xorwow } from '../random/xorwow.js';

/**
 * The per-replicate streams of one simulated trial. Each arm's outcomes and
 * each arm's dropout come from their own stream, started from the chunk's
 * stream before the arm is simulated. Patient i of an arm therefore gets the
 * same random numbers whatever n is, which makes sweeps over n use common
 * random numbers patient by patient (a larger trial = the smaller one plus
 * patients), not just the same chunk seeds.
 *
 * The seeds of one replicate's streams are drawn from the chunk stream in one
 * batch (`beginReplicate`), then handed out in order (`start`): the same
 * numbers, in the same order, as one `reseedFrom(chunk)` per stream, at a
 * fraction of the cost.
 */
export class TrialStreams {
  readonly outcome = new Xorwow();
  /** A within-patient trial's second site: its own stream, so that neither site's draws depend on n. */
  readonly secondSite = new Xorwow();
  readonly dropout = new Xorwow();
  readonly parameters = new Xorwow();
  private readonly seeds: Int32Array;
  private nextSeed = 0;

  /** @param startsPerReplicate how many stream starts one replicate makes (always the same for a plan). */
  constructor(startsPerReplicate: number) {
    this.seeds = new Int32Array(startsPerReplicate * STATE_WORDS);
  }

  /** Draws the seeds of the next replicate's streams from the chunk stream. */
  beginReplicate(chunk: Xorwow): void {
    chunk.fillInt32(this.seeds, this.seeds.length);
    this.nextSeed = 0;
  }

  /** Starts `stream` on the replicate's next seed. */
  start(stream: Xorwow): void {
    // A plan that starts more streams than it declared would read past the
    // seeds and silently reuse state: fail loudly instead.
    if (this.nextSeed >= this.seeds.length) throw new Error('a replicate started more random streams than its plan declared');
    stream.seedFromWords(this.seeds, this.nextSeed);
    this.nextSeed += STATE_WORDS;
  }
}
