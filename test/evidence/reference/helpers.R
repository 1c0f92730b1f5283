#!/usr/bin/env Rscript
# Reference values for the helpers in src/evidence/ (sdFromCI, normalFromCI,
# betaFromCI, ordinalFromThresholds), from R's own qt, qnorm and qbeta.
#
# Run from the repository root:
#   Rscript test/evidence/reference/helpers.R
# It writes test/evidence/fixtures/helpers.json, which test/evidence/*.test.ts
# read (CI needs no R). Base R only; every number is written with
# sprintf("%.17g") so that it round-trips exactly. Each case records the R
# expression that produced it in `call`.

out_file <- "test/evidence/fixtures/helpers.json"

json_str <- function(s) paste0("\"", gsub("\"", "\\\"", gsub("\\", "\\\\", s, fixed = TRUE), fixed = TRUE), "\"")
json_num <- function(v) sprintf("%.17g", as.double(v))
to_json <- function(v) {
  if (is.list(v)) {
    if (!is.null(names(v))) {
      items <- vapply(names(v), function(k) paste0(json_str(k), ": ", to_json(v[[k]])), "")
      return(paste0("{", paste(items, collapse = ", "), "}"))
    }
    return(paste0("[", paste(vapply(v, to_json, ""), collapse = ", "), "]"))
  }
  enc <- if (is.character(v)) json_str(v) else json_num(v)
  if (inherits(v, "AsIs") || length(v) != 1) paste0("[", paste(enc, collapse = ", "), "]") else enc
}

# ------------------------------------------------------------- sdFromCI
sd_case <- function(name, lower, upper, n, level = 0.95) {
  call <- sprintf("((%s) - (%s)) / 2 * sqrt(%s) / qt(1 - (1 - %s) / 2, %s - 1)", upper, lower, n, level, n)
  list(name = name, lower = lower, upper = upper, n = n, level = level, call = call, sd = eval(parse(text = call)))
}
sd_cases <- list(
  sd_case("rdeb-bebss (003: 95% CI -7.39 to -3.86, n = 6)", -7.39, -3.86, 6),
  sd_case("rdeb-tbsa (003: 95% CI -8.14 to -2.61, n = 6)", -8.14, -2.61, 6),
  sd_case("rdeb-blister-count (003: 95% CI -6.74 to -1.26, n = 6)", -6.74, -1.26, 6),
  sd_case("rdeb-pain-vas (003: 95% CI -4.76 to -1.24, n = 6)", -4.76, -1.24, 6),
  sd_case("rdeb-itch-vas (003: 95% CI -3.76 to -0.24, n = 6)", -3.76, -0.24, 6),
  sd_case("rdeb-qoleb (003: 95% CI -8.69 to -3.65, n = 6)", -8.69, -3.65, 6),
  sd_case("90% CI, n = 20", 1.2, 3.4, 20, 0.90),
  sd_case("99% CI, n = 2 (df 1)", -10, 30, 2, 0.99),
  sd_case("95% CI, n = 400", 0.5, 0.7, 400)
)

# ------------------------------------------------------------- normalFromCI
normal_case <- function(name, estimate, lower, upper, level = 0.95) {
  call <- sprintf("((%s) - (%s)) / (2 * qnorm(1 - (1 - %s) / 2))", upper, lower, level)
  list(name = name, estimate = estimate, lower = lower, upper = upper, level = level, call = call, mean = estimate, sd = eval(parse(text = call)))
}
normal_cases <- list(
  normal_case("rdeb-bebss mean change (003)", -5.6, -7.39, -3.86),
  normal_case("tci-alone-all-25 as a proportion (001)", 0.55, 0.422, 0.678),
  normal_case("tci-alone-face-neck-25, asymmetric (001)", 0.731, 0.326, 0.835),
  normal_case("80% interval", 2.45, 1.1, 3.8, 0.80),
  normal_case("99% interval", 0, -1, 1, 0.99)
)

