import type { RunResult } from '../src/run/run-result.js';
import type { SizeResult } from '../src/run/size-run.js';

/** Where the page is: nothing run yet, a scenario that cannot run, a run under way or how the last one ended. */
export type RunStatus = 'idle' | 'invalid' | 'running' | 'done' | 'cancelled' | 'error';

/** What the page exposes as `window.__trialsim`, for end-to-end tests and the curious. */
export interface PageState {
  /** The result of the last run that completed (a cancelled run leaves it as it was). */
  lastResult: RunResult | null;
  status: RunStatus;
  /** Runs started so far, sample-size searches included (a test waits for this to grow, then for `status` to leave `running`). */
  runs: number;
  /** What the last started task was. */
  task: 'run' | 'size' | null;
  /** The last sample-size search that completed. */
  sizeResult: SizeResult | null;
  /** Milliseconds from navigation start to the first complete curve on the page (null until then). */
  firstCurveMs: number | null;
  /** The scenario text in the editor. */
  scenarioText: string;
  /** The share link of the last scenario text encoded ('' when it cannot be made). */
  shareUrl: string;
  /** The scenario text that `shareUrl` encodes (equal to `scenarioText` once the link has caught up). */
  shareText: string;
}

declare global {
  interface Window {
    __trialsim: PageState;
  }
}
