package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Within-subject covariance structures of the MMRM over T visits, named and parametrised as SAS PROC
 * MIXED {@code REPEATED / TYPE=} (SAS/STAT User's Guide, PROC MIXED, "Covariance Structures", Table
 * "Covariance Structure Examples") and R mmrm ({@code us, cs, csh, ar1, ar1h, toep, toeph, adh}).
 * sigma_ab is the covariance of visits a and b, d = |a - b|, v_a the variance at visit a:
 * <pre>
 *   UN     sigma_ab free                                          T(T+1)/2 parameters UN(a,b)
 *   CS     sigma_aa = s1 + s2, sigma_ab = s1                      2: CS = s1, Residual = s2
 *   CSH    sigma_ab = sqrt(v_a v_b) rho  (a != b)                 T + 1: Var(1..T), CSH = rho
 *   AR1    sigma_ab = s2 rho^d                                    2: AR(1) = rho, Residual = s2
 *   AR1H   sigma_ab = sqrt(v_a v_b) rho^d                         T + 1: Var(1..T), ARH(1) = rho
 *   TOEP   sigma_ab = c_d  (c_0 = s2)                             T: TOEP(2..T) = c_1..c_T-1, Residual
 *   TOEPH  sigma_ab = sqrt(v_a v_b) rho_d  (rho_0 = 1)            2T - 1: Var(1..T), TOEPH(1..T-1)
 *   ADH    sigma_ab = sqrt(v_a v_b) prod_{k=b}^{a-1} rho_k (a > b) 2T - 1: Var(1..T), Rho(1..T-1)
 * </pre>
 * ADH is SAS {@code TYPE=ANTE(1)}, first-order ante-dependence (Kenward 1987). The parameters are
 * estimated as printed by SAS (variances and correlations, not a transformed scale), in SAS's order.
 */
public enum CovarianceStructure {
  /** Unstructured. */
  UN("un", "unstructured"),
  /** Homogeneous compound symmetry. */
  CS("cs", "compound symmetry"),
  /** Heterogeneous compound symmetry. */
  CSH("csh", "heterogeneous compound symmetry"),
  /** First-order autoregressive. */
  AR1("ar1", "first-order autoregressive"),
  /** Heterogeneous first-order autoregressive. */
  AR1H("ar1h", "heterogeneous first-order autoregressive"),
  /** Toeplitz. */
  TOEP("toep", "Toeplitz"),
  /** Heterogeneous Toeplitz. */
  TOEPH("toeph", "heterogeneous Toeplitz"),
  /** Heterogeneous first-order ante-dependence. */
  ADH("adh", "first-order ante-dependence");

  private final String key;
  private final String label;

  CovarianceStructure(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The option value ({@code un}, {@code ar1h}, ...), R mmrm's name (mmrm calls UN {@code us}). */
  public String key() {
    return key;
  }

  /** Words for the method string. */
  public String label() {
    return label;
  }

  /** The structure of an option value, or null. */
  public static CovarianceStructure of(String key) {
    for (CovarianceStructure c : values()) {
      if (c.key.equals(key.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }

  /** Number of covariance parameters of one T x T matrix. */
  public long parameters(int t) {
    long tt = t;
    switch (this) {
      case UN:
        return tt * (tt + 1) / 2;
      case CS:
      case AR1:
        return 2;
      case CSH:
      case AR1H:
        return tt + 1;
      case TOEP:
        return tt;
      default:
        return 2 * tt - 1;
    }
  }

  /** SAS's names of the parameters, in order. */
  public List<String> parameterNames(int t) {
    List<String> n = new ArrayList<>();
    switch (this) {
      case UN:
        for (int a = 1; a <= t; a++) {
          for (int b = 1; b <= a; b++) {
            n.add("UN(" + a + "," + b + ")");
          }
        }
        return n;
      case CS:
        return List.of("CS", "Residual");
      case AR1:
        return List.of("AR(1)", "Residual");
      case TOEP:
        for (int d = 2; d <= t; d++) {
          n.add("TOEP(" + d + ")");
        }
        n.add("Residual");
        return n;
      default:
        for (int a = 1; a <= t; a++) {
          n.add("Var(" + a + ")");
        }
        if (this == CSH || this == AR1H) {
          n.add(this == CSH ? "CSH" : "ARH(1)");
        } else {
          for (int d = 1; d < t; d++) {
            n.add((this == TOEPH ? "TOEPH(" : "Rho(") + d + ")");
          }
        }
        return n;
    }
  }

  /** True when the structure has one variance per visit (Var(1..T) first). */
  boolean heterogeneous() {
    return this == CSH || this == AR1H || this == TOEPH || this == ADH;
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
  void sigma(double[] theta, int t, double[] sigma, double[] jac) {
    int np = theta.length;
    for (int a = 0; a < t; a++) {
      for (int b = 0; b <= a; b++) {
        int k = Reml.index(a, b);
        int d = a - b;
        double[] row = new double[np];
        double s = element(theta, t, a, b, d, row);
        sigma[a * t + b] = s;
        sigma[b * t + a] = s;
        if (jac != null) {
          System.arraycopy(row, 0, jac, k * np, np);
        }
      }
    }
  }

  /** sigma_ab, with its derivatives in {@code grad}. */
  private double element(double[] th, int t, int a, int b, int d, double[] grad) {
    switch (this) {
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
        return heterogeneous(th, t, a, b, d, grad);
    }
  }

  /** sqrt(v_a v_b) c_ab for the heterogeneous structures (v = theta[0..T-1]). */
  private double heterogeneous(double[] th, int t, int a, int b, int d, double[] grad) {
    if (d == 0) {
      grad[a] = 1;
      return th[a];
    }
    double sab = Math.sqrt(th[a] * th[b]);
    double c;
    switch (this) {
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
  double[] start(double[] s, int t) {
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
    int np = (int) parameters(t);
    double[] th = new double[np];
    switch (this) {
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
        if (this == CSH || this == AR1H) {
          th[t] = this == CSH ? cor : lag1;
        } else {
          for (int d = 1; d < t; d++) {
            th[t + d - 1] = this == TOEPH ? corLag[d] : s[d * t + d - 1] / Math.sqrt(v[d] * v[d - 1]);
          }
        }
        return th;
    }
  }

  /** The starting values with every covariance or correlation multiplied by {@code shrink}. */
  double[] shrink(double[] th, int t, double shrink) {
    double[] out = th.clone();
    switch (this) {
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
        if (this == CS) {
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
