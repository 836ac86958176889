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
