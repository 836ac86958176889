package org.trialstat.stats.linalg;

/**
 * Small dense symmetric-matrix kernels on row-major {@code double[]} arrays, used in the inner loops of
 * the REML optimiser where commons-math3's object-per-matrix API would dominate the run time
 * (thousands of 2x2..10x10 factorisations per fit). Textbook algorithms (Golub &amp; Van Loan 2013,
 * Matrix Computations, 4th ed., Alg. 4.2.1 for Cholesky).
 */
public final class Dense {

  private Dense() {
  }

  /**
   * In-place Cholesky factorisation A = L L' of a symmetric n x n matrix. On success the lower triangle
   * holds L and the strict upper triangle is zeroed.
   *
   * @return false when A is not (numerically) positive definite
   */
  public static boolean cholesky(double[] a, int n) {
    return cholesky(a, n, 0) < 0;
  }

  /**
   * In-place Cholesky factorisation that stops at the first pivot j whose remaining diagonal
   * a_jj - sum_k l_jk^2 is not above {@code relativeTolerance} times the original a_jj (or not finite).
   * With tolerance 0 this is the plain positive-definiteness test; with a small positive one it names
   * the first column of a cross-product matrix X'X that is (numerically) a linear combination of the
   * columns before it, as a sequential (column-order) rank check.
   *
   * @return -1 on success (then as {@link #cholesky(double[], int)}), else the failing column j
   */
  public static int cholesky(double[] a, int n, double relativeTolerance) {
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j];
      double limit = relativeTolerance * d;
      for (int k = 0; k < j; k++) {
        d -= a[j * n + k] * a[j * n + k];
      }
      if (!(d > limit) || !Double.isFinite(d)) {
        return j;
      }
      double ljj = Math.sqrt(d);
      a[j * n + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double s = a[i * n + j];
        for (int k = 0; k < j; k++) {
          s -= a[i * n + k] * a[j * n + k];
        }
        a[i * n + j] = s / ljj;
      }
      for (int i = 0; i < j; i++) {
        a[i * n + j] = 0;
      }
    }
    return -1;
  }

  /** log det(A) from its Cholesky factor L: 2 sum log L_ii. */
  public static double logDet(double[] l, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.log(l[i * n + i]);
    }
    return 2 * s;
  }

  /** A^-1 = L^-T L^-1 from the Cholesky factor L, written into {@code out} (full symmetric). */
  public static void inverseFromCholesky(double[] l, int n, double[] out) {
    double[] li = new double[n * n];
    for (int j = 0; j < n; j++) {
      li[j * n + j] = 1 / l[j * n + j];
      for (int i = j + 1; i < n; i++) {
        double s = 0;
        for (int k = j; k < i; k++) {
          s -= l[i * n + k] * li[k * n + j];
        }
        li[i * n + j] = s / l[i * n + i];
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = i; k < n; k++) {
          s += li[k * n + i] * li[k * n + j];
        }
        out[i * n + j] = s;
        out[j * n + i] = s;
      }
    }
  }

  /** Solves L L' x = b in place given the Cholesky factor L. */
  public static void solve(double[] l, int n, double[] b) {
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * n + k] * b[k];
      }
      b[i] = s / l[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * b[k];
      }
      b[i] = s / l[i * n + i];
    }
  }

  /** C = A B for n x n matrices. */
  public static void multiply(double[] a, double[] b, int n, double[] c) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i * n + j] = 0;
      }
      for (int k = 0; k < n; k++) {
        double aik = a[i * n + k];
        if (aik == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          c[i * n + j] += aik * b[k * n + j];
        }
      }
    }
  }

  /**
   * C1 = A B1 and C2 = A B2 for n x n matrices, in one pass over A: each entry adds the same products in
   * the same order as {@link #multiply(double[], double[], int, double[])}, so the bits are those of two
   * calls of it.
   */
  public static void multiply(double[] a, double[] b1, double[] b2, int n, double[] c1, double[] c2) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c1[i * n + j] = 0;
        c2[i * n + j] = 0;
      }
      for (int k = 0; k < n; k++) {
        double aik = a[i * n + k];
        if (aik == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          c1[i * n + j] += aik * b1[k * n + j];
          c2[i * n + j] += aik * b2[k * n + j];
        }
      }
    }
  }

  /**
   * D = S E S for an n x n matrix S and the symmetric unit matrix E of the covariance parameter
   * (a, b): ones at (a, b) and (b, a), one one at (a, a) when a = b. It is minus the derivative of the
   * inverse of a covariance matrix V = S^-1 with respect to its (a, b) element (d V^-1 = -V^-1 dV V^-1;
   * Harville, Matrix Algebra From a Statistician's Perspective, 1997, ch. 15):
   * {@code D[i][j] = S[i][a] S[b][j] + S[i][b] S[a][j]}, the second term only when a != b.
   */
  public static void unitSandwich(double[] s, int n, int a, int b, double[] d) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = s[i * n + a] * s[b * n + j];
        if (a != b) {
          v += s[i * n + b] * s[a * n + j];
        }
        d[i * n + j] = v;
      }
    }
  }

  /** x' A y for an n x n matrix A. */
  public static double quadratic(double[] x, double[] a, double[] y, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double r = 0;
      for (int j = 0; j < n; j++) {
        r += a[i * n + j] * y[j];
      }
      s += x[i] * r;
    }
    return s;
  }

  /** A x for an n x n matrix A. */
  public static double[] times(double[] a, double[] x, int n) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i * n + j] * x[j];
      }
      r[i] = s;
    }
    return r;
  }

  /** The dot product a' b. */
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
