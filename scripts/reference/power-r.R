#!/usr/bin/env Rscript
# Reference powers and exact test sizes from R (stats + pwr) for trialsim's
# reference-value tests. Writes, relative to the repository root:
#
#   test/fixtures/power/power-r.json             closed-form powers (pwr::pwr.t.test, pwr::pwr.t2n.test,
#                                                 a binomial mixture of pwr.t2n.test for dropout)
#   test/fixtures/power/power-r-simulation.json  rank tests with no closed form: large independent
#                                                 R simulations of stats::wilcox.test (referenceMcse > 0)
#   test/fixtures/power/within-patient.json      paired-t powers over the within-patient correlation
#                                                 and the spill-over fraction (pwr::pwr.t.test, paired)
#   test/fixtures/power/calibration-r.json       exact sizes of the rank tests (stats::dwilcox / dsignrank
#                                                 summed over the rejection region of stats::wilcox.test)
#
# Usage (from the repository root): Rscript scripts/reference/power-r.R
# Needs R >= 4.2 with the 'pwr' package; no other packages (JSON is written by hand).
# Every case carries a complete ResolvedScenario (src/scenario/types.ts) that the engine runs as is.

suppressPackageStartupMessages(library(pwr))

script_path <- local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1L) normalizePath(f) else normalizePath("scripts/reference/power-r.R")
})
repo_root <- normalizePath(file.path(dirname(script_path), "..", ".."))
out_dir <- file.path(repo_root, "test", "fixtures", "power")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

TOOL <- sprintf("R %s.%s / pwr %s", R.version$major, R.version$minor, as.character(packageVersion("pwr")))
SCRIPT <- "scripts/reference/power-r.R"
ALPHA <- 0.05
REPLICATES <- 20000L # simulated trials per case in the trialsim test (MC SE <= 0.0036)

# ---------------------------------------------------------------------------
# Minimal JSON writer. Named lists -> objects, unnamed lists -> arrays,
# length-1 atomics -> scalars, arr(...) -> arrays (also of length 1).
# Numbers are written with 17 significant digits (round-trip exact).
# ---------------------------------------------------------------------------
arr <- function(...) structure(list(...), class = "json_array")
json_str <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  s <- gsub("\n", "\\\\n", s)
  paste0("\"", s, "\"")
}
json_num <- function(x) {
  if (!is.finite(x)) stop("non-finite number in JSON output")
  if (x == round(x) && abs(x) < 1e15) return(format(x, scientific = FALSE))
  s <- sprintf("%.17g", x)
  # prefer the shortest representation that round-trips
  for (d in 15:17) {
    t <- sprintf(paste0("%.", d, "g"), x)
    if (as.numeric(t) == x) { s <- t; break }
  }
  s
}
to_json <- function(x, indent = 0L) {
  pad <- strrep("  ", indent + 1L)
  end <- strrep("  ", indent)
  if (is.null(x)) return("null")
  if (inherits(x, "json_array") || (is.list(x) && is.null(names(x)))) {
    if (length(x) == 0L) return("[]")
    items <- vapply(unclass(x), to_json, "", indent = indent + 1L)
    if (all(!grepl("\n", items)) && sum(nchar(items)) < 80L) return(paste0("[", paste(items, collapse = ", "), "]"))
    return(paste0("[\n", pad, paste(items, collapse = paste0(",\n", pad)), "\n", end, "]"))
  }
  if (is.list(x)) {
    if (length(x) == 0L) return("{}")
    keys <- vapply(names(x), json_str, "")
    vals <- vapply(x, to_json, "", indent = indent + 1L)
    if (all(!grepl("\n", vals)) && sum(nchar(keys) + nchar(vals)) < 70L)
      return(paste0("{ ", paste(paste0(keys, ": ", vals), collapse = ", "), " }"))
    return(paste0("{\n", pad, paste(paste0(keys, ": ", vals), collapse = paste0(",\n", pad)), "\n", end, "}"))
  }
  if (length(x) != 1L) return(to_json(do.call(arr, as.list(x)), indent))
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.character(x)) return(json_str(x))
  if (is.numeric(x)) return(json_num(x))
  stop("cannot serialise ", class(x))
}
write_fixture <- function(name, method, cases, extra = list()) {
  obj <- c(list(generator = list(tool = TOOL, script = SCRIPT, method = method)), extra, list(cases = cases))
  path <- file.path(out_dir, name)
  writeLines(to_json(obj), path, useBytes = TRUE)
  cat(sprintf("wrote %s (%d cases)\n", file.path("test/fixtures/power", name), length(cases)))
}

