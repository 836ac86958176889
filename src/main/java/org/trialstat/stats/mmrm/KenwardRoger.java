package org.trialstat.stats.mmrm;

import java.util.List;
import org.trialstat.stats.linalg.Dense;

/**
 * The Kenward &amp; Roger (1997, Biometrics 53:983-997) small-sample adjustment for the fixed effects of
 * the unstructured-covariance MMRM, in the linear parametrisation by the covariance elements sigma_ab,
 * as SAS PROC MIXED DDFM=KR; for structured covariances see {@link KenwardRogerStructured} (SAS's
 * parameters, with the second-order term R_ij). This class computes the adjusted covariance Phi_A; the
 * F test of L beta = 0 with its scale and df is {@link KenwardRogerF}.
 *
 * <p>With Phi = (X' V^-1 X)^-1, V_i = dV/d sigma_i, P_i = X' (dV^-1/d sigma_i) X = -X' V^-1 V_i V^-1 X,
 * Q_ij = X' V^-1 V_i V^-1 V_j V^-1 X and W the asymptotic covariance of the REML estimates of the
 * sigma_i:
 * <pre>
 *   Phi_A  = Phi + 2 Lambda,   Lambda = Phi { sum_ij W_ij (Q_ij - P_i Phi P_j - R_ij / 4) } Phi
 * </pre>
 * The sigma_ab enter V linearly, so d2V/d sigma_i d sigma_j = 0 and KR's R_ij = X' V^-1 (d2V) V^-1 X
 * vanish: for the unstructured matrix SAS DDFM=KR, DDFM=KR(FIRSTORDER) and R mmrm's
 * {@code vcov = "Kenward-Roger-Linear"} all give this Phi_A. (R mmrm's {@code "Kenward-Roger"} differs:
 * it keeps the R_ij of its log-Cholesky parametrisation, and the adjustment is not invariant under
 * reparametrisation.) W = 2 H^-1, H the observed Hessian of -2 l_R in the sigma_ab, as SAS (its
 * default uses the observed information) and R mmrm; Kenward &amp; Roger used the expected one.
 *
 * <p>Cost: per missingness pattern O(q_m m^3) for the Q_ij sums (q_m the pattern's number of
 * parameters), plus O(q^2 p^2 + q p^3) for the P_i Phi P_j sum, once per fit.
 */
final class KenwardRoger {

  final int p;
  final int q;
  /** Phi, the unadjusted covariance of beta_hat (p x p). */
  final double[] phi;
  /** Phi_A, the adjusted covariance (p x p). */
  final double[] phiA;
  /** W = 2 H^-1 (q x q). */
  final double[] w;
  /** Phi Q_i Phi = -Phi P_i Phi = -dPhi/d sigma_i (p x p each). */
  final double[][] phiQPhi;

  /**
   * @param patterns        the subjects grouped by missingness pattern
   * @param nVisits         T
   * @param p               number of fixed effects
   * @param sigma           the T x T covariance (row-major) at which {@code ev} was evaluated
   * @param ev              REML evaluation at sigma, with derivatives
   * @param hessianCholesky Cholesky factor of the observed Hessian of -2 l_R in the sigma elements
   */
  KenwardRoger(List<Pattern> patterns, int nVisits, int p, double[] sigma, Reml.Eval ev,
      double[] hessianCholesky) {
    this(patterns, nVisits, p, new double[][] {sigma}, ev, twiceInverse(hessianCholesky, nVisits * (nVisits + 1) / 2),
        null);
  }

  /** 2 H^-1 from the Cholesky factor of H (n x n). */
  static double[] twiceInverse(double[] hessianCholesky, int n) {
    double[] w = new double[n * n];
    for (int j = 0; j < n; j++) {
      double[] col = new double[n];
      col[j] = 2;
      Dense.solve(hessianCholesky, n, col);
      for (int i = 0; i < n; i++) {
        w[i * n + j] = col[i];
      }
    }
    return w;
  }

