package org.trialstat.stats.mmrm;

import org.trialstat.stats.linalg.Dense;

/**
 * The unstructured T x T covariance in the log-Cholesky parametrisation of Pinheiro &amp; Bates (1996,
 * Statistics and Computing 6:289-296): Sigma = L L' with L lower triangular, theta holding the
 * log-diagonal and the strict lower triangle of L, so every theta gives a positive definite Sigma. Also
 * the packed form of Sigma (its q = T(T+1)/2 distinct elements sigma_ab, a &gt;= b, in
 * {@link Reml#index} order), and the first and second derivatives of sigma in theta for the Newton
 * steps of {@link UnstructuredNewton}.
 */
final class LogCholesky {

  private final int nv;
  private final int q;

  LogCholesky(int nVisits) {
    this.nv = nVisits;
    this.q = nVisits * (nVisits + 1) / 2;
  }

  double[] lower(double[] theta) {
    double[] l = new double[nv * nv];
    for (int a = 0; a < nv; a++) {
      for (int b = 0; b <= a; b++) {
        double t = theta[Reml.index(a, b)];
        l[a * nv + b] = a == b ? Math.exp(t) : t;
      }
    }
    return l;
  }

  double[] sigma(double[] l) {
    double[] s = new double[nv * nv];
    for (int a = 0; a < nv; a++) {
      for (int b = 0; b <= a; b++) {
        double v = 0;
        for (int c = 0; c <= b; c++) {
          v += l[a * nv + c] * l[b * nv + c];
        }
        s[a * nv + b] = v;
        s[b * nv + a] = v;
      }
    }
    return s;
  }

  /** J[k * q + j] = d sigma_k / d theta_j. */
  double[] jacobian(double[] l) {
    double[] jac = new double[q * q];
    for (int a = 0; a < nv; a++) {
      for (int b = 0; b <= a; b++) {
        int k = Reml.index(a, b);
        for (int x = 0; x < nv; x++) {
          for (int y = 0; y <= x; y++) {
            double v = 0;
            if (a == x) {
              v += l[b * nv + y];
            }
            if (b == x) {
              v += l[a * nv + y];
            }
            if (x == y) {
              v *= l[x * nv + x];
            }
            jac[k * q + Reml.index(x, y)] = v;
          }
        }
      }
    }
    return jac;
  }

  /** J' A J for a q x q matrix A. */
  double[] sandwich(double[] jac, double[] a) {
    double[] aj = new double[q * q];
    Dense.multiply(a, jac, q, aj);
    double[] r = new double[q * q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        double s = 0;
        for (int k = 0; k < q; k++) {
          s += jac[k * q + i] * aj[k * q + j];
        }
        r[i * q + j] = s;
      }
    }
    return r;
  }

  /**
   * Adds to the Hessian in theta the terms from the curvature of Sigma(theta): sum_k g_sigma_k
   * d2 sigma_k / d theta d theta', with Sigma = L L' and L_aa = exp(theta_aa).
   */
  void addCurvature(double[] hess, double[] l, double[] gSigma, double[] gTheta) {
    for (int x = 0; x < nv; x++) {
      for (int y = 0; y <= x; y++) {
        int j = Reml.index(x, y);
        double sj = x == y ? l[x * nv + x] : 1;
        for (int u = 0; u < nv; u++) {
          if (y > u) {
            continue;
          }
          int j2 = Reml.index(u, y);
          double sj2 = u == y ? l[u * nv + u] : 1;
          double c = gSigma[Reml.index(x, u)] * (x == u ? 2 : 1);
          hess[j * q + j2] += c * sj * sj2;
        }
        if (x == y) {
          hess[j * q + j] += gTheta[j];
        }
      }
    }
  }

  /** The q distinct elements sigma_ab (a &gt;= b) of a T x T matrix, in {@link Reml#index} order. */
  double[] packed(double[] sigma) {
    double[] s = new double[q];
    for (int a = 0; a < nv; a++) {
      for (int b = 0; b <= a; b++) {
        s[Reml.index(a, b)] = sigma[a * nv + b];
      }
    }
    return s;
  }

  /** The T x T matrix from its packed elements. */
  double[] full(double[] s) {
    double[] sigma = new double[nv * nv];
    for (int a = 0; a < nv; a++) {
      for (int b = 0; b < nv; b++) {
        sigma[a * nv + b] = s[Reml.index(a, b)];
      }
    }
    return sigma;
  }

  /** The log-Cholesky parameters of sigma, or null when it is not positive definite. */
  double[] logCholesky(double[] sigma) {
    double[] l = sigma.clone();
    if (!Dense.cholesky(l, nv)) {
      return null;
    }
    double[] theta = new double[q];
    for (int a = 0; a < nv; a++) {
      for (int b = 0; b <= a; b++) {
        theta[Reml.index(a, b)] = a == b ? Math.log(l[a * nv + a]) : l[a * nv + b];
      }
    }
    return theta;
  }
}