# ---------------------------------------------------------------------------
# ResolvedScenario builders (src/scenario/types.ts). Arm 1 = treatment, arm 2 = control.
# ---------------------------------------------------------------------------
two_arms <- function(a = "trt", b = "ctl", la = "Treatment", lb = "Control") {
  arr(list(id = a, label = la, control = FALSE), list(id = b, label = lb, control = TRUE))
}
analysis <- function(test, null = 0, cc = FALSE) {
  list(test = test, alpha = ALPHA, sides = 2L, null = null, continuityCorrection = cc,
       multiplicity = "holm", success = "any")
}
simulation <- function(seed, replicates = REPLICATES) {
  list(replicates = replicates, seed = seed, fastPath = TRUE)
}
parallel_continuous <- function(title, test, n, allocation, means, sds, seed, dropout = 0) {
  list(
    format = "trialsim/1", title = title,
    design = list(kind = "parallel", arms = two_arms(), allocation = arr(allocation[1], allocation[2]),
                  n = n, dropout = dropout),
    endpoint = list(kind = "continuous", label = "Outcome", better = "higher",
                    arms = list(trt = list(mean = means[1], sd = sds[1]), ctl = list(mean = means[2], sd = sds[2]))),
    analysis = analysis(test), simulation = simulation(seed)
  )
}
within_continuous <- function(title, test, n, means, sd, rho, seed, spillover = 0) {
  list(
    format = "trialsim/1", title = title,
    design = list(kind = "within-patient", arms = two_arms("treated", "control", "Treated site", "Control site"),
                  n = n, correlation = rho, spillover = spillover, dropout = 0),
    endpoint = list(kind = "continuous", label = "Outcome", better = "higher",
                    arms = list(treated = list(mean = means[1], sd = sd), control = list(mean = means[2], sd = sd))),
    analysis = analysis(test), simulation = simulation(seed)
  )
}
single_continuous <- function(title, test, n, mean, sd, null, seed) {
  list(
    format = "trialsim/1", title = title,
    design = list(kind = "single-arm", arms = arr(list(id = "arm", label = "Single arm", control = FALSE)),
                  n = n, dropout = 0),
    endpoint = list(kind = "continuous", label = "Change from baseline", better = "higher",
                    arms = list(arm = list(mean = mean, sd = sd))),
    analysis = analysis(test, null = null), simulation = simulation(seed)
  )
}
case <- function(id, description, scenario, power, source, mcse = 0, extra = list()) {
  c(list(id = id, description = description, scenario = scenario, power = power, referenceMcse = mcse,
         source = source), extra)
}

# ---------------------------------------------------------------------------
# 1. power-r.json: closed forms from pwr
# ---------------------------------------------------------------------------
pwr_cases <- list()

# 1a. Student t, equal n: d = 2.5 / 5 = 0.5, 64 per arm (the classic 0.80).
p <- pwr.t.test(n = 64, d = 0.5, sig.level = ALPHA, type = "two.sample")$power
pwr_cases[[length(pwr_cases) + 1L]] <- case(
  "student-t-equal-n", "Student t, d = 0.5, 64 vs 64",
  parallel_continuous("Student t, d = 0.5, 64 per arm", "student-t", 128, c(1, 1), c(12.5, 10), c(5, 5), "ref-student-equal-n"),
  p, "pwr::pwr.t.test(n = 64, d = 0.5, type = \"two.sample\")")

