import type { RunResult } from '../src/report/run-result.js';

/** Where the page is: nothing run yet, a scenario that cannot run, a run under way or how the last one ended. */
export type RunStatus = 'idle' | 'invalid' | 'running' | 'done' | 'cancelled' | 'error';

/** What the page exposes as `window.__trialsim`, for end-to-end tests and the curious. */
export interface PageState {
  /** The result of the last run that completed (a cancelled run leaves it as it was). */
  lastResult: RunResult | null;
  status: RunStatus;
  /** Runs started so far (a test waits for this to grow, then for `status` to leave `running`). */
  runs: number;
}

declare global {
  interface Window {
    __trialsim: PageState;
  }
}