# ------------------------------------------------------------- betaFromCI
# The same algorithm as src/evidence/beta-from-ci.ts: mean fixed at the
# estimate, kappa = alpha + beta chosen to minimise the squared error of the two
# quantiles, by a 200-point grid over log(kappa) and then optimize() between the
# grid neighbours of the best point.
beta_fit <- function(m, lo, hi, level = 0.95, min_shape = 1) {
  a <- (1 - level) / 2
  q <- function(k) qbeta(c(a, 1 - a), m * k, (1 - m) * k)
  sse <- function(lk) { e <- sum((q(exp(lk)) - c(lo, hi))^2); if (is.nan(e)) Inf else e }
  k_lo <- max(1e-2, min_shape / min(m, 1 - m))
  k_hi <- max(1e9, k_lo * 1e3)
  g <- seq(log(k_lo), log(k_hi), length.out = 200)
  i <- which.min(vapply(g, sse, 0))
  o <- optimize(sse, c(g[max(1, i - 1)], g[min(200, i + 1)]), tol = 1e-12)
  k <- exp(o$minimum)
  f <- q(k)
  list(alpha = m * k, beta = (1 - m) * k, kappa = k, fittedLower = f[1], fittedUpper = f[2], mismatch = max(abs(f - c(lo, hi))))
}
beta_case <- function(name, estimate, lower, upper, level = 0.95, min_shape = 1) {
  call <- sprintf("beta_fit(%s, %s, %s, level = %s, min_shape = %s)", estimate, lower, upper, level, min_shape)
  c(list(name = name, estimate = estimate, lower = lower, upper = upper, level = level, minShape = min_shape, call = call),
    suppressWarnings(eval(parse(text = call))))
}
# A CI that is exactly some beta's central interval: Beta(2, 18), mean 0.1.
b_lo <- qbeta(0.025, 2, 18)
b_hi <- qbeta(0.975, 2, 18)
c_lo <- qbeta(0.05, 30, 3)
c_hi <- qbeta(0.95, 30, 3)
d_lo <- qbeta(0.025, 0.5, 20)
d_hi <- qbeta(0.975, 0.5, 20)
beta_cases <- list(
  beta_case("tci-photo-all-25: 89.5 (81.1-97.9) % (001 Table 3)", 0.895, 0.811, 0.979),
  beta_case("tci-alone-all-25: 55.0 (42.2-67.8) % (001 Table 3)", 0.55, 0.422, 0.678),
  beta_case("tci-photo-trunk-extremities-25: 85.3 (79.8-90.7) % (001 Table 3)", 0.853, 0.798, 0.907),
  beta_case("tci-alone-trunk-extremities-75: 2.3 (0.3-4.3) % (001 Table 3)", 0.023, 0.003, 0.043),
  beta_case("tci-alone-hands-feet-50: 1.71 (0.00-4.6) %, lower limit 0 (001 Table 3)", 0.0171, 0, 0.046),
  beta_case("tci-alone-face-neck-25: 73.1 (32.6-83.5) %, asymmetric (001 Table 3)", 0.731, 0.326, 0.835),
  beta_case("tci-photo-face-neck-50: 81.5 (10.3-92.7) %, no beta matches (001 Table 3)", 0.815, 0.103, 0.927),
  beta_case("asymmetric, exactly Beta(2, 18): qbeta(c(0.025, 0.975), 2, 18)", 0.1, b_lo, b_hi),
  beta_case("asymmetric, exactly Beta(30, 3) at 90%: qbeta(c(0.05, 0.95), 30, 3)", 30 / 33, c_lo, c_hi, level = 0.90),
  beta_case("exactly Beta(0.5, 20), default min_shape = 1: alpha held at 1", 0.5 / 20.5, d_lo, d_hi),
  beta_case("exactly Beta(0.5, 20), min_shape = 0.1: qbeta(c(0.025, 0.975), 0.5, 20)", 0.5 / 20.5, d_lo, d_hi, min_shape = 0.1)
)

# ------------------------------------------------------------- ordinalFromThresholds
ord_case <- function(name, p) {
  call <- sprintf("c(1 - %s, -diff(c(%s)), %s)", p[1], paste(p, collapse = ", "), p[length(p)])
  list(name = name, atLeast = I(p), call = call, probs = I(eval(parse(text = call))))
}
ord_cases <- list(
  ord_case("TCI alone, all: 55.0/38.5/18.1 % (001 Table 3)", c(0.55, 0.385, 0.181)),
  ord_case("TCI + phototherapy, all: 89.5/72.9/47.5 % (001 Table 3)", c(0.895, 0.729, 0.475)),
  ord_case("TCI alone, hands and feet: 15.1/1.71/0.00 % (001 Table 3)", c(0.151, 0.0171, 0)),
  ord_case("TCI + phototherapy, face and neck: 93.7/81.5/55.2 % (001 Table 3)", c(0.937, 0.815, 0.552)),
  ord_case("one threshold", c(0.3))
)

json <- to_json(list(
  generator = list(tool = "R", version = R.version.string, script = "test/evidence/reference/helpers.R"),
  sdFromCI = sd_cases,
  normalFromCI = normal_cases,
  betaFromCI = beta_cases,
  ordinalFromThresholds = ord_cases
))
writeLines(json, out_file)
cat("wrote", out_file, "\n")