# 1b. Student t, unequal n by 1:2 allocation: 40 vs 80, d = 0.5.
p <- pwr.t2n.test(n1 = 40, n2 = 80, d = 0.5, sig.level = ALPHA)$power
pwr_cases[[length(pwr_cases) + 1L]] <- case(
  "student-t-unequal-n", "Student t, d = 0.5, 40 vs 80 (1:2 allocation, n = 120)",
  parallel_continuous("Student t, d = 0.5, 1:2 allocation", "student-t", 120, c(1, 2), c(3.5, 2.5), c(2, 2), "ref-student-unequal-n"),
  p, "pwr::pwr.t2n.test(n1 = 40, n2 = 80, d = 0.5)")

# 1c. Student t, small n (df = 14), treatment worse than control (two-sided power counts both tails).
p <- pwr.t.test(n = 8, d = 1.2, sig.level = ALPHA, type = "two.sample")$power
pwr_cases[[length(pwr_cases) + 1L]] <- case(
  "student-t-small-n", "Student t, d = -1.2 (treatment lower), 8 vs 8",
  parallel_continuous("Student t, d = -1.2, 8 per arm", "student-t", 16, c(1, 1), c(-0.6, 3), c(3, 3), "ref-student-small-n"),
  p, "pwr::pwr.t.test(n = 8, d = 1.2, type = \"two.sample\")")

# 3. Paired t from a within-patient correlation: d_z = delta / (sigma * sqrt(2 (1 - rho))).
paired_dz <- function(delta, sigma, rho) delta / (sigma * sqrt(2 * (1 - rho)))
for (rho in c(0, 0.5, 0.8)) {
  dz <- paired_dz(1, 2, rho)
  p <- pwr.t.test(n = 24, d = dz, sig.level = ALPHA, type = "paired")$power
  pwr_cases[[length(pwr_cases) + 1L]] <- case(
    sprintf("paired-t-rho-%s", format(rho)),
    sprintf("Paired t, within-patient, delta = 1, sigma = 2, rho = %s, 24 patients (d_z = %.4f)", format(rho), dz),
    within_continuous(sprintf("Paired t, rho = %s", format(rho)), "paired-t", 24, c(6, 5), 2, rho,
                      sprintf("ref-paired-rho-%s", format(rho))),
    p, sprintf("pwr::pwr.t.test(n = 24, d = 1 / (2 * sqrt(2 * (1 - %s))), type = \"paired\")", format(rho)))
}
# 3d. Spill-over: gamma = 0.4 of the effect reaches the control site -> effective effect 0.6 * delta.
dz <- paired_dz((1 - 0.4) * 1, 2, 0.5)
p <- pwr.t.test(n = 24, d = dz, sig.level = ALPHA, type = "paired")$power
pwr_cases[[length(pwr_cases) + 1L]] <- case(
  "paired-t-spillover-0.4",
  sprintf("Paired t, delta = 1, sigma = 2, rho = 0.5, spill-over 0.4 -> effect 0.6 (d_z = %.4f), 24 patients", dz),
  within_continuous("Paired t, spill-over 0.4", "paired-t", 24, c(6, 5), 2, 0.5, "ref-paired-spillover", spillover = 0.4),
  p, "pwr::pwr.t.test(n = 24, d = (1 - 0.4) * 1 / (2 * sqrt(2 * (1 - 0.5))), type = \"paired\")")

# 4. One-sample t on a change from baseline, null 0; and against a non-zero null.
p <- pwr.t.test(n = 30, d = 1.2 / 2.5, sig.level = ALPHA, type = "one.sample")$power
pwr_cases[[length(pwr_cases) + 1L]] <- case(
  "one-sample-t-change", "One-sample t on change from baseline, mean 1.2, SD 2.5, null 0, n = 30",
  single_continuous("One-sample t, change from baseline", "one-sample-t", 30, 1.2, 2.5, 0, "ref-one-sample-change"),
  p, "pwr::pwr.t.test(n = 30, d = 1.2 / 2.5, type = \"one.sample\")")
