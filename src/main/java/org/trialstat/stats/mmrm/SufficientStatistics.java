package org.trialstat.stats.mmrm;

import java.util.Arrays;

/**
 * The sufficient statistics of a missingness pattern ({@link Pattern}): for visits a &lt;= b of the
 * pattern, G_aa = sum_i x_ia x_ia' and, for a &lt; b, G_ab + G_ab' (x_ia: subject i's design row at visit
 * a), p x p each, accumulated over the nonzero entries of the design rows only (indicator columns are
 * mostly zero).
 *
 * <p>Two ways to the same bits. In general the products are added subject by subject, in subject order.
 * When every entry of the design rows is an integer and 2 n max|x|^2 &lt; 2^53 (arm and visit indicators,
 * an integer baseline score: the common case), every product and every partial sum is an integer that a
 * double holds exactly, so the sum does not depend on the order or grouping of its terms: then the
 * subjects are counted per pair of design-row codes (x_ia, x_ib), and each distinct pair's product is
 * added once, times its count. That replaces n p^2-sized updates per pair of visits with n counter
 * increments and one update per distinct pair (a million participants: a few hundred distinct rows).
 */
final class SufficientStatistics {

  /** 2^53: below it every integer is a double. */
  private static final double EXACT = 9.007199254740992E15;

  private SufficientStatistics() {
  }

  /**
   * The statistics, {@code g[a * m + b]} for a &lt;= b.
   *
   * @param code the design-row code of each observation, subject i's visit a at {@code i * m + a}
   * @param rows the distinct design rows, p values each
   */
  static double[][] of(int m, int p, int n, int[] code, double[] rows) {
    return of(m, p, n, code, rows, true);
  }

  /** As above; {@code mayCount} false keeps to the subject-by-subject sums (for tests). */
  static double[][] of(int m, int p, int n, int[] code, double[] rows, boolean mayCount) {
    return of(m, p, n, code, rows, nonzeros(rows, p), mayCount);
  }

  /** As above, with the nonzero columns of each distinct row ({@link #nonzeros}). */
  static double[][] of(int m, int p, int n, int[] code, double[] rows, int[][] nonzero, boolean mayCount) {
    int distinct = rows.length / Math.max(p, 1);
    boolean counted = mayCount && exactInIntegers(rows, n) && (long) distinct * distinct <= 4L * n + 1024;
    int[] count = counted ? new int[distinct * distinct] : null;
    double[][] g = new double[m * m][];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double[] gab = new double[p * p];
        if (counted) {
          Arrays.fill(count, 0);
          for (int i = 0; i < n; i++) {
            count[code[i * m + a] * distinct + code[i * m + b]]++;
          }
          for (int pair = 0; pair < count.length; pair++) {
            if (count[pair] != 0) {
              add(gab, rows, p, nonzero, pair / distinct, pair % distinct, count[pair]);
            }
          }
        } else {
          for (int i = 0; i < n; i++) {
            add(gab, rows, p, nonzero, code[i * m + a], code[i * m + b], 1);
          }
        }
        if (a != b) {
          for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
              double s = gab[j * p + k] + gab[k * p + j];
              gab[j * p + k] = s;
              gab[k * p + j] = s;
            }
          }
        }
        g[a * m + b] = gab;
      }
    }
    return g;
  }

  /** gab += times * x_ra x_rb' over the nonzero entries (times 1 multiplies exactly: the product itself). */
  private static void add(double[] gab, double[] x, int p, int[][] nonzero, int ra, int rb, int times) {
    for (int j : nonzero[ra]) {
      double xa = times * x[ra * p + j];
      for (int k : nonzero[rb]) {
        gab[j * p + k] += xa * x[rb * p + k];
      }
    }
  }

  /** The columns of each distinct row (p values each) whose entry is not zero, ascending. */
  static int[][] nonzeros(double[] rows, int p) {
    int distinct = rows.length / Math.max(p, 1);
    int[][] nz = new int[distinct][];
    int[] buf = new int[p];
    for (int d = 0; d < distinct; d++) {
      int c = 0;
      for (int j = 0; j < p; j++) {
        if (rows[d * p + j] != 0) {
          buf[c++] = j;
        }
      }
      nz[d] = Arrays.copyOf(buf, c);
    }
    return nz;
  }

  /** Whether every entry is an integer and the sums of n products (doubled) stay below 2^53. */
  private static boolean exactInIntegers(double[] rows, int n) {
    double max = 0;
    for (double v : rows) {
      if (v != Math.rint(v)) { // also false for NaN and the infinities
        return false;
      }
      max = Math.max(max, Math.abs(v));
    }
    return 2.0 * n * max * max < EXACT;
  }
}
