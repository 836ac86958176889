# Reference values for ExtremeMagnitudeTest (issue 16, items 12, 13, 15).
# R 4.2.2, effectsize 0.8.3. Run: Rscript make_extreme_magnitudes.R > make_extreme_magnitudes.out
options(digits = 15)
library(effectsize)
cat("effectsize", format(packageVersion("effectsize")), "\n")
t2 <- c(1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4)   # datasets::sleep, group 2
t1 <- c(0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2)   # group 1
# 1. R's sd overflows (Inf) at 2^700 and underflows (0) at 2^-1000: the reference for trialstat, which
# scales by powers of two, is 2^k times R's value on the unscaled data (an exact identity).
for (k in c(0, 700, -1000)) {
  x <- t2 * 2^k
  cat(sprintf("scale 2^%d: mean %.17g sd %.17g; mean/2^k %.17g sd/2^k %.17g\n", k, mean(x), sd(x),
              mean(x) / 2^k, sd(x) / 2^k))
}
# 2. t tests on the unscaled data: a difference, SE and limits scale with the data, t/df/p do not.
for (eq in c(FALSE, TRUE)) {
  r <- t.test(t2, t1, var.equal = eq)
  cat(sprintf("t.test var.equal=%s: est %.17g se %.17g ci %.17g %.17g t %.17g df %.17g p %.17g\n", eq,
              unname(r$estimate[1] - r$estimate[2]), r$stderr, r$conf.int[1], r$conf.int[2],
              unname(r$statistic), unname(r$parameter), r$p.value))
}
d <- cohens_d(t2, t1); g <- hedges_g(t2, t1)
cat(sprintf("sleep cohens_d %.17g [%.17g, %.17g]; hedges_g %.17g [%.17g, %.17g]\n", d$Cohens_d, d$CI_low,
            d$CI_high, g$Hedges_g, g$CI_low, g$CI_high))
# 3. d intervals past the exact noncentral-t range: effectsize inverts pt, which for |ncp| > 37.62 or
# df > 4e5 is the normal approximation of Abramowitz and Stegun 26.7.10 (nmath pnt.c).
exact <- function(n, m, s) { z <- seq(-1, 1, length.out = n); m + s * (z - mean(z)) / sd(z) }
show <- function(label, x, y) {
  d <- cohens_d(x, y); g <- hedges_g(x, y)
  cat(sprintf("%s: n %d/%d mean %.17g/%.17g sd %.17g/%.17g\n  cohens_d %.17g [%.17g, %.17g]\n  hedges_g %.17g [%.17g, %.17g]\n",
              label, length(x), length(y), mean(x), mean(y), sd(x), sd(y), d$Cohens_d, d$CI_low, d$CI_high,
              g$Hedges_g, g$CI_low, g$CI_high))
}
show("n 500, sd 0.001, difference -10", exact(500, 0, 0.001), exact(500, 10, 0.001))
show("n 300000, sd 1, difference 0.1", exact(300000, 0.1, 1), exact(300000, 0, 1))
show("n 1000000, sd 10, difference -1", exact(1e6, -10, 10), exact(1e6, -9, 10))
