# Independent reference for trialstat's pooling of imputation results (stats.impute.RubinsRules and
# BootstrapPool), on fixed numbers. Run from the project root:
#   Rscript src/test/resources/impute/make_pool.R > src/test/resources/impute/make_pool.out
# Rubin's rules with Barnard-Rubin (1999) df: mice::pool.scalar (mice 3.15, Debian r-cran-mice), whose
# df is mice:::barnard.rubin(m, b, t, dfcom = n - k). Bootstrap percentile interval: R's
# quantile(type = 6); its p value inverts the interval as rbmi's pool does (uniroot on the type-6
# quantile function, tightened here to tol 1e-12); normal interval: sd() with qnorm/pnorm.
library(mice)
est <- c(-2.31, -1.87, -2.52, -2.05, -1.66, -2.74, -2.12, -1.95, -2.40, -2.21)
se <- c(0.84, 0.88, 0.81, 0.86, 0.90, 0.83, 0.85, 0.87, 0.82, 0.86)
for (n in c(172, Inf)) {
  r <- pool.scalar(Q = est, U = se^2, n = n, k = 3)
  q <- if (is.finite(r$df)) qt(0.975, r$df) else qnorm(0.975)
  p <- 2 * (if (is.finite(r$df)) pt(-abs(r$qbar / sqrt(r$t)), r$df) else pnorm(-abs(r$qbar / sqrt(r$t))))
  cat(sprintf("rubin dfcom %s: est %.10f se %.10f df %.10f lower %.10f upper %.10f p %.10f\n", format(n - 3),
              r$qbar, sqrt(r$t), r$df, r$qbar - q * sqrt(r$t), r$qbar + q * sqrt(r$t), p))
}
boot <- c(-1.92, -2.64, -0.31, -2.08, -1.45, -3.10, -2.27, 0.42, -1.76, -2.55,
          -1.18, -2.96, -2.01, -0.87, -1.63, -2.39, -3.41, -1.34, -2.12, 0.15)
orig <- -2.0
ci <- quantile(boot, c(0.025, 0.975), type = 6, names = FALSE)
x <- uniroot(function(q) quantile(boot, probs = q, type = 6) , lower = 0, upper = 1, tol = 1e-12)$root
cat(sprintf("percentile: lower %.10f upper %.10f p %.10f\n", ci[1], ci[2], min(1, 2 * min(x, 1 - x))))
ci90 <- quantile(boot, c(0.05, 0.95), type = 6, names = FALSE)
cat(sprintf("percentile 0.90: lower %.10f upper %.10f\n", ci90[1], ci90[2]))
s <- sd(boot)
cat(sprintf("normal: se %.10f lower %.10f upper %.10f p %.10f\n", s, orig - qnorm(0.975) * s, orig + qnorm(0.975) * s,
            2 * pnorm(-abs(orig / s))))
# Binary endpoints per completed data set (stats.impute.ImputedBinary): Wald risk difference and Woolf log
# odds ratio of a 2 x 2 table, written out from their textbook formulas (Agresti 2013, Categorical Data
# Analysis, 3rd ed., sections 3.1.2-3.1.4), 0.5 added to every cell of a table with a zero cell.
wald <- function(a, n1, c, n0) {
  p1 <- a / n1; p0 <- c / n0
  cells <- c(a, n1 - a, c, n0 - c)
  if (any(cells == 0)) cells <- cells + 0.5
  cat(sprintf("table %d/%d vs %d/%d: rd %.10f se %.10f logor %.10f se %.10f\n", a, n1, c, n0, p1 - p0,
              sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0), log(cells[1] * cells[4] / (cells[2] * cells[3])),
              sqrt(sum(1 / cells))))
}
wald(27, 44, 12, 46)
wald(5, 30, 0, 31)
# antidepressant_data (../shared/rbmi) at visit 4, where no value is missing, so that every imputation is
# the observed data and Rubin's rules return the complete-data analysis: response = drop of >= 50% of the
# baseline HAMD17 (100 * -CHANGE >= 50 * BASVAL), remission = HAMD17 (BASVAL + CHANGE) <= 7; DRUG vs PLACEBO
d <- read.csv("../shared/rbmi/antidepressant_data.csv")
v4 <- d[d$VISIT == 4, ]
stopifnot(length(unique(d$PATIENT)) == nrow(v4))
for (ep in c("response", "remission")) {
  ev <- if (ep == "response") 100 * -v4$CHANGE >= 50 * v4$BASVAL else v4$BASVAL + v4$CHANGE <= 7
  a <- sum(ev[v4$THERAPY == "DRUG"]); n1 <- sum(v4$THERAPY == "DRUG")
  c <- sum(ev[v4$THERAPY == "PLACEBO"]); n0 <- sum(v4$THERAPY == "PLACEBO")
  cat(ep, "visit 4: "); wald(a, n1, c, n0)
}