p <- pwr.t.test(n = 25, d = (5 - 4) / 2, sig.level = ALPHA, type = "one.sample")$power
pwr_cases[[length(pwr_cases) + 1L]] <- case(
  "one-sample-t-null-4", "One-sample t, mean 5, SD 2, null 4, n = 25",
  single_continuous("One-sample t against 4", "one-sample-t", 25, 5, 2, 4, "ref-one-sample-null-4"),
  p, "pwr::pwr.t.test(n = 25, d = (5 - 4) / 2, type = \"one.sample\")")

# 5. Dropout: each randomized patient is lost independently with probability 0.2; completers are
#    analysed; fewer than 2 completers in an arm counts as non-rejection.
#    power = sum_{k1, k2} dbinom(k1, 64, 0.8) dbinom(k2, 64, 0.8) pwr.t2n.test(k1, k2, d = 0.5).
dropout_power <- function(n1, n2, d, dropout) {
  k1 <- 0:n1; k2 <- 0:n2
  w1 <- dbinom(k1, n1, 1 - dropout); w2 <- dbinom(k2, n2, 1 - dropout)
  total <- 0
  for (i in seq_along(k1)) {
    if (k1[i] < 2) next
    for (j in seq_along(k2)) {
      if (k2[j] < 2) next
      w <- w1[i] * w2[j]
      if (w == 0) next
      total <- total + w * pwr.t2n.test(n1 = k1[i], n2 = k2[j], d = d, sig.level = ALPHA)$power
    }
  }
  total
}
p <- dropout_power(64, 64, 0.5, 0.2)
pwr_cases[[length(pwr_cases) + 1L]] <- case(
  "student-t-dropout-0.2", "Student t, d = 0.5, 64 vs 64 randomized, dropout 0.2 (completers analysed)",
  parallel_continuous("Student t with 20 % dropout", "student-t", 128, c(1, 1), c(12.5, 10), c(5, 5), "ref-student-dropout", dropout = 0.2),
  p, "sum over completer counts k1, k2 ~ Binomial(64, 0.8) of pwr::pwr.t2n.test(k1, k2, d = 0.5)")

write_fixture("power-r.json",
  "Closed-form noncentral-t power from pwr (two-sided, both rejection tails counted); dropout as an exact binomial mixture over completer counts.",
  pwr_cases)

