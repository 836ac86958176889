package org.trialstat.stats.mmrm;

import org.trialstat.model.CovarianceStructure;

/**
 * The arithmetic of the {@link CovarianceStructure}s (their formulas and parameters are in its Javadoc,
 * after SAS/STAT User's Guide, PROC MIXED, "Covariance Structures"): Sigma(theta) with its analytic
 * Jacobian d sigma_ab / d theta, and moment-based starting values.
 */
final class StructureAlgebra {

  private StructureAlgebra() {
  }

  /**
   * Sigma(theta) and its Jacobian.
   *
   * @param theta the parameters, in {@link #parameterNames} order
   * @param t     number of visits
   * @param sigma out: T x T, row-major
   * @param jac   out, or null: {@code jac[k * theta.length + j]} = d sigma_k / d theta_j, k the packed
   *              index {@link Reml#index} of sigma_ab (a &gt;= b)
   */
  static void sigma(CovarianceStructure c, double[] theta, int t, double[] sigma, double[] jac) {
    int np = theta.length;
    for (int a = 0; a < t; a++) {
      for (int b = 0; b <= a; b++) {
        int k = Reml.index(a, b);
        int d = a - b;
        double[] row = new double[np];
        double s = element(c, theta, t, a, b, d, row);
        sigma[a * t + b] = s;
        sigma[b * t + a] = s;
        if (jac != null) {
          System.arraycopy(row, 0, jac, k * np, np);
        }
      }
    }
  }

  /** sigma_ab, with its derivatives in {@code grad}. */
  private static double element(CovarianceStructure c, double[] th, int t, int a, int b, int d, double[] grad) {
    switch (c) {
      case UN:
        grad[Reml.index(a, b)] = 1;
        return th[Reml.index(a, b)];
      case CS:
        grad[0] = 1;
        grad[1] = d == 0 ? 1 : 0;
        return th[0] + (d == 0 ? th[1] : 0);
      case AR1:
        grad[0] = d == 0 ? 0 : th[1] * d * Math.pow(th[0], d - 1);
        grad[1] = Math.pow(th[0], d);
        return th[1] * Math.pow(th[0], d);
      case TOEP:
        int j = d == 0 ? t - 1 : d - 1;
        grad[j] = 1;
        return th[j];
      default:
        return heterogeneous(c, th, t, a, b, d, grad);
    }
  }

  /** sqrt(v_a v_b) c_ab for the heterogeneous structures (v = theta[0..T-1]). */
  private static double heterogeneous(CovarianceStructure cs, double[] th, int t, int a, int b, int d,
      double[] grad) {
    if (d == 0) {
      grad[a] = 1;
      return th[a];
    }
    double sab = Math.sqrt(th[a] * th[b]);
    double c;
    switch (cs) {
      case CSH:
        c = th[t];
        grad[t] = sab;
        break;
      case AR1H:
        c = Math.pow(th[t], d);
        grad[t] = sab * d * Math.pow(th[t], d - 1);
        break;
      case TOEPH:
        c = th[t + d - 1];
        grad[t + d - 1] = sab;
        break;
      default: // ADH: prod_{k=b}^{a-1} rho_k, rho_k = theta[t + k]
        c = 1;
        for (int k = b; k < a; k++) {
          c *= th[t + k];
          double others = 1;
          for (int l = b; l < a; l++) {
            if (l != k) {
              others *= th[t + l];
            }
          }
          grad[t + k] = sab * others;
        }
        break;
    }
    double s = sab * c;
    grad[a] = s / (2 * th[a]);
    grad[b] = s / (2 * th[b]);
    return s;
  }

  /**
   * Starting values from a moment estimate S of the covariance (T x T): the structure's parameters
   * matched to S's variances and average covariances or correlations at each lag.
   */
  static double[] start(CovarianceStructure c, double[] s, int t) {
    double[] v = new double[t];
    double meanVar = 0;
    for (int a = 0; a < t; a++) {
      v[a] = s[a * t + a];
      meanVar += v[a] / t;
    }
    double[] covLag = new double[t];
    double[] corLag = new double[t];
    int[] n = new int[t];
    for (int a = 0; a < t; a++) {
      for (int b = 0; b < a; b++) {
        covLag[a - b] += s[a * t + b];
        corLag[a - b] += s[a * t + b] / Math.sqrt(v[a] * v[b]);
        n[a - b]++;
      }
    }
    double cov = 0;
    double cor = 0;
    int all = 0;
    for (int d = 1; d < t; d++) {
      cov += covLag[d];
      cor += corLag[d];
      all += n[d];
      covLag[d] /= n[d];
      corLag[d] /= n[d];
    }
    cov = all == 0 ? 0 : cov / all;
    cor = all == 0 ? 0 : cor / all;
    double lag1 = t > 1 ? corLag[1] : 0;
    int np = (int) c.parameters(t);
    double[] th = new double[np];
    switch (c) {
      case UN:
        for (int a = 0; a < t; a++) {
          for (int b = 0; b <= a; b++) {
            th[Reml.index(a, b)] = s[a * t + b];
          }
        }
        return th;
      case CS:
        return new double[] {cov, meanVar - cov};
      case AR1:
        return new double[] {lag1, meanVar};
      case TOEP:
        System.arraycopy(covLag, 1, th, 0, t - 1);
        th[t - 1] = meanVar;
        return th;
      default:
        System.arraycopy(v, 0, th, 0, t);
        if (c == CovarianceStructure.CSH || c == CovarianceStructure.AR1H) {
          th[t] = c == CovarianceStructure.CSH ? cor : lag1;
        } else {
          for (int d = 1; d < t; d++) {
            th[t + d - 1] = c == CovarianceStructure.TOEPH ? corLag[d]
                : s[d * t + d - 1] / Math.sqrt(v[d] * v[d - 1]);
          }
        }
        return th;
    }
  }

  /** The starting values with every covariance or correlation multiplied by {@code shrink}. */
  static double[] shrink(CovarianceStructure c, double[] th, int t, double shrink) {
    double[] out = th.clone();
    switch (c) {
      case UN:
        for (int a = 0; a < t; a++) {
          for (int b = 0; b < a; b++) {
            out[Reml.index(a, b)] *= shrink;
          }
        }
        return out;
      case CS:
      case AR1:
        out[0] *= shrink;
        if (c == CovarianceStructure.CS) {
          out[1] = th[1] + th[0] * (1 - shrink);
        }
        return out;
      case TOEP:
        for (int d = 0; d < t - 1; d++) {
          out[d] *= shrink;
        }
        return out;
      default:
        for (int j = t; j < out.length; j++) {
          out[j] *= shrink;
        }
        return out;
    }
  }

  /** The T(T+1)/2 distinct elements of a T x T matrix in {@link Reml#index} order (UN's parameters). */
  static double[] packed(double[] sigma, int t) {
    double[] s = new double[t * (t + 1) / 2];
    for (int a = 0; a < t; a++) {
      for (int b = 0; b <= a; b++) {
        s[Reml.index(a, b)] = sigma[a * t + b];
      }
    }
    return s;
  }
}
