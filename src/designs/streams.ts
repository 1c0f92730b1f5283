import { Xorwow } from '../random/xorwow.js';

/**
 * The per-replicate streams of one simulated trial. Each arm's outcomes and
 * each arm's dropout come from their own stream, started from the chunk's
 * stream before the arm is simulated. Patient i of an arm therefore gets the
 * same random numbers whatever n is, which makes sweeps over n use common
 * random numbers patient by patient (a larger trial = the smaller one plus
 * patients), not just the same chunk seeds.
 */
export class TrialStreams {
  readonly outcome = new Xorwow();
  readonly dropout = new Xorwow();
  readonly parameters = new Xorwow();
}
