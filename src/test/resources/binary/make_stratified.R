# Reference values for the stratified binary statistics (CochranMantelHaenszelTest, MantelHaenszel-
# Estimator, BreslowDayTest tests). R 4.2.2, metafor 3.8.1.
# Run: Rscript src/test/resources/binary/make_stratified.R > src/test/resources/binary/make_stratified.out
# Prints "dataset key value" lines, values with sprintf('%.17g').
# Tables are 2 x 2 x K arrays [arm = (treatment, control), outcome = (event, no event), stratum], so that
# x[1, 1, ] is the treatment arm's events and every odds ratio is treatment over control.
suppressMessages(library(metafor))
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
out <- function(set, key, v) cat(set, key, sprintf("%.17g", v), "\n")

# Breslow-Day test (uncorrected), written from Breslow and Day (1980), Statistical Methods in Cancer
# Research vol. 1, sec. 4.4, eq. 4.30: for each stratum the expected treatment-arm events A_k under the
# MH common odds ratio psi solve A (n_C - m_k + A) = psi (n_T - A)(m_k - A) (the root inside the
# margins), Var_k = 1 / (1/A + 1/(n_T - A) + 1/(m_k - A) + 1/(n_C - m_k + A)), BD = sum (a_k - A_k)^2 / Var_k,
# chi-squared on K - 1 df. Strata without events or without non-events (and one-arm strata) carry no
# information and are left out (as metafor's k.pos).
breslow_day <- function(x) {
  a <- x[1, 1, ]; nT <- x[1, 1, ] + x[1, 2, ]; nC <- x[2, 1, ] + x[2, 2, ]; m <- x[1, 1, ] + x[2, 1, ]
  N <- nT + nC
  psi <- sum(x[1, 1, ] * x[2, 2, ] / N) / sum(x[1, 2, ] * x[2, 1, ] / N)
  keep <- m > 0 & m < N & nT > 0 & nC > 0
  A <- mapply(function(nt, nc, mk) {
    lo <- max(0, mk - nc); hi <- min(nt, mk)
    f <- function(A) A * (nc - mk + A) - psi * (nt - A) * (mk - A)
    uniroot(f, c(lo, hi), tol = 1e-15)$root   # f(lo) <= 0 <= f(hi)
  }, nT[keep], nC[keep], m[keep])
  v <- 1 / (1 / A + 1 / (nT[keep] - A) + 1 / (m[keep] - A) + 1 / (nC[keep] - m[keep] + A))
  bd <- sum((a[keep] - A)^2 / v)
  c(statistic = bd, df = sum(keep) - 1, p = pchisq(bd, sum(keep) - 1, lower.tail = FALSE))
}

report <- function(set, x) {
  for (corr in c(TRUE, FALSE)) {
    t <- mantelhaen.test(x, correct = corr)
    k <- if (corr) "cmh_corrected" else "cmh_uncorrected"
    out(set, paste0(k, ".statistic"), t$statistic); out(set, paste0(k, ".df"), t$parameter)
    out(set, paste0(k, ".p"), t$p.value)
  }
  t <- mantelhaen.test(x)
  out(set, "mantelhaen.or", t$estimate)
  out(set, "mantelhaen.or_ci_low", t$conf.int[1]); out(set, "mantelhaen.or_ci_high", t$conf.int[2])
  ai <- x[1, 1, ]; bi <- x[1, 2, ]; ci <- x[2, 1, ]; di <- x[2, 2, ]
  for (m in c("RD", "RR", "OR")) {
    r <- suppressWarnings(rma.mh(ai = ai, bi = bi, ci = ci, di = di, measure = m))
    key <- paste0("rma.mh.", m)
    tr <- if (m == "RD") identity else exp
    out(set, paste0(key, ".estimate"), tr(r$beta)); out(set, paste0(key, ".se"), r$se)
    out(set, paste0(key, ".ci_low"), tr(r$ci.lb)); out(set, paste0(key, ".ci_high"), tr(r$ci.ub))
    out(set, paste0(key, ".z"), r$zval); out(set, paste0(key, ".p"), r$pval)
    if (m == "OR") {
      out(set, "rma.mh.tarone.statistic", r$TA); out(set, "rma.mh.tarone.df", r$k.pos - 1)
      out(set, "rma.mh.tarone.p", r$TAp)
      out(set, "rma.mh.breslow_day.statistic", r$BD); out(set, "rma.mh.breslow_day.p", r$BDp)
      out(set, "rma.mh.cmh_corrected.statistic", r$MH); out(set, "rma.mh.cmh_corrected.p", r$MHp)
    }
  }
  bd <- breslow_day(x)
  out(set, "breslow_day.statistic", bd["statistic"]); out(set, "breslow_day.df", bd["df"])
  out(set, "breslow_day.p", bd["p"])
}

