#!/usr/bin/env Rscript
# Reference p-values for src/analysis/ from R's own test functions.
#
# Run from the repository root:
#   Rscript scripts/reference/analysis-pvalues.R
# It writes test/fixtures/analysis/pvalues.json, which the vitest suites in
# test/analysis/ read (CI needs no R). Needs base R only: JSON is written by hand
# with sprintf("%.17g") so every double round-trips exactly.
#
# Every data set is small and made by hand, or drawn once with a fixed seed and
# rounded; the drawn values are stored in the fixture, so the seed only matters
# for regenerating the file. One-sided cases map to trialsim options as
#   alternative "greater" = sides 1, better "higher"
#   alternative "less"    = sides 1, better "lower"

out_file <- "test/fixtures/analysis/pvalues.json"

# ---------------------------------------------------------------- JSON writer
json_str <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  paste0("\"", s, "\"")
}
json_num <- function(v) {
  v <- as.double(v)
  ifelse(is.na(v), "null",
    ifelse(is.infinite(v), ifelse(v > 0, "1e999", "-1e999"), sprintf("%.17g", v)))
}
# A vector wrapped in I() is always written as an array, even of length 1.
to_json <- function(v) {
  if (is.null(v)) return("null")
  if (is.list(v)) {
    if (!is.null(names(v))) {
      items <- vapply(names(v), function(k) paste0(json_str(k), ": ", to_json(v[[k]])), "")
      return(paste0("{", paste(items, collapse = ", "), "}"))
    }
    return(paste0("[", paste(vapply(v, to_json, ""), collapse = ", "), "]"))
  }
  as_array <- inherits(v, "AsIs") || length(v) != 1
  enc <- if (is.character(v)) json_str(v) else if (is.logical(v)) ifelse(is.na(v), "null", ifelse(v, "true", "false")) else json_num(v)
  if (as_array) paste0("[", paste(enc, collapse = ", "), "]") else enc
}

# ---------------------------------------------------------------- helpers
alternatives <- list(
  list(alternative = "two.sided", sides = 2, better = "higher"),
  list(alternative = "greater", sides = 1, better = "higher"),
  list(alternative = "less", sides = 1, better = "lower")
)
summ <- function(v) list(n = length(v), mean = mean(v), variance = if (length(v) > 1) var(v) else NA_real_)
fmt_alt <- function(a) sprintf("alternative = \"%s\"", a)
has_ties <- function(v) length(unique(v)) != length(v)

cases <- list()
add <- function(group, case) {
  cases[[group]] <<- c(cases[[group]], list(case))
}

# ---------------------------------------------------------------- data
set.seed(20240501)
two_sample <- list(
  list(name = "unequal n, no ties",
       x = c(5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3), y = c(4.2, 4.8, 5.0, 4.6, 5.15, 4.4)),
  list(name = "ties across groups",
       x = c(3, 5, 5, 6, 7, 8, 8, 9), y = c(2, 3, 4, 5, 5, 6, 7)),
  list(name = "n >= 50 in both groups, no ties",
       x = round(rnorm(55, 0.4, 1), 6), y = round(rnorm(52, 0, 1.3), 6)),
  list(name = "n >= 50 in one group only",
       x = round(rnorm(12, 1, 1), 5), y = round(rnorm(60), 5)),
  list(name = "strong effect, tiny p-values",
       x = c(10.2, 11.1, 9.8, 10.5, 10.9, 11.4, 9.9, 10.1, 10.7, 11.0),
       y = c(0.3, -0.2, 0.8, 0.1, 0.5, -0.4, 0.9, 0.2, 0.0, 0.6)),
  list(name = "n = 2 vs 3, unequal variances",
       x = c(1.5, 2.5), y = c(0.1, 0.4, 3.9)),
  list(name = "x constant (Welch df = ny - 1)",
       x = c(2, 2, 2, 2), y = c(1.1, 2.3, 0.7, 1.9, 1.4)),
  list(name = "treatment worse than control",
       x = c(1.2, 0.8, 1.9, 0.4, 1.1, 0.3), y = c(2.5, 1.7, 3.1, 2.2, 1.6, 2.8, 2.0, 2.9))
)

