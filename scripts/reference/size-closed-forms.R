#!/usr/bin/env Rscript
# Reference values for trialsim's closed forms and sample-size search (test/fixtures/size/closed-forms-r.json).
#
#   Rscript scripts/reference/size-closed-forms.R        (from the repository root; R >= 4.2 with pwr)
#
# - noncentral t upper tails, stats::pt(q, df, ncp, lower.tail = FALSE), for src/engine/noncentral-t.ts
# - sample sizes from pwr::pwr.t.test / pwr::pwr.t2n.test and stats::power.prop.test (ceiling of the
#   continuous n that uniroot returns), for src/engine/closed-form.ts and src/engine/sample-size-search.ts
# - power curves over n from pwr::pwr.t.test, the reference the simulated searches are judged against
# - the Fleiss, Levin & Paik (2003) continuity-corrected two-proportion sample size (a formula; R has no
#   function for it), as a check of the implementation of the same formula
# Deterministic: no simulation.
suppressPackageStartupMessages(library(pwr))
# JSON writer (as in power-r.R; jsonlite is not installed): length-1 atomics -> scalars, vectors -> arrays,
# numbers with the shortest representation that round-trips.
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

alpha <- 0.05

nct <- list()
for (args in list(c(1.5, 10, 2), c(2, 200, 3.5), c(0.5, 3, -1), c(3, 5000, 2.9), c(2, 1, 1), c(2.5, 2, 0.5),
                  c(1.96, 150000, 2.8), c(1.9789706019906, 126, 2.8284271247462), c(0, 20, 1.3), c(4, 30, 0),
                  c(2.2, 40, 6), c(1.7, 7, -3), c(2.0, 2500, 2.0), c(1.98, 12000, 0.3))) {
  nct[[length(nct) + 1]] <- list(q = args[1], df = args[2], ncp = args[3],
                                 upper = pt(args[1], args[2], args[3], lower.tail = FALSE))
}

ceil_n <- function(n) ceiling(n - 1e-9)
sizes <- list()
# Leading dots in the formals: R would otherwise match the extra argument `d` partially to `description`.
add_size <- function(.id, .description, .source, .n, ...) {
  sizes[[length(sizes) + 1]] <<- c(list(id = .id, description = .description, source = .source,
                                        nContinuous = .n, n = ceil_n(.n)), list(...))
}
for (power in c(0.8, 0.9)) {
  add_size(sprintf("two-sample-d0.5-p%g", power), sprintf("two-sample t, d = 0.5, power %g: per arm", power),
           sprintf("pwr::pwr.t.test(d = 0.5, power = %g)$n", power),
           pwr.t.test(d = 0.5, power = power, sig.level = alpha)$n, d = 0.5, power = power, design = "two-sample")
  for (rho in c(0.5, 0.7)) {
    dz <- 0.5 / sqrt(2 * (1 - rho))
    add_size(sprintf("paired-rho%g-p%g", rho, power),
             sprintf("paired t, d = 0.5 on the between-patient SD, rho = %g (d_z = %.6f), power %g: pairs", rho, dz, power),
             sprintf("pwr::pwr.t.test(d = 0.5 / sqrt(2 * (1 - %g)), power = %g, type = \"paired\")$n", rho, power),
             pwr.t.test(d = dz, power = power, sig.level = alpha, type = "paired")$n, d = 0.5, rho = rho, dz = dz,
             power = power, design = "paired")
  }
  add_size(sprintf("one-sample-d0.4-p%g", power), sprintf("one-sample t, d = 0.4, power %g", power),
           sprintf("pwr::pwr.t.test(d = 0.4, power = %g, type = \"one.sample\")$n", power),
           pwr.t.test(d = 0.4, power = power, sig.level = alpha, type = "one.sample")$n, d = 0.4, power = power,
           design = "one-sample")
  pp <- power.prop.test(p1 = 0.895, p2 = 0.621, power = power, sig.level = alpha)$n
  add_size(sprintf("two-proportions-p%g", power), sprintf("two proportions 0.895 vs 0.621, no continuity correction, power %g: per arm", power),
           sprintf("stats::power.prop.test(p1 = 0.895, p2 = 0.621, power = %g)$n", power), pp,
           p1 = 0.895, p2 = 0.621, power = power, design = "two-proportions")
  # Fleiss, Levin & Paik (2003), eq. 4.14: n' = n/4 * (1 + sqrt(1 + 4 / (n * |p1 - p2|)))^2 for equal arms
  # (R has no function for it; the uncorrected n is power.prop.test's with strict = FALSE, the same formula).
  delta <- abs(0.895 - 0.621)
  add_size(sprintf("two-proportions-cc-p%g", power), sprintf("two proportions 0.895 vs 0.621, Fleiss continuity correction, power %g: per arm", power),
           "Fleiss, Levin & Paik (2003) eq. 4.14 applied to stats::power.prop.test's n", pp / 4 * (1 + sqrt(1 + 4 / (pp * delta)))^2,
           p1 = 0.895, p2 = 0.621, power = power, design = "two-proportions-cc")
}