# 1. UCBAdmissions (R datasets): strata Dept A-F, treatment = Female, control = Male, event = Admitted.
u <- UCBAdmissions
ucb <- array(0, c(2, 2, 6))
ucb[1, 1, ] <- u["Admitted", "Female", ]; ucb[1, 2, ] <- u["Rejected", "Female", ]
ucb[2, 1, ] <- u["Admitted", "Male", ];   ucb[2, 2, ] <- u["Rejected", "Male", ]
report("ucb", ucb)
for (k in 1:6) cat("ucb", "table", k, ucb[1, 1, k], ucb[1, 1, k] + ucb[1, 2, k], ucb[2, 1, k], ucb[2, 1, k] + ucb[2, 2, k], "\n")

# 2. synthetic_trial.csv (make_synthetic_trial.R): strata site x severity, Drug vs Placebo, event = response.
d <- read.csv(file.path(here, "synthetic_trial.csv"), stringsAsFactors = FALSE)
d$stratum <- paste(d$site, d$severity)
s <- sort(unique(d$stratum))
syn <- array(0, c(2, 2, length(s)))
for (k in seq_along(s)) {
  e <- d[d$stratum == s[k], ]
  syn[1, 1, k] <- sum(e$arm == "Drug" & e$response == 1); syn[1, 2, k] <- sum(e$arm == "Drug" & e$response == 0)
  syn[2, 1, k] <- sum(e$arm == "Placebo" & e$response == 1); syn[2, 2, k] <- sum(e$arm == "Placebo" & e$response == 0)
}
report("synthetic", syn)
for (k in seq_along(s)) cat("synthetic", "table", k, syn[1, 1, k], syn[1, 1, k] + syn[1, 2, k], syn[2, 1, k], syn[2, 1, k] + syn[2, 2, k], "\n")

# 3. Rabbits (example of ?mantelhaen.test, Bishop, Fienberg and Holland 1975): treatment = no delay,
# control = 1.5 h delay, event = cured. Stratum 1 has no cures, stratum 5 only cures (zero cells).
rab <- array(c(0, 0, 6, 5,  3, 0, 3, 6,  6, 2, 0, 4,  5, 6, 1, 0,  2, 5, 0, 0), dim = c(2, 2, 5))
report("rabbits", rab)

# 4. Zero cells of our own: a zero-event control arm, a double-zero stratum, an all-events arm and a
# stratum with the treatment arm only (5 participants, 2 events). R keeps the one-arm stratum, but
# every sum gets 0 from it; the values without it are printed as "zeros_dropped" and must be equal.
zer <- array(0, c(2, 2, 5))
tabs <- rbind(c(3, 10, 0, 10), c(0, 8, 0, 7), c(5, 12, 2, 11), c(4, 4, 3, 6), c(2, 5, 0, 0))
for (k in 1:5) zer[, , k] <- matrix(c(tabs[k, 1], tabs[k, 3], tabs[k, 2] - tabs[k, 1], tabs[k, 4] - tabs[k, 3]), 2)
report("zeros", zer)
report("zeros_dropped", zer[, , 1:4])