# ---------------------------------------------------------------------------
# 2. within-patient.json: paired t over rho and spill-over (pwr)
# ---------------------------------------------------------------------------
wp_cases <- list()
for (rho in c(0, 0.3, 0.6, 0.9)) {
  dz <- paired_dz(0.5, 1, rho)
  p <- pwr.t.test(n = 20, d = dz, sig.level = ALPHA, type = "paired")$power
  wp_cases[[length(wp_cases) + 1L]] <- case(
    sprintf("rho-%s", format(rho)),
    sprintf("Paired t, delta = 0.5, sigma = 1, rho = %s, 20 patients (d_z = %.4f)", format(rho), dz),
    within_continuous(sprintf("Within-patient, rho = %s", format(rho)), "paired-t", 20, c(0.5, 0), 1, rho, "wp-correlation"),
    p, sprintf("pwr::pwr.t.test(n = 20, d = 0.5 / sqrt(2 * (1 - %s)), type = \"paired\")", format(rho)),
    extra = list(group = "correlation", rho = rho, spillover = 0, effect = 0.5))
}
for (spec in list(list(id = "spillover-0.4", gamma = 0.4, delta = 1, group = "spillover"),
                  list(id = "no-spillover-reduced-effect", gamma = 0, delta = 0.6, group = "spillover-equivalent"),
                  list(id = "no-spillover-full-effect", gamma = 0, delta = 1, group = "spillover-reference"))) {
  eff <- (1 - spec$gamma) * spec$delta
  dz <- paired_dz(eff, 1, 0.5)
  p <- pwr.t.test(n = 20, d = dz, sig.level = ALPHA, type = "paired")$power
  wp_cases[[length(wp_cases) + 1L]] <- case(
    spec$id,
    sprintf("Paired t, delta = %s, spill-over %s (effect %s), sigma = 1, rho = 0.5, 20 patients", format(spec$delta),
            format(spec$gamma), format(eff)),
    within_continuous(sprintf("Within-patient, delta = %s, spill-over %s", format(spec$delta), format(spec$gamma)),
                      "paired-t", 20, c(2 + spec$delta, 2), 1, 0.5, "wp-spillover", spillover = spec$gamma),
    p, sprintf("pwr::pwr.t.test(n = 20, d = (1 - %s) * %s / sqrt(2 * (1 - 0.5)), type = \"paired\")",
               format(spec$gamma), format(spec$delta)),
    extra = list(group = spec$group, rho = 0.5, spillover = spec$gamma, effect = eff))
}
write_fixture("within-patient.json",
  "Paired t power from pwr::pwr.t.test(type = \"paired\") with d_z = (1 - spillover) * delta / (sigma * sqrt(2 (1 - rho))); the rho cases share one seed (common random numbers), as do the spill-over cases.",
  wp_cases)

# ---------------------------------------------------------------------------
# 3. power-r-simulation.json: rank tests, large independent R simulations
# ---------------------------------------------------------------------------
SIM_R <- 200000L
sim_case <- function(id, description, scenario, seed, draw, source) {
  set.seed(seed, kind = "Mersenne-Twister", normal.kind = "Inversion")
  t0 <- proc.time()[["elapsed"]]
  rej <- replicate(SIM_R, draw() <= ALPHA)
  p <- mean(rej)
  mcse <- sqrt(p * (1 - p) / SIM_R)
  cat(sprintf("  %-40s power %.5f (MC SE %.5f, %.0f s)\n", id, p, mcse, proc.time()[["elapsed"]] - t0))
  case(id, description, scenario, p, sprintf("%s; %d R replicates, set.seed(%d)", source, SIM_R, seed), mcse = mcse)
}
# Within-patient pairs: treated = mu_T + sigma Z1, control = mu_C + sigma (rho Z1 + sqrt(1 - rho^2) Z2).
wp_pair <- function(n, muT, muC, sigma, rho) {
  z1 <- rnorm(n); z2 <- rnorm(n)
  list(t = muT + sigma * z1, c = muC + sigma * (rho * z1 + sqrt(1 - rho^2) * z2))
}
sim_cases <- list()
sim_cases[[length(sim_cases) + 1L]] <- sim_case(
  "mann-whitney-continuous-8v8-exact", "Mann-Whitney, normal data, d = 1.2, 8 vs 8 (exact null distribution branch)",
  parallel_continuous("Mann-Whitney, 8 per arm", "mann-whitney", 16, c(1, 1), c(2.2, 1), c(1, 1), "ref-mw-8v8"),
  20240101L, function() wilcox.test(rnorm(8, 2.2, 1), rnorm(8, 1, 1))$p.value,
  "stats::wilcox.test(x, y) (exact, n < 50 and no ties)")
sim_cases[[length(sim_cases) + 1L]] <- sim_case(
  "mann-whitney-continuous-60v60-normal", "Mann-Whitney, normal data, d = 0.45, 60 vs 60 (normal approximation branch)",
  parallel_continuous("Mann-Whitney, 60 per arm", "mann-whitney", 120, c(1, 1), c(0.9, 0), c(2, 2), "ref-mw-60v60"),
  20240102L, function() wilcox.test(rnorm(60, 0.9, 2), rnorm(60, 0, 2))$p.value,
  "stats::wilcox.test(x, y) (normal approximation with continuity correction, n >= 50)")
