package org.trialstat.stats.mmrm;

/**
 * The subjects sharing one missingness pattern (the same set of observed visits): their design rows and
 * outcomes, stored contiguously, plus (when the pattern holds enough subjects) the sufficient
 * statistics G_ab = sum_i x_ia x_ib' that make X' A X independent of the number of subjects.
 *
 * <p>Layout: subject i, local visit a, column j at {@code rows[code[i * m + a] * p + j]}: each observation
 * holds the code of its design row in a dictionary of the distinct rows ({@link DesignRows}, shared by the
 * patterns of a design), so memory is 4 bytes per observation plus the distinct rows instead of 8p bytes
 * per observation, and every sum below adds the same numbers in the same order as with the rows stored
 * one per observation. Outcome at {@code y[i * m + a]}. Within a pattern every subject has the same m x m covariance block, so its
 * Cholesky factor and inverse are computed once per pattern and per likelihood evaluation.
 */
final class Pattern {

  /** Global visit indices of the pattern, ascending. */
  final int[] visits;
  /** Covariance group of the pattern's subjects (0 without groups; SAS REPEATED / GROUP=). */
  final int group;
  final int m;
  final int p;
  final int n;
  /** The design row code of each observation (layout of y). */
  private final int[] code;
  /** The distinct design rows, p values each. */
  private final double[] rows;
  /** The columns of each distinct row whose entry is not zero ({@link SufficientStatistics}). */
  private final int[][] nonzero;
  /**
   * The distinct columns for the cross products, found on first use; immutable, so that threads racing
   * to set it only compute the same one twice (the single-check idiom).
   */
  private CrossProducts columns;
  final double[] y;
  /** Sufficient statistics, or null: for a &lt;= b, {@code g[a * m + b]} = G_aa or G_ab + G_ab'. */
  private final double[][] g;

  Pattern(int[] visits, int p, int n, double[] x, double[] y) {
    this(visits, 0, p, n, x, y);
  }

  /** The subjects of covariance group {@code group} with this pattern, design rows one per observation. */
  Pattern(int[] visits, int group, int p, int n, double[] x, double[] y) {
    this(visits, group, p, n, DesignRows.codeAll(x, p), y);
  }

  private Pattern(int[] visits, int group, int p, int n, DesignRows.Coded x, double[] y) {
    this(visits, group, p, n, x.codes(), x.rows().values(), y);
  }