  /**
   * @param sigmas the T x T covariance of each group (row-major)
   * @param w      W in the sigma_g,ab (q x q, q = groups T(T+1)/2)
   * @param rTerm  sum_ij W_ij R_ij (p x p), or null when the R_ij vanish
   */
  KenwardRoger(List<Pattern> patterns, int nVisits, int p, double[][] sigmas, Reml.Eval ev, double[] w,
      double[] rTerm) {
    this.p = p;
    int q1 = nVisits * (nVisits + 1) / 2;
    this.q = sigmas.length * q1;
    this.phi = ev.m;
    this.w = w;
    // sum_ij W_ij Q_ij = sum_patterns sum_subjects X_s' A X_s, A = sum_i (S V_i S) (sum_j W_ij V_j) S, with
    // i, j over the parameters of the pattern's group (V_i of another group is 0 for its subjects)
    double[] s1 = new double[p * p];
    for (Pattern pt : patterns) {
      int m = pt.m;
      double[] sigma = sigmas[pt.group];
      int off = pt.group * q1;
      double[] s = new double[m * m];
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          s[a * m + b] = sigma[pt.visits[a] * nVisits + pt.visits[b]];
        }
      }
      double[] chol = s.clone();
      if (!Dense.cholesky(chol, m)) {
        throw new IllegalStateException("covariance block not positive definite");
      }
      double[] inv = new double[m * m];
      Dense.inverseFromCholesky(chol, m, inv);
      double[] acc = new double[m * m];
      double[] dk = new double[m * m];
      double[] vw = new double[m * m];
      double[] t1 = new double[m * m];
      double[] t2 = new double[m * m];
      for (int a = 0; a < m; a++) {
        for (int b = 0; b <= a; b++) {
          int k = off + Reml.index(pt.visits[a], pt.visits[b]);
          Dense.unitSandwich(inv, m, a, b, dk);
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
              vw[i * m + j] = w[k * q + off + Reml.index(pt.visits[i], pt.visits[j])];
            }
          }
          Dense.multiply(dk, vw, m, t1);
          Dense.multiply(t1, inv, m, t2);
          for (int i = 0; i < acc.length; i++) {
            acc[i] += t2[i];
          }
        }
      }
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < i; j++) {
          double v = 0.5 * (acc[i * m + j] + acc[j * m + i]);
          acc[i * m + j] = v;
          acc[j * m + i] = v;
        }
      }
      pt.addXtAX(acc, s1);
    }
    // sum_ij W_ij P_i Phi P_j = sum_i Q_i Phi Z_i, Z_i = sum_j W_ij Q_j
    double[] s2 = new double[p * p];
    double[] z = new double[p * p];
    double[] qphi = new double[p * p];
    double[] prod = new double[p * p];
    for (int i = 0; i < q; i++) {
      java.util.Arrays.fill(z, 0);
      for (int j = 0; j < q; j++) {
        double wij = w[i * q + j];
        double[] qj = ev.qk[j];
        for (int t = 0; t < z.length; t++) {
          z[t] += wij * qj[t];
        }
      }
      Dense.multiply(ev.qk[i], phi, p, qphi);
      Dense.multiply(qphi, z, p, prod);
      for (int t = 0; t < s2.length; t++) {
        s2[t] += prod[t];
      }
    }
    double[] diff = new double[p * p];
    for (int t = 0; t < diff.length; t++) {
      diff[t] = s1[t] - s2[t] - (rTerm == null ? 0 : rTerm[t] / 4);
    }
    double[] tmp = new double[p * p];
    double[] lambda = new double[p * p];
    Dense.multiply(phi, diff, p, tmp);
    Dense.multiply(tmp, phi, p, lambda);
    phiA = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        phiA[i * p + j] = phi[i * p + j] + (lambda[i * p + j] + lambda[j * p + i]);
      }
    }
    phiQPhi = new double[q][p * p];
    for (int i = 0; i < q; i++) {
      Dense.multiply(phi, ev.qk[i], p, tmp);
      Dense.multiply(tmp, phi, p, phiQPhi[i]);
    }
  }

  /** L Phi_A L' for a contrast row L. */
  double adjustedVariance(double[] l) {
    return Dense.quadratic(l, phiA, l, p);
  }

  /** Kenward-Roger's adjusted covariance Phi_A of the fixed effects (p x p, row-major; not to be modified). */
  double[] adjustedCovariance() {
    return phiA;
  }
}
