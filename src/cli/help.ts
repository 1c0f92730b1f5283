/** The text of `trialsim --help`. */
export const HELP = `trialsim — Monte-Carlo power and sample size for clinical trials

Usage:
  trialsim run FILE...            simulate each scenario and report power (or assurance)
  trialsim size FILE --power P    smallest n whose simulated power reaches P
  trialsim mde FILE --power P     smallest effect detectable with the file's n
  trialsim validate FILE...       check scenario files; exit 2 with path-precise messages

Options of run, size and mde:
  --replicates N          simulated trials per design point (default: the file's, else 10000)
  --seed S                seed of every random stream (default: the file's, else "trialsim")
  --set PATH=VALUE        override any scenario value, e.g. --set design.n=80 (repeatable)
  --alpha A               significance level, overriding analysis.alpha
  --sweep PATH=A:B:STEP   replace the file's sweep: every value from A to B in steps of STEP,
  --sweep PATH=V1,V2,...  or the values listed; give two --sweep for a grid (e.g. n × correlation)
  --workers K             worker threads (default: one per core)
  --precision H           add replicates until the 95 % interval half-width is at most H
  --no-fast-path          simulate every patient even for normal endpoints with t-tests
  --format FMT            table (default), json, csv or markdown
  --out FILE              write the results to FILE instead of standard output
  --svg FILE              run, size: draw the power curve (a family of curves for a grid) with
                          its 95 % Wilson band, the target line (--power, else the file's expect)
                          and the chosen n marked. SVG only: PNG would need a browser.

size FILE --power P [--max-n N]
  Searches the allocation lattice (1:1 → even n, 2:1 → multiples of 3) for the smallest n whose
  simulated power reaches P: starts at the closed form where there is one (t-tests: noncentral t;
  two proportions: Fleiss's normal approximation), brackets, then bisects, every n with the same
  random numbers. n counts patients analysed: the search switches dropout off, and "n to
  randomize" is ⌈n/(1 − dropout)⌉ on the lattice, re-simulated with dropout as a check. Prints
  the power at n and one step below with Wilson intervals, the closed form, and how many design
  points were simulated. --max-n: largest n to try (default 10000). The file's own sweep is
  ignored; with --sweep (not over design.n) one search per point.
mde FILE --power P
  Moves the active arm's mean (continuous) or response rate (binary) away from the control (or the
  null value) in steps of 1 % of the SD (rates: 0.001) and finds the smallest effect whose
  simulated power reaches P at the file's n, dropout simulated as in the file. With --sweep
  (e.g. --sweep design.n=20:200:20) one search per point.

FILE arguments named *.schema.json are skipped, so scenarios/*.json means every scenario.
Exit codes: 0 ok; 1 an expectation failed, or size/mde did not reach the target; 2 invalid input or usage.
See README.md for the scenario format (trialsim/1).
`;
