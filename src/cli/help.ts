/** The text of `trialsim --help`. */
export const HELP = `trialsim — Monte-Carlo power and sample size for clinical trials

Usage:
  trialsim run FILE...       simulate each scenario and report power (or assurance)
  trialsim validate FILE...  check scenario files; exit 2 with path-precise messages

Options of run:
  --replicates N          simulated trials per design point (default: the file's, else 10000)
  --seed S                seed of every random stream (default: the file's, else "trialsim")
  --set PATH=VALUE        override any scenario value, e.g. --set design.n=80 (repeatable)
  --workers K             worker threads (default: one per core)
  --precision H           add replicates until the 95 % interval half-width is at most H
  --no-fast-path          simulate every patient even for normal endpoints with t-tests
  --format FMT            table (default), json, csv or markdown
  --out FILE              write the results to FILE instead of standard output

Exit codes: 0 ok, 1 an expectation failed, 2 invalid input or usage.
See README.md for the scenario format (trialsim/1).
`;