  /**
   * The subjects of covariance group {@code group} with this pattern.
   *
   * @param code the design row of each observation (layout of y), as a code into {@code rows}
   * @param rows the distinct design rows, p values each (not copied)
   */
  Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, double[] y) {
    this(visits, group, p, n, code, rows, SufficientStatistics.nonzeros(rows, p), y);
  }

  /**
   * As above, with the nonzero columns of each distinct row ({@link SufficientStatistics#nonzeros}, shared
   * by the patterns of a design).
   */
  Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, int[][] nonzero, double[] y) {
    // Statistics cost m(m+1)/2 p^2 per use against n (m^2 p + m p^2) for the raw rows, so they pay off
    // from a handful of subjects; they take (m+1) p / (2n) times the memory of the rows: allow 8 times.
    // At most 4e6 doubles (32 MB) of statistics per pattern, so that wide designs stay in bounded memory.
    this(visits, group, p, n, code, rows, nonzero, y, (long) n * 16 >= (long) (visits.length + 1) * p
        && (long) visits.length * (visits.length + 1) / 2 * p * p <= 4_000_000L);
  }

  /** As above, choosing explicitly whether to keep the sufficient statistics (for tests). */
  Pattern(int[] visits, int p, int n, double[] x, double[] y, boolean statistics) {
    this(visits, 0, p, n, DesignRows.codeAll(x, p), y, statistics);
  }

  private Pattern(int[] visits, int group, int p, int n, DesignRows.Coded x, double[] y, boolean statistics) {
    this(visits, group, p, n, x.codes(), x.rows().values(), y, statistics);
  }

  private Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, double[] y, boolean statistics) {
    this(visits, group, p, n, code, rows, SufficientStatistics.nonzeros(rows, p), y, statistics);
  }

  private Pattern(int[] visits, int group, int p, int n, int[] code, double[] rows, int[][] nonzero, double[] y,
      boolean statistics) {
    this.visits = visits;
    this.group = group;
    this.m = visits.length;
    this.p = p;
    this.n = n;
    this.code = code;
    this.rows = rows;
    this.nonzero = nonzero;
    this.y = y;
    g = statistics ? SufficientStatistics.of(m, p, n, code, rows, nonzero, true) : null;
  }

  /** out += sum_i X_i' A X_i for a symmetric m x m matrix A. */
  void addXtAX(double[] a, double[] out) {
    if (g != null) {
      for (int r = 0; r < m; r++) {
        for (int c = r; c < m; c++) {
          double coef = a[r * m + c];
          if (coef == 0) {
            continue;
          }
          double[] gab = g[r * m + c];
          for (int t = 0; t < gab.length; t++) {
            out[t] += coef * gab[t];
          }
        }
      }
      return;
    }
    double[] x = rows;
    double[] w = new double[m * p];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(w, 0);
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < m; c++) {
          double arc = a[r * m + c];
          if (arc == 0) {
            continue;
          }
          int oc = row(i, c);
          for (int k = 0; k < p; k++) {
            w[r * p + k] += arc * x[oc + k];
          }
        }
      }
      for (int r = 0; r < m; r++) {
        int or = row(i, r);
        for (int j = 0; j < p; j++) {
          double xj = x[or + j];
          if (xj == 0) {
            continue;
          }
          for (int k = 0; k < p; k++) {
            out[j * p + k] += xj * w[r * p + k];
          }
        }
      }
    }
  }

  /** out += sum_i X_i' A v_i for a symmetric m x m matrix A and per-subject vectors v (layout of y). */
  void addXtAv(double[] a, double[] v, double[] out) {
    double[] x = rows;
    double[] av = new double[m];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < m; r++) {
        double s = 0;
        for (int c = 0; c < m; c++) {
          s += a[r * m + c] * v[i * m + c];
        }
        av[r] = s;
      }
      for (int r = 0; r < m; r++) {
        int or = row(i, r);
        double ar = av[r];
        for (int j = 0; j < p; j++) {
          out[j] += x[or + j] * ar;
        }
      }
    }
  }

  /** The m x m matrix sum_i X_i M X_i' for a symmetric p x p matrix M. */
  double[] xmx(double[] mm) {
    double[] t = new double[m * m];
    if (g != null) {
      for (int a = 0; a < m; a++) {
        for (int b = a; b < m; b++) {
          double[] gab = g[a * m + b];
          double s = 0;
          for (int k = 0; k < gab.length; k++) {
            s += mm[k] * gab[k];
          }
          if (a != b) {
            s *= 0.5;
          }
          t[a * m + b] = s;
          t[b * m + a] = s;
        }
      }
      return t;
    }
    double[] x = rows;
    double[] u = new double[m * p];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < m; a++) {
        int oa = row(i, a);
        for (int j = 0; j < p; j++) {
          double s = 0;
          for (int k = 0; k < p; k++) {
            s += mm[j * p + k] * x[oa + k];
          }
          u[a * p + j] = s;
        }
      }
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          int ob = row(i, b);
          double s = 0;
          for (int j = 0; j < p; j++) {
            s += x[ob + j] * u[a * p + j];
          }
          t[a * m + b] += s;
        }
      }
    }
    return t;
  }

  /** E = sum_i r_i r_i' of the residuals r = y - X beta, without keeping them. */
  double[] residualProducts(double[] beta) {
    return residualProducts(beta, null);
  }

  /**
   * E = sum_i r_i r_i' of the residuals r = y - X beta, and when {@code h} is not null (m m p, zeros) the
   * cross products H_ab = sum_i x_ia r_ib' (p-vectors, at {@code h[(a * m + b) * p + j]}) into it, so that
   * sum_i X_i' A r_i = sum_ab A_ab H_ab ({@link CrossProducts}: once per distinct column); in one pass over
   * the subjects, without keeping the residuals (an n m array per likelihood evaluation before). Every sum
   * adds its products subject by subject in subject order, as computing and storing all residuals first
   * and then E and H did, so the bits are those.
   */
  double[] residualProducts(double[] beta, double[] h) {
    double[] x = rows;
    double[] e = new double[m * m];
    double[] r = new double[m];
    CrossProducts columns = h == null ? null : columns();
    double[] sums = h == null ? null : columns.sums();
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < m; a++) {
        int o = row(i, a);
        double s = y[i * m + a];
        for (int j = 0; j < p; j++) {
          s -= x[o + j] * beta[j];
        }
        r[a] = s;
      }
      addOuter(r, 0, e);
      if (h != null) {
        columns.add(i, code, rows, r, 0, sums);
      }
    }
    if (h != null) {
      columns.spread(sums, h);
    }
    return mirror(e);
  }

  /**
   * e += r r' for r = {@code r[from .. from + m)}, upper triangle only: e_ab and e_ba add the same
   * products (r_a r_b = r_b r_a exactly) in the same order, so {@link #mirror} completes E bit for bit.
   */
  private void addOuter(double[] r, int from, double[] e) {
    for (int a = 0; a < m; a++) {
      double ra = r[from + a];
      for (int b = a; b < m; b++) {
        e[a * m + b] += ra * r[from + b];
      }
    }
  }

  /** Copies the upper triangle of the m x m matrix e into the lower; returns e. */
  private double[] mirror(double[] e) {
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < a; b++) {
        e[a * m + b] = e[b * m + a];
      }
    }
    return e;
  }

  private CrossProducts columns() {
    CrossProducts c = columns;
    if (c == null) {
      c = CrossProducts.of(m, p, n, code, rows);
      columns = c;
    }
    return c;
  }

  /** The same pattern without its subject {@code i} (the same row dictionary), or null when it had only that one. */
  Pattern without(int i) {
    if (n == 1) {
      return null;
    }
    int[] c = new int[(n - 1) * m];
    double[] v = new double[(n - 1) * m];
    System.arraycopy(code, 0, c, 0, i * m);
    System.arraycopy(code, (i + 1) * m, c, i * m, (n - 1 - i) * m);
    System.arraycopy(y, 0, v, 0, i * m);
    System.arraycopy(y, (i + 1) * m, v, i * m, (n - 1 - i) * m);
    Pattern rest = new Pattern(visits, group, p, n - 1, c, rows, nonzero, v);
    rest.columns = columns; // columns equal for every subject are equal for every subject but one
    return rest;
  }

  /** Offset in {@link #rows} of the design row of subject {@code i} at local visit {@code a}. */
  private int row(int i, int a) {
    return code[i * m + a] * p;
  }
}
