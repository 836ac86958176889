package org.trialstat.stats;

import java.util.Arrays;

/**
 * The factorization behind {@link LinearModel}: Householder QR with the limited column pivoting of R's
 * {@code lm} (LINPACK {@code dqrdc2}, tolerance {@link #ALIAS_TOLERANCE}): columns are processed left to
 * right, and a column whose norm, after removing its projection on the earlier kept columns, falls below
 * 1e-7 times its original norm is <em>aliased</em> (a linear combination of earlier columns) and moved to
 * the end (Golub and Van Loan, Matrix Computations, 4th ed., sec. 5.2 and 5.3). Besides the factors it
 * gives what the fit needs of them: {@code Q'y}, the back substitution {@code R b = (Q'y)[0..rank)},
 * {@code R^-1}, {@code (X'X)^-1 = R^-1 R^-T} and each aliased column's coefficients over the kept ones,
 * the last two in the design's column order.
 *
 * <p>Why not Commons Math's {@code QRDecomposition} / {@code OLSMultipleLinearRegression}: they do not
 * pivot, so a rank-deficient design (an arm without completers, a constant covariate) throws
 * {@code SingularMatrixException} instead of R's {@code NA} for the aliased column, and they do not
 * centre y, which costs several digits on NIST StRD SmLs07-09 (see LinearModelTest).
 *
 * <p>The working matrix is factored in place; an instance serves one fit ({@link LeastSquaresFit}).
 */
final class PivotedQr {

  /** R's {@code lm} tolerance for detecting aliased columns. */
  static final double ALIAS_TOLERANCE = 1e-7;

  /** Number of rows. */
  final int n;
  /** Number of columns, aliased ones included. */
  final int p;
  /** The number of columns not aliased (at most n). */
  final int rank;
  /**
   * Column-major, in the pivoted order: reflector l's vector in {@code a[l][l..n-1]}, R's off-diagonal
   * entries in {@code a[j][k]} for k &lt; j.
   */
  final double[][] a;
  /** The design column at each pivoted position; positions from {@link #rank} on are aliased. */
  final int[] perm;
  private final double[] beta;
  private final double[] rDiag;

  /**
   * Factors X.
   *
   * @param a X column-major: p &gt; 0 columns of n &gt; 0 finite values each; overwritten by the factors
   */
  PivotedQr(double[][] a) {
    this.a = a;
    p = a.length;
    n = a[0].length;
    perm = new int[p];
    double[] originalNorm = new double[p];
    for (int j = 0; j < p; j++) {
      perm[j] = j;
      double norm = norm(a[j], 0);
      originalNorm[j] = norm == 0 ? 1 : norm;
    }

    // Householder QR with dqrdc2's limited pivoting; reflector l is I - beta_l v_l v_l' on rows l..n-1,
    // v_l stored in a[l][l..n-1], R's diagonal in rDiag.
    int steps = Math.min(n, p);
    beta = new double[steps];
    rDiag = new double[p];
    int kept = p; // columns at positions >= kept are aliased
    int l = 0;
    for (; l < steps; l++) {
      while (l < kept && norm(a[l], l) < ALIAS_TOLERANCE * originalNorm[perm[l]]) {
        // move column l to the end
        double[] col = a[l];
        int idx = perm[l];
        System.arraycopy(a, l + 1, a, l, p - l - 1);
        System.arraycopy(perm, l + 1, perm, l, p - l - 1);
        a[p - 1] = col;
        perm[p - 1] = idx;
        kept--;
      }
      if (l >= kept) {
        break;
      }
      double[] v = a[l];
      double alpha = norm(v, l);
      if (v[l] > 0) {
        alpha = -alpha;
      }
      // v = x - alpha e1; R_ll = alpha
      v[l] -= alpha;
      double vtv = 0;
      for (int i = l; i < n; i++) {
        vtv += v[i] * v[i];
      }
      beta[l] = vtv == 0 ? 0 : 2 / vtv;
      rDiag[l] = alpha;
      for (int j = l + 1; j < p; j++) {
        reflect(v, beta[l], a[j], l);
      }
    }
    rank = Math.min(kept, n);
  }

  /** x := Q' x (n entries), the first {@link #rank} reflectors in turn. */
  void applyQt(double[] x) {
    for (int k = 0; k < rank; k++) {
      reflect(a[k], beta[k], x, k);
    }
  }

  /** Back substitution {@code R b = (Q'y)[0..rank)}: b in the pivoted order. */
  double[] solve(double[] qty) {
    // R's off-diagonal entries are a[j][k] for k < j
    double[] b = new double[rank];
    for (int k = rank - 1; k >= 0; k--) {
      double s = qty[k];
      for (int j = k + 1; j < rank; j++) {
        s -= a[j][k] * b[j];
      }
      b[k] = s / rDiag[k];
    }
    return b;
  }

  /** R^-1 (upper triangular, rank x rank), whose row norms squared are diag((X'X)^-1). */
  double[][] rInverse() {
    double[][] rInv = new double[rank][rank];
    for (int c = 0; c < rank; c++) {
      rInv[c][c] = 1 / rDiag[c];
      for (int k = c - 1; k >= 0; k--) {
        double s = 0;
        for (int j = k + 1; j <= c; j++) {
          s += a[j][k] * rInv[j][c];
        }
        rInv[k][c] = -s / rDiag[k];
      }
    }
    return rInv;
  }

  /**
   * (X'X)^-1 = R^-1 R^-T in the pivoted order, mapped back to the design's columns: row-major p x p, NaN
   * in the rows and columns of aliased ones.
   */
  double[] unscaledCovariance(double[][] rInv) {
    double[] covariance = new double[p * p];
    Arrays.fill(covariance, Double.NaN);
    for (int r = 0; r < rank; r++) {
      for (int q = 0; q < rank; q++) {
        double s = 0;
        for (int c = Math.max(r, q); c < rank; c++) {
          s += rInv[r][c] * rInv[q][c];
        }
        covariance[perm[r] * p + perm[q]] = s;
      }
    }
    return covariance;
  }

  /**
   * For each aliased design column j, the coefficients c (over the kept columns, 0 elsewhere) with
   * x_j = X c; null for a kept column.
   */
  double[][] aliasing(double[][] rInv) {
    // an aliased column x_j = X_kept c with R c = (Q'x_j)[0..rank): c = R^-1 (Q'x_j)[0..rank)
    double[][] aliasing = new double[p][];
    for (int pos = rank; pos < p; pos++) {
      double[] c = new double[p];
      for (int k = 0; k < rank; k++) {
        double s = 0;
        for (int q = k; q < rank; q++) {
          s += rInv[k][q] * a[pos][q];
        }
        c[perm[k]] = s;
      }
      aliasing[perm[pos]] = c;
    }
    return aliasing;
  }

  /** Euclidean norm of x[from..], scaled against overflow. */
  private static double norm(double[] x, int from) {
    double scale = 0;
    for (int i = from; i < x.length; i++) {
      scale = Math.max(scale, Math.abs(x[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < x.length; i++) {
      double v = x[i] / scale;
      s += v * v;
    }
    return scale * Math.sqrt(s);
  }

  /** x := (I - beta v v') x on rows from..n-1. */
  private static void reflect(double[] v, double beta, double[] x, int from) {
    if (beta == 0) {
      return;
    }
    double dot = 0;
    for (int i = from; i < x.length; i++) {
      dot += v[i] * x[i];
    }
    double f = beta * dot;
    for (int i = from; i < x.length; i++) {
      x[i] -= f * v[i];
    }
  }
}
