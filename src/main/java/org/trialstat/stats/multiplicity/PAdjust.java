package org.trialstat.stats.multiplicity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p values of a family of m tests, one constant per method, the definitions of R's
 * {@code stats::p.adjust} (R 4.2.2, src/library/stats/R/p.adjust.R) with its default {@code n = length(p)}:
 * a NaN p value stays NaN and does not count in m (R evaluates its default n after removing the
 * {@code NA}s), so m is the number of tests that could be computed.
 *
 * <p>With p_(1) &lt;= ... &lt;= p_(k) the k non-NaN p values sorted and m &gt;= k the family size:
 * <ul>
 * <li>Bonferroni: min(1, m p_i).</li>
 * <li>Holm (1979, Scand J Statist 6:65-70): p~_(i) = min(1, max_{j &lt;= i} (m - j + 1) p_(j)).</li>
 * <li>Hochberg (1988, Biometrika 75:800-802): p~_(i) = min(1, min_{j &gt;= i} (m - j + 1) p_(j)).</li>
 * <li>Hommel (1988, Biometrika 75:383-386), by R's algorithm (Wright 1992, Biometrics 48:1005-1013):
 * the missing m - k p values taken as 1; for m = 2 R uses Hochberg, which is then identical.</li>
 * </ul>
 * A family of one (m = 1) returns its p value unchanged, as R. The constants are immutable.
 */
public enum PAdjust {
  /** Bonferroni. */
  BONFERRONI {
    @Override
    double[] sorted(double[] p, int m) {
      double[] out = new double[p.length];
      for (int i = 0; i < p.length; i++) {
        out[i] = Math.min(1, m * p[i]);
      }
      return out;
    }
  },
  /** Holm step-down. */
  HOLM {
    @Override
    double[] sorted(double[] p, int m) {
      return cumulative(p, m, true);
    }
  },
  /** Hochberg step-up. */
  HOCHBERG {
    @Override
    double[] sorted(double[] p, int m) {
      return cumulative(p, m, false);
    }
  },
  /** Hommel. */
  HOMMEL {
    @Override
    double[] sorted(double[] observed, int m) {
      if (m == 2) {
        return HOCHBERG.sorted(observed, m);
      }
      int k = observed.length;
      double[] p = Arrays.copyOf(observed, m);
      Arrays.fill(p, k, m, 1); // R: p <- c(p, rep.int(1, n - lp)); still sorted
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        min = Math.min(min, m * p[i] / (i + 1));
      }
      double[] q = new double[m];
      double[] pa = new double[m];
      Arrays.fill(q, min);
      Arrays.fill(pa, min);
      for (int j = m - 1; j >= 2; j--) {
        // R: i1 <- seq_len(n - j + 1); i2 <- (n - j + 2):n; q1 <- min(j * p[i2] / (2:j))
        int n1 = m - j + 1;
        double q1 = Double.POSITIVE_INFINITY;
        for (int i = n1; i < m; i++) {
          q1 = Math.min(q1, j * p[i] / (i - n1 + 2));
        }
        for (int i = 0; i < n1; i++) {
          q[i] = Math.min(j * p[i], q1);
        }
        for (int i = n1; i < m; i++) {
          q[i] = q[n1 - 1];
        }
        for (int i = 0; i < m; i++) {
          pa[i] = Math.max(pa[i], q[i]);
        }
      }
      double[] out = new double[k];
      for (int i = 0; i < k; i++) {
        out[i] = Math.max(pa[i], p[i]);
      }
      return out;
    }
  };

  /**
   * min(1, (m - i) p_(i)) made monotone: its running maximum from the smallest p (Holm, step-down) or its
   * running minimum from the largest (Hochberg, step-up); i 0-based.
   */
  private static double[] cumulative(double[] p, int m, boolean down) {
    double[] out = new double[p.length];
    double run = down ? 0 : Double.POSITIVE_INFINITY;
    for (int k = 0; k < p.length; k++) {
      int i = down ? k : p.length - 1 - k;
      run = down ? Math.max(run, (m - i) * p[i]) : Math.min(run, (m - i) * p[i]);
      out[i] = Math.min(1, run);
    }
    return out;
  }

  /** The adjusted values of the sorted non-NaN p values, m the family size. */
  abstract double[] sorted(double[] p, int m);

  /**
   * The adjusted p values, in the order given.
   *
   * @param p the family's p values, NaN where a test could not be computed (it does not count in m)
   * @return adjusted p values, NaN where p is NaN
   * @throws IllegalArgumentException when a p value is outside [0, 1]
   */
  public double[] adjust(double[] p) {
    int m = (int) java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
    for (double v : p) {
      if (v < 0 || v > 1) {
        throw new IllegalArgumentException("p value outside [0, 1]: " + v);
      }
    }
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i)).toArray(Integer[]::new);
    if (m <= 1) {
      return p.clone();
    }
    double[] s = new double[order.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = p[order[i]];
    }
    double[] adj = sorted(s, m);
    for (int i = 0; i < s.length; i++) {
      out[order[i]] = adj[i];
    }
    return out;
  }
}