paired <- list(
  list(name = "no zeros, no ties", mu = 0,
       x = c(12.1, 14.3, 11.8, 15.2, 13.0, 12.7, 16.1, 14.8),
       y = c(11.0, 12.9, 12.1, 13.1, 12.2, 10.95, 13.5, 14.4)),
  list(name = "zeros and ties in the differences", mu = 0,
       x = c(10, 12, 9, 14, 11, 13, 10, 15, 9), y = c(8, 12, 9.5, 11, 10, 12, 10, 11, 10)),
  list(name = "treated site worse", mu = 0,
       x = c(3.1, 2.4, 2.9, 1.8, 2.2), y = c(3.9, 3.3, 2.7, 3.0, 3.6)),
  list(name = "nullValue 0.5", mu = 0.5,
       x = c(12.1, 14.3, 11.8, 15.2, 13.0, 12.7, 16.1, 14.8),
       y = c(11.0, 12.9, 12.1, 13.1, 12.2, 10.95, 13.5, 14.4))
)
px <- round(rnorm(60, 10.3, 1), 4)
paired[[length(paired) + 1]] <- list(name = "n >= 50", mu = 0, x = px, y = round(px - rnorm(60, 0.3, 0.8), 4))

one_sample <- list(
  list(name = "a zero after subtracting nullValue", mu = 0.5, x = c(0.8, 1.9, -0.4, 2.3, 1.1, 0.5, 1.7)),
  list(name = "no zeros, no ties", mu = 0, x = c(0.8, 1.9, -0.4, 2.3, 1.1, 0.6, 1.7)),
  list(name = "ties in |x|", mu = 0, x = c(-1, 1, 2, -2, 3, 0.5, 4)),
  list(name = "all positive, tiny exact p", mu = 0, x = c(1.2, 0.7, 2.2, 1.9, 0.4, 3.1, 2.6, 1.4, 0.9, 2.8, 1.6, 0.2)),
  list(name = "below nullValue 10", mu = 10, x = c(9.2, 10.4, 9.7, 9.5, 10.1, 9.0, 9.9, 9.3)),
  list(name = "n >= 50", mu = 0, x = round(rnorm(55, 0.3, 1), 5))
)

ordinal <- list(
  list(name = "4 categories, treatment better", countsX = c(2, 5, 8, 5), countsY = c(6, 7, 5, 2)),
  list(name = "5 categories, strong effect", countsX = c(0, 1, 3, 10, 6), countsY = c(4, 6, 5, 3, 2)),
  list(name = "at most one per category (exact branch)", countsX = c(1, 0, 1, 0, 1, 1, 0), countsY = c(0, 1, 0, 1, 0, 0, 1)),
  list(name = "n >= 50, treatment worse", countsX = c(20, 25, 15, 10), countsY = c(10, 20, 25, 15)),
  list(name = "empty middle category", countsX = c(3, 0, 9), countsY = c(7, 0, 4))
)

tables <- list(
  c(7, 12, 2, 10), c(0, 10, 5, 10), c(10, 10, 0, 10), c(3, 15, 3, 15), c(12, 40, 25, 40),
  c(1, 3, 2, 3), c(20, 40, 20, 41), c(45, 60, 30, 60), c(2, 25, 9, 24), c(38, 40, 40, 40)
)
# Equal arms make the conditional distribution symmetric: tables as likely as the
# observed one exist in the other tail, which R keeps through its 1 + 1e-7 tolerance.
fisher_only <- list(c(0, 5, 0, 5), c(5, 5, 6, 6), c(2, 10, 5, 10), c(1, 8, 6, 8), c(4, 20, 11, 20),
                    c(9, 30, 17, 30), c(13, 40, 26, 40))

discordant <- list(c(8, 2), c(2, 8), c(5, 5), c(1, 0), c(0, 1), c(15, 4), c(30, 12), c(3, 4), c(0, 7),
                   c(12, 30), c(40, 25))

