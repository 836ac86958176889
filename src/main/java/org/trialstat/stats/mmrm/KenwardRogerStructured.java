package org.trialstat.stats.mmrm;

import java.util.List;
import org.trialstat.model.CovarianceStructure;

/**
 * Kenward-Roger for a structured covariance ({@link StructuredFit}): the W and the second-order term of
 * SAS's own parameters theta, mapped onto the covariance elements in which {@link KenwardRoger} sums.
 */
final class KenwardRogerStructured {

  private KenwardRogerStructured() {
  }

  /**
   * KR for a structured covariance Sigma_g(theta_g), one per covariance group g (SAS DDFM=KR in SAS's own
   * parameters theta, {@link StructuredFit}; one group without {@code GROUP=}): with J = d sigma / d theta
   * (the sigma_g,ab at g T(T+1)/2 + {@link Reml#index}, block diagonal over the groups since theta_g enters
   * Sigma_g only) and W_theta = 2 H_theta^-1 (not block diagonal: the REML term log|X' V^-1 X| couples
   * the groups), the sums over theta of KR's P_i and Q_ij are bilinear in dV/d theta, so they are the sums
   * of the unstructured case with W = J W_theta J'. The second-order term is sum_ij W_ij R_ij =
   * sum_gab c_gab X' V^-1 E_gab V^-1 X, c_gab = sum_ij W_theta,ij d2 sigma_g,ab / d theta_i d theta_j
   * (nonzero only for i, j both in group g; central differences of the analytic J, step
   * 1e-5 max(|theta_j|, 0.1)); {@code linear} drops it (SAS DDFM=KR(LINEAR)). For TOEP, and UN, Sigma is
   * linear in theta and the term vanishes (SAS's KR and KR(FIRSTORDER) listings agree there).
   *
   * @param groups the number of covariance groups (1, or the arms with {@code GROUP=})
   * @param r      the converged fit
   * @param linear without the second-order term
   */
  static KenwardRoger of(List<Pattern> patterns, int nVisits, int p, int groups,
      CovarianceStructure structure, StructuredFit.Result r, boolean linear) {
    int q1 = nVisits * (nVisits + 1) / 2;
    int q = groups * q1;
    int n = r.theta.length;
    int k = n / groups;
    double[] wt = KenwardRoger.twiceInverse(r.hessianCholesky, n);
    // W = J W_theta J', J block diagonal: J_g (T(T+1)/2 x k) per group
    double[][] jac = new double[groups][];
    for (int g = 0; g < groups; g++) {
      jac[g] = jacobian(structure, r.theta, g * k, k, nVisits);
    }
    double[] w = new double[q * q];
    for (int a = 0; a < q; a++) {
      for (int b = 0; b < q; b++) {
        int ga = a / q1;
        int gb = b / q1;
        double v = 0;
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            v += jac[ga][(a % q1) * k + i] * wt[(ga * k + i) * n + gb * k + j] * jac[gb][(b % q1) * k + j];
          }
        }
        w[a * q + b] = v;
      }
    }
    double[] rTerm = null;
    if (!linear) {
      // c_gab = sum_ij W_ij d2 sigma_g,ab / d theta_i d theta_j, i and j in group g
      double[] c = new double[q];
      for (int g = 0; g < groups; g++) {
        for (int j = 0; j < k; j++) {
          int gj = g * k + j;
          double h = 1e-5 * Math.max(Math.abs(r.theta[gj]), 0.1);
          double[] plus = r.theta.clone();
          double[] minus = r.theta.clone();
          plus[gj] += h;
          minus[gj] -= h;
          double[] jp = jacobian(structure, plus, g * k, k, nVisits);
          double[] jm = jacobian(structure, minus, g * k, k, nVisits);
          for (int a = 0; a < q1; a++) {
            for (int i = 0; i < k; i++) {
              c[g * q1 + a] += wt[(g * k + i) * n + gj] * (jp[a * k + i] - jm[a * k + i]) / (2 * h);
            }
          }
        }
      }
      rTerm = new double[p * p];
      for (int a = 0; a < q; a++) {
        for (int t = 0; t < rTerm.length; t++) {
          rTerm[t] += c[a] * r.eval.qk[a][t];
        }
      }
    }
    return new KenwardRoger(patterns, nVisits, p, r.sigmas, r.eval, w, rTerm);
  }

  /** d sigma / d theta_g (T(T+1)/2 x k) of the group whose k parameters start at {@code from}. */
  private static double[] jacobian(CovarianceStructure structure, double[] theta, int from, int k, int nVisits) {
    double[] jac = new double[nVisits * (nVisits + 1) / 2 * k];
    StructureAlgebra.sigma(structure, java.util.Arrays.copyOfRange(theta, from, from + k), nVisits,
        new double[nVisits * nVisits], jac);
    return jac;
  }
}
