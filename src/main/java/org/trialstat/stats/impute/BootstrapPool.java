package org.trialstat.stats.impute;

import java.util.Arrays;
import org.trialstat.model.BootstrapInterval;

/**
 * Inference from B bootstrap estimates of conditional mean imputation, as rbmi's {@code pool} for
 * {@code method_condmean(type = "bootstrap")} (rbmi vignette {@code stat_specs}, section 3.8; Wolbers et
 * al. 2022, appendix; Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap, chapters 6 and 13).
 * The point estimate is always the one from the original data.
 * <ul>
 * <li>{@link BootstrapInterval#NORMAL}: SE = the standard deviation of the bootstrap estimates (divisor B
 * - 1), interval estimate +/- z SE, p two-sided from the normal distribution.</li>
 * <li>{@link BootstrapInterval#PERCENTILE} (rbmi's default): the interval is the alpha/2 and 1 - alpha/2
 * sample quantiles of the bootstrap estimates by R's {@code quantile(type = 6)}: with x_(1) &lt;= ... &lt;=
 * x_(B), h = (B + 1) q, j = floor(h), Q(q) = x_(j) + (h - j)(x_(j+1) - x_(j)), x_(1) below j = 1 and x_(B)
 * from j = B. p inverts the interval: with q0 the probability at which Q(q0) = 0, p = min(1, 2 min(q0, 1 -
 * q0)); p = 0 when every estimate has the same sign and is not 0, 1 when all are 0; when some estimates are
 * exactly 0, q0 runs over their ranks / (B + 1) as rbmi does. rbmi finds q0 with {@code uniroot}
 * (tolerance about 1e-4 in q0); here it is the exact root of the linear piece, so p can differ from rbmi's
 * in the fourth decimal. No SE (NaN).</li>
 * </ul>
 */
final class BootstrapPool {

  private BootstrapPool() {
  }

  /**
   * Pools.
   *
   * @param original the estimate from the original data
   * @param boot     the B bootstrap estimates
   * @param type     percentile or normal
   * @param level    confidence level
   */
  static RubinsRules.Pooled pool(double original, double[] boot, BootstrapInterval type, double level) {
    int b = boot.length;
    if (type == BootstrapInterval.NORMAL) {
      double mean = Arrays.stream(boot).sum() / b;
      double ss = 0;
      for (double e : boot) {
        ss += (e - mean) * (e - mean);
      }
      return RubinsRules.Pooled.t(original, Math.sqrt(ss / (b - 1)), Double.POSITIVE_INFINITY, level);
    }
    double[] x = boot.clone();
    Arrays.sort(x);
    double alpha = 1 - level;
    return new RubinsRules.Pooled(original, Double.NaN, Double.NaN, quantile6(x, alpha / 2),
        quantile6(x, 1 - alpha / 2), percentileP(x));
  }

  /** R's {@code quantile(x, q, type = 6)} of sorted x. */
  static double quantile6(double[] x, double q) {
    int n = x.length;
    double h = (n + 1) * q;
    double fuzz = 4 * Math.ulp(1.0);
    int j = (int) Math.floor(h + fuzz);
    double g = Math.abs(h - j) < fuzz ? 0 : h - j;
    if (j < 1) {
      return x[0];
    }
    if (j >= n) {
      return x[n - 1];
    }
    return g <= 0 ? x[j - 1] : (1 - g) * x[j - 1] + g * x[j];
  }

  /** rbmi's {@code pval_percentile}, two-sided, for sorted x. */
  static double percentileP(double[] x) {
    int n = x.length;
    if (x[0] == 0 && x[n - 1] == 0) {
      return 1;
    }
    if (x[0] > 0 || x[n - 1] < 0) {
      return 0;
    }
    double below;
    double above;
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (x[i] == 0) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first >= 0) {
      below = (first + 1.0) / (n + 1);
      above = 1 - (last + 1.0) / (n + 1);
    } else {
      int j = 0;
      while (x[j + 1] < 0) {
        j++;
      }
      double h = (j + 1) + (0 - x[j]) / (x[j + 1] - x[j]);
      below = h / (n + 1);
      above = 1 - below;
    }
    return Math.min(1, 2 * Math.min(below, above));
  }
}
