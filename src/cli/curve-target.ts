import type { CliArguments } from './args.js';

/** The target line of a file's `--svg` curve: `--power`, else the file's `expect` bound (power, then assurance), else none. */
export function curveTarget(
  args: CliArguments,
  expect: { power?: { atLeast?: number }; assurance?: { atLeast?: number } } | undefined,
): number | undefined {
  return args.power ?? expect?.power?.atLeast ?? expect?.assurance?.atLeast;
}