# Minimum detectable effects (SD = 1, so the effect is d): pwr solves for d at a fixed n.
effects <- list(
  list(id = "two-sample-n35-p0.8", description = "two-sample t, 35 per arm, power 0.8: smallest d",
       source = "pwr::pwr.t.test(n = 35, power = 0.8)$d", n = 35, power = 0.8, design = "two-sample",
       effect = pwr.t.test(n = 35, power = 0.8, sig.level = alpha)$d),
  list(id = "paired-n30-rho0.5-p0.9", description = "paired t, 30 pairs, rho = 0.5 (SD of differences 1), power 0.9: smallest d",
       source = "pwr::pwr.t.test(n = 30, power = 0.9, type = \"paired\")$d", n = 30, power = 0.9, design = "paired", rho = 0.5,
       effect = pwr.t.test(n = 30, power = 0.9, sig.level = alpha, type = "paired")$d)
)

t2n <- list()
for (args in list(c(20, 30, 0.6), c(33, 67, 0.5), c(10, 40, 1.0))) {
  t2n[[length(t2n) + 1]] <- list(n1 = args[1], n2 = args[2], d = args[3],
                                 power = pwr.t2n.test(n1 = args[1], n2 = args[2], d = args[3], sig.level = alpha)$power,
                                 source = "pwr::pwr.t2n.test")
}

curve <- function(ns, d, type) vapply(ns, function(n) pwr.t.test(n = n, d = d, sig.level = alpha, type = type)$power, 0)
curves <- list(
  list(id = "two-sample-d0.5", description = "two-sample t, d = 0.5: power by n per arm",
       source = "pwr::pwr.t.test(n, d = 0.5)$power", n = 2:160, power = curve(2:160, 0.5, "two.sample")),
  list(id = "paired-rho0.5", description = "paired t, d_z = 0.5 (rho = 0.5): power by pairs",
       source = "pwr::pwr.t.test(n, d = 0.5, type = \"paired\")$power", n = 2:80, power = curve(2:80, 0.5, "paired")),
  list(id = "paired-rho0.7", description = "paired t, d_z = 0.5/sqrt(0.6) (rho = 0.7): power by pairs",
       source = "pwr::pwr.t.test(n, d = 0.5 / sqrt(0.6), type = \"paired\")$power", n = 2:80,
       power = curve(2:80, 0.5 / sqrt(0.6), "paired"))
)

out <- list(
  generator = list(
    tool = sprintf("R %s.%s / pwr %s", R.version$major, R.version$minor, packageVersion("pwr")),
    script = "scripts/reference/size-closed-forms.R",
    method = paste("Closed-form power and sample size: stats::pt with ncp, pwr::pwr.t.test / pwr.t2n.test (n from uniroot,",
                   "rounded up), stats::power.prop.test, and the Fleiss continuity correction applied to it. alpha = 0.05 two-sided.")
  ),
  alpha = alpha,
  noncentralT = nct,
  sampleSizes = sizes,
  t2nPower = t2n,
  effects = effects,
  powerCurves = curves
)
writeLines(to_json(out), "test/fixtures/size/closed-forms-r.json", useBytes = TRUE)
cat("wrote test/fixtures/size/closed-forms-r.json\n")
