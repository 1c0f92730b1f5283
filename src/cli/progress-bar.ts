import type { CliIo } from './io.js';

/** Runs shorter than this never show a bar, so quick runs print nothing extra. */
const SHOW_AFTER_MS = 1000;
const WIDTH = 30;

/**
 * A progress bar on standard error, drawn only when it is a terminal and only
 * once a run has taken more than a second. Returns the progress callback and
 * a function that clears the bar.
 */
export function progressBar(io: CliIo, label: string): { update(done: number, expected: number): void; finish(): void } {
  const started = io.now();
  let drawn = false;
  return {
    update(done, expected) {
      if (!io.stderrIsTTY || io.now() - started < SHOW_AFTER_MS) return;
      const share = expected > 0 ? Math.min(1, done / expected) : 0;
      const filled = Math.round(share * WIDTH);
      io.stderr(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}%`);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr(`\r${' '.repeat(label.length + WIDTH + 8)}\r`);
    },
  };
}