sim_cases[[length(sim_cases) + 1L]] <- sim_case(
  "signed-rank-within-12-exact", "Wilcoxon signed-rank, within-patient, delta = 0.8, sigma = 1, rho = 0.5, 12 patients (exact branch)",
  within_continuous("Signed-rank, 12 patients", "wilcoxon-signed-rank", 12, c(1.8, 1), 1, 0.5, "ref-sr-12"),
  20240103L, function() { d <- wp_pair(12, 1.8, 1, 1, 0.5); wilcox.test(d$t, d$c, paired = TRUE)$p.value },
  "stats::wilcox.test(treated, control, paired = TRUE) (exact, n < 50 and no ties)")
sim_cases[[length(sim_cases) + 1L]] <- sim_case(
  "signed-rank-within-60-normal", "Wilcoxon signed-rank, within-patient, delta = 0.35, sigma = 1, rho = 0.5, 60 patients (normal branch)",
  within_continuous("Signed-rank, 60 patients", "wilcoxon-signed-rank", 60, c(1.35, 1), 1, 0.5, "ref-sr-60"),
  20240104L, function() { d <- wp_pair(60, 1.35, 1, 1, 0.5); wilcox.test(d$t, d$c, paired = TRUE)$p.value },
  "stats::wilcox.test(treated, control, paired = TRUE) (normal approximation with continuity correction, n >= 50)")
sim_cases[[length(sim_cases) + 1L]] <- sim_case(
  "signed-rank-single-arm-15-exact", "Wilcoxon signed-rank, single arm, mean 1.3, SD 1.2, null 0.5, n = 15 (exact branch)",
  single_continuous("Signed-rank against 0.5, n = 15", "wilcoxon-signed-rank", 15, 1.3, 1.2, 0.5, "ref-sr-single-15"),
  20240105L, function() wilcox.test(rnorm(15, 1.3, 1.2), mu = 0.5)$p.value,
  "stats::wilcox.test(x, mu = 0.5) (exact, n < 50 and no ties)")
write_fixture("power-r-simulation.json",
  sprintf("Rank tests have no closed-form power: independent R simulation, %d replicates per case, rejection = stats::wilcox.test(...)$p.value <= 0.05 (R defaults: exact when n < 50 and no ties/zeros, else normal approximation with continuity correction); referenceMcse = sqrt(p (1 - p) / %d).", SIM_R, SIM_R),
  sim_cases)