binomial <- list(
  c(7, 20, 0.2), c(3, 20, 0.3), c(0, 10, 0.1), c(10, 10, 0.5), c(12, 50, 0.4), c(55, 100, 0.5),
  c(1, 30, 0.15), c(15, 25, 0.35), c(9, 9, 0.7), c(0, 12, 0.5), c(30, 40, 0.5), c(4, 60, 0.02),
  c(0, 10, 0), c(3, 10, 0), c(10, 10, 1), c(7, 10, 1),
  # Outcomes exactly as likely as the observed one (P(0) = P(1) for n = 5, p = 1/6 and
  # for n = 2, p = 1/3): R's 1 + 1e-7 tolerance decides whether they count.
  c(0, 5, 1/6), c(1, 5, 1/6), c(0, 2, 1/3), c(1, 2, 1/3)
)

# ---------------------------------------------------------------- t tests
for (d in two_sample) for (a in alternatives) {
  for (ve in c(FALSE, TRUE)) {
    r <- t.test(d$x, d$y, var.equal = ve, alternative = a$alternative)
    add(if (ve) "studentT" else "welchT", list(
      name = d$name, call = sprintf("t.test(x, y, var.equal = %s, %s)", ve, fmt_alt(a$alternative)),
      x = I(d$x), y = I(d$y), summaryX = summ(d$x), summaryY = summ(d$y),
      sides = a$sides, better = a$better,
      statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, rMethod = r$method))
  }
}
# Student's t allows a group of one (pooled variance from the other group).
for (a in alternatives) {
  x <- c(4.1); y <- c(2.0, 2.9, 3.3, 2.4)
  r <- t.test(x, y, var.equal = TRUE, alternative = a$alternative)
  add("studentT", list(
    name = "x of size 1", call = sprintf("t.test(x, y, var.equal = TRUE, %s)", fmt_alt(a$alternative)),
    x = I(x), y = I(y), summaryX = summ(x), summaryY = summ(y), sides = a$sides, better = a$better,
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, rMethod = r$method))
}
for (d in paired) for (a in alternatives) {
  r <- t.test(d$x, d$y, paired = TRUE, mu = d$mu, alternative = a$alternative)
  dd <- d$x - d$y
  add("pairedT", list(
    name = d$name, call = sprintf("t.test(x, y, paired = TRUE, mu = %s, %s)", d$mu, fmt_alt(a$alternative)),
    x = I(d$x), y = I(d$y), nullValue = d$mu, summaryDiff = summ(dd), sides = a$sides, better = a$better,
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, rMethod = r$method))
}
for (d in one_sample) for (a in alternatives) {
  r <- t.test(d$x, mu = d$mu, alternative = a$alternative)
  add("oneSampleT", list(
    name = d$name, call = sprintf("t.test(x, mu = %s, %s)", d$mu, fmt_alt(a$alternative)),
    x = I(d$x), nullValue = d$mu, summary = summ(d$x), sides = a$sides, better = a$better,
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, rMethod = r$method))
}

# ---------------------------------------------------------------- rank tests
for (d in two_sample) for (a in alternatives) {
  r <- suppressWarnings(wilcox.test(d$x, d$y, alternative = a$alternative))
  add("mannWhitney", list(
    name = d$name, call = sprintf("wilcox.test(x, y, %s)", fmt_alt(a$alternative)),
    x = I(d$x), y = I(d$y), sides = a$sides, better = a$better, ties = has_ties(c(d$x, d$y)),
    statistic = unname(r$statistic), pValue = r$p.value, rMethod = r$method))
}
for (d in ordinal) for (a in alternatives) {
  k <- seq_along(d$countsX) - 1
  x <- rep(k, d$countsX); y <- rep(k, d$countsY)
  r <- suppressWarnings(wilcox.test(x, y, alternative = a$alternative))
  add("mannWhitneyCounts", list(
    name = d$name,
    call = sprintf("wilcox.test(rep(0:%d, countsX), rep(0:%d, countsY), %s)", length(k) - 1, length(k) - 1, fmt_alt(a$alternative)),
    countsX = I(d$countsX), countsY = I(d$countsY), sides = a$sides, better = a$better,
    statistic = unname(r$statistic), pValue = r$p.value, rMethod = r$method))
}
for (d in one_sample) for (a in alternatives) {
  r <- suppressWarnings(wilcox.test(d$x, mu = d$mu, alternative = a$alternative))
  add("wilcoxonSignedRank", list(
    name = d$name, call = sprintf("wilcox.test(x, mu = %s, %s)", d$mu, fmt_alt(a$alternative)),
    x = I(d$x), nullValue = d$mu, sides = a$sides, better = a$better,
    statistic = unname(r$statistic), pValue = r$p.value, rMethod = r$method))
}
for (d in paired) for (a in alternatives) {
  r <- suppressWarnings(wilcox.test(d$x, d$y, paired = TRUE, mu = d$mu, alternative = a$alternative))
  add("wilcoxonSignedRankPaired", list(
    name = d$name, call = sprintf("wilcox.test(x, y, paired = TRUE, mu = %s, %s)", d$mu, fmt_alt(a$alternative)),
    x = I(d$x), y = I(d$y), nullValue = d$mu, sides = a$sides, better = a$better,
    statistic = unname(r$statistic), pValue = r$p.value, rMethod = r$method))
}

