package org.trialstat.stats.mmrm;

/**
 * E = sum_i r_i r_i' of a pattern's residuals r = y - X beta, and the cross products H_ab with its design
 * rows ({@link Pattern#residualProducts(double[], double[])}), over the coded rows of {@link SubjectRows}.
 */
final class ResidualProducts {

  private ResidualProducts() {
  }

  /**
   * E = sum_i r_i r_i' of the residuals r = y - X beta (and the cross products H_ab, see
   * {@link Pattern#residualProducts(double[], double[])}), in one pass over the subjects without keeping
   * the residuals. With finite rows and beta, r_ia subtracts only the products of the nonzero entries:
   * the terms left out are zeros, which can change only the sign of a residual that is zero (from an
   * outcome of -0.0), and that sign does not reach E or H, whose sums start at +0.0 and take it only in
   * products that are zeros ({@link ZeroSkip}). When the observations outnumber the distinct rows four
   * times or more (a large trial on an integer scale), each product x_dj beta_j is computed once per
   * distinct row and subtracted from there: the same products in the same order.
   *
   * @param h null, or m m p zeros for H
   * @param columns the pattern's distinct columns when h is not null
   */
  static double[] of(SubjectRows s, double[] y, double[] beta, double[] h, CrossProducts columns) {
    int m = s.m;
    int p = s.p;
    int n = s.n;
    int[] code = s.code;
    int[][] nonzero = s.nonzero;
    boolean sparse = s.finite && ZeroSkip.allFinite(beta);
    double[] x = s.rows;
    double[] e = new double[m * m];
    double[] r = new double[m];
    double[] sums = h == null ? null : columns.sums();
    // with many observations per distinct row, each product x_dj beta_j is computed once per row
    int distinct = nonzero.length;
    int[] at = sparse && 4L * distinct < (long) n * m ? s.entryOffsets() : null;
    double[] fitted = at == null ? null : new double[at[distinct]];
    if (fitted != null) {
      for (int d = 0; d < distinct; d++) {
        int[] nz = nonzero[d];
        for (int u = 0; u < nz.length; u++) {
          fitted[at[d] + u] = x[d * p + nz[u]] * beta[nz[u]];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < m; a++) {
        int ra = code[i * m + a];
        int o = ra * p;
        double v = y[i * m + a];
        if (fitted != null) {
          for (int u = at[ra], end = at[ra + 1]; u < end; u++) {
            v -= fitted[u];
          }
        } else if (sparse) {
          for (int j : nonzero[ra]) {
            v -= x[o + j] * beta[j];
          }
        } else {
          for (int j = 0; j < p; j++) {
            v -= x[o + j] * beta[j];
          }
        }
        r[a] = v;
      }
      addOuter(r, m, e);
      if (h != null) {
        columns.add(i, code, x, r, 0, sums);
      }
    }
    if (h != null) {
      columns.spread(sums, h);
    }
    return mirror(e, m);
  }

  /**
   * e += r r', upper triangle only: e_ab and e_ba add the same products (r_a r_b = r_b r_a exactly) in
   * the same order, so {@link #mirror} completes E bit for bit.
   */
  private static void addOuter(double[] r, int m, double[] e) {
    for (int a = 0; a < m; a++) {
      double ra = r[a];
      for (int b = a; b < m; b++) {
        e[a * m + b] += ra * r[b];
      }
    }
  }

  /** Copies the upper triangle of the m x m matrix e into the lower; returns e. */
  private static double[] mirror(double[] e, int m) {
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < a; b++) {
        e[a * m + b] = e[b * m + a];
      }
    }
    return e;
  }
}
