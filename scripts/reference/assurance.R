# Reference assurance for test/engine/assurance.test.ts.
# Two-sample t-test, sigma = 1, 64 per arm, two-sided alpha = 0.05, and an
# uncertain effect delta ~ N(0.5, 0.2^2): assurance = E[power(delta)], the
# power averaged over the prior (O'Hagan, Stevens & Campbell 2005).
# Power is the exact noncentral-t power, counting rejections in both tails.
# Run: Rscript scripts/reference/assurance.R
power_t <- function(delta, n = 64, alpha = 0.05) {
  df <- 2 * n - 2
  ncp <- delta / sqrt(2 / n)
  crit <- qt(1 - alpha / 2, df)
  pt(crit, df, ncp = ncp, lower.tail = FALSE) + pt(-crit, df, ncp = ncp)
}
assurance <- integrate(function(d) sapply(d, power_t) * dnorm(d, 0.5, 0.2), -Inf, Inf, rel.tol = 1e-10)$value
at_estimate <- power_t(0.5)
json <- sprintf(paste0(
  '{\n  "generator": { "tool": "%s", "script": "scripts/reference/assurance.R", ',
  '"method": "integrate() of the exact noncentral-t power over the normal prior" },\n',
  '  "case": { "n_per_arm": 64, "sd": 1, "alpha": 0.05, "sides": 2, "delta_mean": 0.5, "delta_sd": 0.2 },\n',
  '  "assurance": %.12f,\n  "powerAtEstimate": %.12f\n}\n'), R.version.string, assurance, at_estimate)
writeLines(json, "test/fixtures/assurance/assurance.json", sep = "")
cat(json)
