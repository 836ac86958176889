package org.trialstat.stats.mmrm;

/**
 * The subject-by-subject sums of a {@link Pattern} over its coded design rows: subject i, local visit a,
 * column j at {@code rows[code[i * m + a] * p + j]}. Each sum visits only the nonzero entries of the
 * rows (indicator columns are mostly zero: an intercept, arm, visit and baseline design has about five
 * nonzero entries in a row of twenty) when {@link ZeroSkip} shows that the terms left out are zeros that
 * change nothing; otherwise, and for rows holding an infinity or NaN, it takes the loops over every entry,
 * which are the reference: every result is theirs, bit for bit.
 */
final class SubjectRows {

  final int m;
  final int p;
  final int n;
  /** The design row code of each observation (layout of y). */
  final int[] code;
  /** The distinct design rows, p values each. */
  final double[] rows;
  /** The columns of each distinct row whose entry is not zero. */
  final int[][] nonzero;
  /** Whether every entry of the subjects' rows is finite: the sparse loops need it. */
  final boolean finite;
  /** {@link #columns()}, or null before its first use (volatile: the derivatives' tasks share it). */
  private volatile int[][] subjectColumns;
  /** {@link #entryOffsets()}, or null before its first use. */
  private volatile int[] offsets;

  SubjectRows(int m, int p, int n, int[] code, double[] rows, int[][] nonzero) {
    this.m = m;
    this.p = p;
    this.n = n;
    this.code = code;
    this.rows = rows;
    this.nonzero = nonzero;
    this.finite = rows.length <= code.length ? ZeroSkip.allFinite(rows) : finite(code, rows, nonzero, p);
  }

  /**
   * Whether the rows that occur are finite (an infinity or NaN is nonzero, so it is among their nonzeros);
   * when there are fewer distinct rows than observations, all the rows are checked instead (a row that
   * does not occur can then only make the sums take their dense loops).
   */
  private static boolean finite(int[] code, double[] rows, int[][] nonzero, int p) {
    for (int c : code) {
      for (int j : nonzero[c]) {
        if (!Double.isFinite(rows[c * p + j])) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Where each distinct row's nonzero entries start in a flat array of them (one past the last row's
   * end at the last index), found on first use; never changed after, so threads racing to set it only
   * compute the same one twice.
   */
  int[] entryOffsets() {
    int[] at = offsets;
    if (at == null) {
      at = new int[nonzero.length + 1];
      for (int d = 0; d < nonzero.length; d++) {
        at[d + 1] = at[d] + nonzero[d].length;
      }
      offsets = at;
    }
    return at;
  }

  /**
   * out += sum_i X_i' A X_i for a symmetric m x m matrix A.
   *
   * @param negativeZero whether out may hold -0.0 ({@link ZeroSkip#hasNegativeZero})
   */
  void addXtAX(double[] a, double[] out, boolean negativeZero) {
    if (!finite || negativeZero || !ZeroSkip.allFinite(a)) {
      addXtAXDense(a, out);
      return;
    }
    double[] x = rows;
    double[] w = new double[m * p];
    int[][] columns = columns();
    for (int i = 0; i < n; i++) {
      int[] union = columns[i];
      int nu = union.length;
      for (int r = 0; r < m; r++) {
        int wr = r * p;
        for (int c = 0; c < m; c++) {
          double arc = a[r * m + c];
          if (arc == 0) {
            continue;
          }
          int rc = code[i * m + c];
          int oc = rc * p;
          for (int k : nonzero[rc]) {
            w[wr + k] += arc * x[oc + k];
          }
        }
      }
      for (int r = 0; r < m; r++) {
        int rr = code[i * m + r];
        int or = rr * p;
        int wr = r * p;
        for (int j : nonzero[rr]) {
          double xj = x[or + j];
          int oj = j * p;
          for (int u = 0; u < nu; u++) {
            int k = union[u];
            out[oj + k] += xj * w[wr + k];
          }
        }
        for (int u = 0; u < nu; u++) {
          w[wr + union[u]] = 0;
        }
      }
    }
  }

  /**
   * The columns that are nonzero in some row of each subject (outside them, A X_i is +0.0), found on first
   * use; never changed after, so that threads racing to set it only compute the same one twice.
   */
  private int[][] columns() {
    int[][] cols = subjectColumns;
    if (cols == null) {
      cols = new int[n][];
      int[] buf = new int[p];
      int[] mark = new int[p];
      for (int i = 0; i < n; i++) {
        int nu = 0;
        for (int c = 0; c < m; c++) {
          for (int k : nonzero[code[i * m + c]]) {
            if (mark[k] != i + 1) {
              mark[k] = i + 1;
              buf[nu++] = k;
            }
          }
        }
        cols[i] = java.util.Arrays.copyOf(buf, nu);
      }
      subjectColumns = cols;
    }
    return cols;
  }

  /** {@link #addXtAX} over every entry (zero coefficients of A and zero entries x_ij aside). */
  private void addXtAXDense(double[] a, double[] out) {
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
    boolean sparse = finite && !ZeroSkip.hasNegativeZero(out);
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
        int rr = code[i * m + r];
        int or = rr * p;
        double ar = av[r];
        if (sparse && Double.isFinite(ar)) {
          for (int j : nonzero[rr]) {
            out[j] += x[or + j] * ar;
          }
        } else {
          for (int j = 0; j < p; j++) {
            out[j] += x[or + j] * ar;
          }
        }
      }
    }
  }

  /** The m x m matrix sum_i X_i M X_i' for a symmetric p x p matrix M. */
  double[] xmx(double[] mm) {
    boolean sparse = finite && ZeroSkip.allFinite(mm);
    double[] t = new double[m * m];
    double[] x = rows;
    double[] u = new double[m * p];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < m; a++) {
        int ra = code[i * m + a];
        int oa = ra * p;
        for (int j = 0; j < p; j++) {
          double s = 0;
          if (sparse) {
            for (int k : nonzero[ra]) {
              s += mm[j * p + k] * x[oa + k];
            }
          } else {
            for (int k = 0; k < p; k++) {
              s += mm[j * p + k] * x[oa + k];
            }
          }
          u[a * p + j] = s;
        }
      }
      boolean sparseU = sparse && ZeroSkip.allFinite(u); // a sum of finite products may overflow
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          int rb = code[i * m + b];
          int ob = rb * p;
          double s = 0;
          if (sparseU) {
            for (int j : nonzero[rb]) {
              s += x[ob + j] * u[a * p + j];
            }
          } else {
            for (int j = 0; j < p; j++) {
              s += x[ob + j] * u[a * p + j];
            }
          }
          t[a * m + b] += s;
        }
      }
    }
    return t;
  }

  /** Offset in {@link #rows} of the design row of subject {@code i} at local visit {@code a}. */
  private int row(int i, int a) {
    return code[i * m + a] * p;
  }
}