# ---------------------------------------------------------------- 2x2 tables
# Rows: treatment, control; columns: success, failure.
tab <- function(t) matrix(c(t[1], t[3], t[2] - t[1], t[4] - t[3]), 2)
for (t in c(tables, fisher_only)) for (a in alternatives) {
  r <- fisher.test(tab(t), alternative = a$alternative)
  add("fisherExact", list(
    name = sprintf("%d/%d vs %d/%d", t[1], t[2], t[3], t[4]),
    call = sprintf("fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2), %s)", fmt_alt(a$alternative)),
    x1 = t[1], n1 = t[2], x2 = t[3], n2 = t[4], sides = a$sides, better = a$better,
    pValue = r$p.value, oddsRatio = unname(r$estimate)))
}
for (t in tables) for (a in alternatives) for (cc in c(TRUE, FALSE)) {
  r <- suppressWarnings(prop.test(c(t[1], t[3]), c(t[2], t[4]), correct = cc, alternative = a$alternative))
  add("chiSquare", list(
    name = sprintf("%d/%d vs %d/%d", t[1], t[2], t[3], t[4]),
    call = sprintf("prop.test(c(x1, x2), c(n1, n2), correct = %s, %s)", cc, fmt_alt(a$alternative)),
    x1 = t[1], n1 = t[2], x2 = t[3], n2 = t[4], sides = a$sides, better = a$better, continuityCorrection = cc,
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, rMethod = r$method))
}
for (t in tables) for (cc in c(TRUE, FALSE)) {
  r <- suppressWarnings(chisq.test(tab(t), correct = cc))
  add("chisqTest", list(
    name = sprintf("%d/%d vs %d/%d", t[1], t[2], t[3], t[4]),
    call = sprintf("chisq.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2), correct = %s)", cc),
    x1 = t[1], n1 = t[2], x2 = t[3], n2 = t[4], sides = 2, better = "higher", continuityCorrection = cc,
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value, rMethod = r$method))
}

# ---------------------------------------------------------------- paired binary
# 2x2 of pairs: rows = treated site (success, failure), columns = control site.
# b = treated success & control failure = x[1, 2]; c = x[2, 1]. mcnemar.test has no
# alternative; one-sided values are pnorm of the signed root of its statistic,
# z = sign(b - c) * sqrt(X2), the same construction as prop.test(alternative =).
for (bc in discordant) for (a in alternatives) for (cc in c(TRUE, FALSE)) {
  b <- bc[1]; c <- bc[2]
  r <- mcnemar.test(matrix(c(10, c, b, 7), 2), correct = cc)
  X2 <- unname(r$statistic)
  p <- if (a$alternative == "two.sided") r$p.value else
    pnorm(sign(b - c) * sqrt(X2), lower.tail = (a$alternative == "less"))
  add("mcnemar", list(
    name = sprintf("b = %d, c = %d", b, c),
    call = if (a$alternative == "two.sided") sprintf("mcnemar.test(matrix(c(10, c, b, 7), 2), correct = %s)", cc) else
      sprintf("pnorm(sign(b - c) * sqrt(mcnemar.test(matrix(c(10, c, b, 7), 2), correct = %s)$statistic), lower.tail = %s)", cc, a$alternative == "less"),
    b = b, c = c, sides = a$sides, better = a$better, continuityCorrection = cc,
    statistic = X2, df = unname(r$parameter), pValue = p, rMethod = r$method))
}
for (bc in discordant) for (a in alternatives) {
  b <- bc[1]; c <- bc[2]
  r <- binom.test(b, b + c, p = 0.5, alternative = a$alternative)
  add("mcnemarExact", list(
    name = sprintf("b = %d, c = %d", b, c),
    call = sprintf("binom.test(b, b + c, p = 0.5, %s)", fmt_alt(a$alternative)),
    b = b, c = c, sides = a$sides, better = a$better,
    statistic = unname(r$statistic), pValue = r$p.value))
}
for (t in binomial) for (a in alternatives) {
  r <- binom.test(t[1], t[2], p = t[3], alternative = a$alternative)
  add("binomialExact", list(
    name = sprintf("%d of %d vs p = %s", t[1], t[2], t[3]),
    call = sprintf("binom.test(x, n, p = %s, %s)", t[3], fmt_alt(a$alternative)),
    x = t[1], n = t[2], nullValue = t[3], sides = a$sides, better = a$better,
    statistic = unname(r$statistic), pValue = r$p.value))
}

