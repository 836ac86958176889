# The CMH continuity correction at its boundary |Delta| = 1/2 (StratifiedPropertiesTest.knownSwapCounterexample,
# StratifiedBinaryAnalysisTest.continuityCorrectionAtTheBoundary). R 4.2.2.
# Run: Rscript src/test/resources/binary/make_cmh_boundary.R > src/test/resources/binary/make_cmh_boundary.out
# Strata (treatment events/n vs control events/n): (2/2 vs 0/1) and (0/7 vs 5/23). Tables are 2 x 2 x K
# arrays [arm = (treatment, control), outcome = (event, no event), stratum], as make_stratified.R.
# Delta = sum_k (a_k - nT_k m1_k / N_k) = (2 - 4/3) + (0 - 35/30) = 2/3 - 7/6 = -1/2 exactly (rational
# arithmetic below), so the corrected statistic is (|Delta| - 1/2)^2 / V = 0 and p = 1 in either arm order.
# mantelhaen.test sums the terms in floating point and decides abs(DELTA) >= .5 on the rounded sum: in one
# arm order the sum is >= 1/2 (statistic 0), in the other just below (no correction, statistic 1 / (4 V)).
out <- function(set, key, v) cat(set, key, sprintf("%.17g", v), "\n")
mk <- function(a, nT, c, nC) c(a, c, nT - a, nC - c)
given   <- array(c(mk(2, 2, 0, 1), mk(0, 7, 5, 23)), dim = c(2, 2, 2))
swapped <- array(c(mk(0, 1, 2, 2), mk(5, 23, 0, 7)), dim = c(2, 2, 2))
for (set in c("given", "swapped")) {
  x <- get(set)
  n <- apply(x, 3, sum)
  delta <- sum(x[1, 1, ] - apply(x, c(1, 3), sum)[1, ] * apply(x, c(2, 3), sum)[1, ] / n)
  out(set, "delta_floating", delta)
  out(set, "delta_floating_minus_half", abs(delta) - 0.5)
  r <- mantelhaen.test(x, correct = TRUE)
  out(set, "cmh_corrected.statistic", r$statistic)
  out(set, "cmh_corrected.p", r$p.value)
  cat(set, "cmh_corrected.method", r$method, "\n")
  u <- mantelhaen.test(x, correct = FALSE)
  out(set, "cmh_uncorrected.statistic", u$statistic)
  out(set, "cmh_uncorrected.p", u$p.value)
}
# Exact Delta: numerators a_k N_k - nT_k m1_k over N_k, summed with a common denominator (integers).
num <- c(2 * 3 - 2 * 2, 0 * 30 - 7 * 5); den <- c(3, 30)
out("exact", "delta_times_30", sum(num * (30 / den)))
# The exact corrected statistic and p: 0 and 1.
out("exact", "cmh_corrected.statistic", 0)
out("exact", "cmh_corrected.p", pchisq(0, 1, lower.tail = FALSE))