# ---------------------------------------------------------------------------
# 4. calibration-r.json: exact sizes of the rank tests under the null
#    (continuous data: no ties; the null distribution of W / V is exact).
# ---------------------------------------------------------------------------
mw_exact_p <- function(W, m, n) { # as stats::wilcox.test, exact branch, two-sided
  p <- if (W > m * n / 2) pwilcox(W - 1, m, n, lower.tail = FALSE) else pwilcox(W, m, n)
  min(2 * p, 1)
}
mw_normal_p <- function(W, m, n) { # normal branch, continuity correction, no ties
  z <- W - m * n / 2
  sigma <- sqrt(m * n / 12 * (m + n + 1))
  z <- (z - sign(z) * 0.5) / sigma
  2 * min(pnorm(z), pnorm(z, lower.tail = FALSE))
}
sr_exact_p <- function(V, n) {
  p <- if (V > n * (n + 1) / 4) psignrank(V - 1, n, lower.tail = FALSE) else psignrank(V, n)
  min(2 * p, 1)
}
sr_normal_p <- function(V, n) {
  z <- V - n * (n + 1) / 4
  sigma <- sqrt(n * (n + 1) * (2 * n + 1) / 24)
  z <- (z - sign(z) * 0.5) / sigma
  2 * min(pnorm(z), pnorm(z, lower.tail = FALSE))
}
size_mw <- function(m, n, exact) {
  W <- 0:(m * n)
  pv <- vapply(W, function(w) if (exact) mw_exact_p(w, m, n) else mw_normal_p(w, m, n), 0)
  sum(dwilcox(W, m, n)[pv <= ALPHA])
}
size_sr <- function(n, exact) {
  V <- 0:(n * (n + 1) / 2)
  pv <- vapply(V, function(v) if (exact) sr_exact_p(v, n) else sr_normal_p(v, n), 0)
  sum(dsignrank(V, n)[pv <= ALPHA])
}
cal_case <- function(id, description, scenario, size, source, conservative) {
  list(id = id, description = description, scenario = scenario, size = size, alpha = ALPHA,
       conservative = conservative, source = source)
}
cal_cases <- list(
  cal_case("mann-whitney-continuous-8v8-exact", "Mann-Whitney, normal data, equal arms, 8 vs 8 (exact branch)",
           parallel_continuous("Null: Mann-Whitney, 8 per arm", "mann-whitney", 16, c(1, 1), c(1, 1), c(1, 1), "cal-mw-8v8"),
           size_mw(8, 8, TRUE), "sum of stats::dwilcox(w, 8, 8) over {w : 2 min(pwilcox tails) <= 0.05}", TRUE),
  cal_case("mann-whitney-continuous-20v40-exact", "Mann-Whitney, normal data, equal arms, 20 vs 40 (1:2, exact branch)",
           parallel_continuous("Null: Mann-Whitney, 1:2", "mann-whitney", 60, c(1, 2), c(5, 5), c(2, 2), "cal-mw-20v40"),
           size_mw(20, 40, TRUE), "sum of stats::dwilcox(w, 20, 40) over {w : 2 min(pwilcox tails) <= 0.05}", TRUE),
  cal_case("mann-whitney-continuous-60v60-normal", "Mann-Whitney, normal data, equal arms, 60 vs 60 (normal branch)",
           parallel_continuous("Null: Mann-Whitney, 60 per arm", "mann-whitney", 120, c(1, 1), c(0, 0), c(2, 2), "cal-mw-60v60"),
           size_mw(60, 60, FALSE), "sum of stats::dwilcox(w, 60, 60) over the rejection region of the continuity-corrected normal approximation", FALSE),
  cal_case("signed-rank-within-12-exact", "Signed-rank, within-patient, equal sites, rho = 0.5, 12 patients (exact branch)",
           within_continuous("Null: signed-rank, 12 patients", "wilcoxon-signed-rank", 12, c(1, 1), 1, 0.5, "cal-sr-12"),
           size_sr(12, TRUE), "sum of stats::dsignrank(v, 12) over {v : 2 min(psignrank tails) <= 0.05}", TRUE),
  cal_case("signed-rank-within-60-normal", "Signed-rank, within-patient, equal sites, rho = 0.3, 60 patients (normal branch)",
           within_continuous("Null: signed-rank, 60 patients", "wilcoxon-signed-rank", 60, c(1, 1), 1, 0.3, "cal-sr-60"),
           size_sr(60, FALSE), "sum of stats::dsignrank(v, 60) over the rejection region of the continuity-corrected normal approximation", FALSE),
  cal_case("signed-rank-single-arm-15-exact", "Signed-rank, single arm, mean = null = 0.5, n = 15 (exact branch)",
           single_continuous("Null: signed-rank against 0.5", "wilcoxon-signed-rank", 15, 0.5, 1.2, 0.5, "cal-sr-single-15"),
           size_sr(15, TRUE), "sum of stats::dsignrank(v, 15) over {v : 2 min(psignrank tails) <= 0.05}", TRUE)
)
for (cc in cal_cases) cat(sprintf("  %-40s size %.6f\n", cc$id, cc$size))
write_fixture("calibration-r.json",
  "Exact size of stats::wilcox.test under the null with continuous data (no ties): the exact null distribution (dwilcox / dsignrank) summed over the values whose wilcox.test p-value is <= alpha.",
  cal_cases)
