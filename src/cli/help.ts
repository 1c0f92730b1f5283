/** The text of `trialsim --help`. */
export const HELP = `trialsim — Monte-Carlo power and sample size for clinical trials

Usage:
  trialsim run FILE...            simulate each scenario and report power (or assurance)
  trialsim size FILE --power P    smallest n whose simulated power reaches P
  trialsim mde FILE --power P     smallest effect detectable with the file's n
  trialsim check FILE...          judge every file's expect block; exit 1 if one fails
  trialsim report FILE --html OUT.html [--md OUT.md]
                                  a self-contained report a protocol can cite
  trialsim run FILE... --shard I/N --out PART.json
                                  simulate one shard of every design point (partial counts)
  trialsim merge PART...          add up the parts into exactly the result of a single run
  trialsim validate FILE...       check scenario files; exit 2 with path-precise messages

Options of run, size, mde, check and report:
  --replicates N          simulated trials per design point (default: the file's, else 10000)
  --seed S                seed of every random stream (default: the file's, else "trialsim")
  --set PATH=VALUE        override any scenario value, e.g. --set design.n=80, or add an optional
                          one the file leaves out, e.g. --set design.dropout=0.1 (repeatable)
  --alpha A               significance level, overriding analysis.alpha
  --sweep PATH=A:B:STEP   replace the file's sweep: every value from A to B in steps of STEP,
  --sweep PATH=V1,V2,...  or the values listed; give two --sweep for a grid (e.g. n × correlation)
  --workers K             worker threads (default: one per core)
  --precision H           add replicates until the 95 % interval half-width is at most H
  --max-cost C            refuse a run estimated to simulate more than C patient outcomes
                          (default 6e10, about 3–10 minutes on 2 cores); checked before it starts
  --limit NAME=VALUE      change a bound of the scenario format for this run (repeatable):
                          maxN, maxReplicates, maxArms, maxCategories, maxSweepValues,
                          maxSweepPoints, maxExpressionLength, maxFileBytes, maxCost
  --no-fast-path          simulate every patient even for normal endpoints with t-tests
  --format FMT            table (default), json, csv or markdown (check: not csv)
  --out FILE              write the results to FILE instead of standard output
  --svg FILE              run, size, merge: draw the power curve (a family of curves for a grid) with
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
  null value) in round steps of 0.1–1 % of the SD (0.01 for an SD from 1 to 10; rates: 0.001) and
  finds the smallest effect whose simulated power reaches P at the file's n, dropout simulated as
  in the file. With --sweep (e.g. --sweep design.n=20:200:20) one search per point.

check FILE... [--format table|json|markdown] [--junit OUT.xml] [--precision H] [--allow-inconclusive]
  Judges each file's expect block at the file's own design point: the values written in the file
  (with --set applied), not the points of its sweep. power/assurance atLeast/atMost: the simulated
  figure with its Wilson 95 % interval; expect.power on a scenario with uncertain parameters is
  judged on the power at the estimate (every distribution at its centre). sampleSize {power P,
  atMost N}: the size search gives the n needed (as trialsim size), and the verdict is whether
  the largest design within N patients randomized reaches P. A verdict is "pass" when the whole
  95 % interval meets the bound, "fail" when it misses it, and "inconclusive — add replicates"
  when the interval contains the threshold: the simulation cannot tell on which side the design
  lies. --precision H adds replicates until the half-width is at most H, which decides any figure
  further than about H from its threshold. Inconclusive counts as failing (exit 1): it is not
  evidence that the design keeps its promise; --allow-inconclusive makes it exit 0 (JUnit: skipped).
  A file without expect prints a line saying so and does not fail. Unreadable or invalid files
  are reported and give exit 2; the other files are still checked.
  --junit OUT.xml   also write JUnit XML: one testsuite per file, one testcase per expectation
                    (failure type "fail" or "inconclusive"; error type "invalid")
  --format markdown a table for a GitHub step summary (>> $GITHUB_STEP_SUMMARY)
report FILE --html OUT.html [--md OUT.md] [--power P]
  Simulates the file's design point, its sweep, the sample size for the file's target power
  (expect; --power; else 0.8 and 0.9) and its expect block, and writes the question, design,
  the source of every number (evidence resolved to the paper, section and quote), the power curve,
  the sample size, the protocol justification paragraph and a reproducibility block with the
  scenario file embedded. The HTML is self-contained (inline CSS and SVG, nothing fetched); the
  Markdown links its curve as OUT.svg, written beside it. No date or timing: same input, same bytes.
run FILE... --shard I/N [--out PART.json]   and   merge PART... [--format FMT] [--out FILE] [--svg FILE]
  Shard I of N runs, of every design point with C chunks of 1000 replicates, the chunks
  ⌊(I−1)·C/N⌋ to ⌊I·C/N⌋ − 1, and writes their counts as JSON with the seed, engine version and a
  fingerprint of the scenario. Chunk k is seeded from (seed, k) only, so merge adds the parts of
  shards 1..N into exactly the counts of one run: the same output as run, apart from workers (the
  sum) and elapsedMs (the longest part). merge refuses (exit 2) parts of other scenarios or
  settings, a shard missing or given twice, and parts of another engine version. Adaptive
  precision (--precision, simulation.precision) cannot be sharded: it decides the number of
  chunks from all chunks seen, which one shard cannot know; use --replicates.

FILE arguments named *.schema.json are skipped, so scenarios/*.json means every scenario.
Exit codes: 0 ok; 1 an expectation failed or was inconclusive (check), or size/mde did not reach
the target; 2 invalid input or usage.
See README.md for the scenario format (trialsim/1).
`;