# ---------------------------------------------------------------- distribution tails
# Far tails check that one-sided p-values keep relative precision (no 1 - cdf).
for (td in list(c(3.2, 7), c(-2.1, 12.4), c(12, 8), c(-9.5, 3.7), c(40, 30), c(0.3, 1.5), c(-25, 60))) {
  t <- td[1]; df <- td[2]
  add("tTails", list(t = t, df = df, call = "pt(t, df); pt(t, df, lower.tail = FALSE); 2 * pt(-abs(t), df)",
                     lower = pt(t, df), upper = pt(t, df, lower.tail = FALSE), twoSided = 2 * pt(-abs(t), df)))
}
for (z in c(-0.4, 1.7, 3.9, 8.5, -12, 30)) {
  add("zTails", list(z = z, call = "pnorm(z); pnorm(z, lower.tail = FALSE); pchisq(z^2, 1, lower.tail = FALSE)",
                     lower = pnorm(z), upper = pnorm(z, lower.tail = FALSE),
                     twoSided = 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE)),
                     chisq1Upper = pchisq(z^2, 1, lower.tail = FALSE)))
}
for (mn in list(c(1, 1), c(3, 5), c(7, 6), c(10, 10), c(20, 35), c(49, 49), c(49, 12))) {
  m <- mn[1]; n <- mn[2]
  q <- unique(round(c(0, 1, m * n / 4, m * n / 2 - 1, m * n / 2, 3 * m * n / 4, m * n - 2, m * n)))
  q <- q[q >= 0 & q <= m * n]
  add("pwilcox", list(m = m, n = n, q = I(q), call = "pwilcox(q, m, n); pwilcox(q - 1, m, n, lower.tail = FALSE)",
                      lower = I(pwilcox(q, m, n)), upper = I(pwilcox(q - 1, m, n, lower.tail = FALSE))))
}
for (n in c(1, 2, 5, 12, 30, 49)) {
  mx <- n * (n + 1) / 2
  q <- unique(round(c(0, 1, mx / 4, mx / 2 - 1, mx / 2, 3 * mx / 4, mx - 2, mx)))
  q <- q[q >= 0 & q <= mx]
  add("psignrank", list(n = n, q = I(q), call = "psignrank(q, n); psignrank(q - 1, n, lower.tail = FALSE)",
                        lower = I(psignrank(q, n)), upper = I(psignrank(q - 1, n, lower.tail = FALSE))))
}

# ---------------------------------------------------------------- write
generator <- list(tool = "R", version = R.version.string, script = "scripts/reference/analysis-pvalues.R")
lines <- c("{", paste0("  \"generator\": ", to_json(generator), ","))
groups <- names(cases)
for (i in seq_along(groups)) {
  g <- groups[i]
  items <- vapply(cases[[g]], to_json, "")
  lines <- c(lines, paste0("  ", json_str(g), ": ["),
             paste0("    ", items, c(rep(",", length(items) - 1), "")),
             paste0("  ]", if (i < length(groups)) "," else ""))
}
lines <- c(lines, "}")
writeLines(lines, out_file)
cat(sprintf("wrote %s: %d cases (%s)\n", out_file, sum(lengths(cases)), R.version.string))
