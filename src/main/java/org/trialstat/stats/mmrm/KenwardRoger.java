package org.trialstat.stats.mmrm;

import java.util.List;
import org.apache.commons.statistics.distribution.FDistribution;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.stats.linalg.Dense;

/**
 * The Kenward &amp; Roger (1997, Biometrics 53:983-997) small-sample adjustment for the fixed effects of
 * the unstructured-covariance MMRM, in the linear parametrisation by the covariance elements sigma_ab,
 * as SAS PROC MIXED DDFM=KR; for structured covariances see {@link #structured} (SAS's parameters, with
 * the second-order term R_ij).
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
 * <p>Test of H0: L beta = 0, L of full row rank l (their section 4): F = (L b)' (L Phi_A L')^-1 (L b) / l,
 * and lambda F ~ F(l, m) with Theta = L' (L Phi L')^-1 L,
 * A1 = sum_ij W_ij tr(Theta Phi P_i Phi) tr(Theta Phi P_j Phi), A2 = sum_ij W_ij tr(Theta Phi P_i Phi
 * Theta Phi P_j Phi), B = (A1 + 6 A2) / (2l), g = ((l+1) A1 - (l+4) A2) / ((l+2) A2),
 * c1 = g / (3l + 2(1-g)), c2 = (l-g) / (3l + 2(1-g)), c3 = (l+2-g) / (3l + 2(1-g)),
 * E* = 1 / (1 - A2/l), V* = (2/l) (1 + c1 B) / ((1 - c2 B)^2 (1 - c3 B)), rho = V* / (2 E*^2),
 * m = 4 + (l+2) / (l rho - 1), lambda = m / (E* (m - 2)). For l = 1, A1 = A2, g = -1, lambda = 1 and
 * m = 2 (L Phi L')^2 / (g' W g) with g_i = L (dPhi/d sigma_i) L': the Satterthwaite df computed from the
 * unadjusted Phi, while the standard error is sqrt(L Phi_A L').
 *
 * <p>Cost: per missingness pattern O(q_m m^3) for the Q_ij sums (q_m the pattern's number of
 * parameters), plus O(q^2 p^2 + q p^3) for the P_i Phi P_j sum, once per fit.
 */
final class KenwardRoger {

  private final int p;
  private final int q;
  /** Phi, the unadjusted covariance of beta_hat (p x p). */
  final double[] phi;
  /** Phi_A, the adjusted covariance (p x p). */
  final double[] phiA;
  /** W = 2 H^-1 (q x q). */
  private final double[] w;
  /** Phi Q_i Phi = -Phi P_i Phi = -dPhi/d sigma_i (p x p each). */
  private final double[][] phiQPhi;

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
  private static double[] twiceInverse(double[] hessianCholesky, int n) {
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
  static KenwardRoger structured(List<Pattern> patterns, int nVisits, int p, int groups,
      CovarianceStructure structure, StructuredFit.Result r, boolean linear) {
    int q1 = nVisits * (nVisits + 1) / 2;
    int q = groups * q1;
    int n = r.theta.length;
    int k = n / groups;
    double[] wt = twiceInverse(r.hessianCholesky, n);
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

  /**
   * @param sigmas the T x T covariance of each group (row-major)
   * @param w      W in the sigma_g,ab (q x q, q = groups T(T+1)/2)
   * @param rTerm  sum_ij W_ij R_ij (p x p), or null when the R_ij vanish
   */
  private KenwardRoger(List<Pattern> patterns, int nVisits, int p, double[][] sigmas, Reml.Eval ev, double[] w,
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

  /** KR's F test of L beta = 0; {@code l} has full row rank. */
  record FTest(int numDf, double denDf, double lambda, double f, double scaledF, double p) {
  }

  /**
   * The KR F test of H0: L beta = 0 (class Javadoc). Returns NaN numbers when L Phi L' or L Phi_A L'
   * is not positive definite or m is not positive.
   *
   * @param l    the l x p contrast matrix, rows {@code l[r]}
   * @param beta the estimates
   */
  FTest test(double[][] l, double[] beta) {
    int nl = l.length;
    // Theta = L' (L Phi L')^-1 L
    double[] lpl = sandwich(l, phi);
    double[] lplChol = lpl.clone();
    double[] lal = sandwich(l, phiA);
    double[] lalChol = lal.clone();
    if (!Dense.cholesky(lplChol, nl) || !Dense.cholesky(lalChol, nl)) {
      return new FTest(nl, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    // U_i = (L Phi L')^-1 L (Phi Q_i Phi) L'  (l x l); tr(Theta Phi P_i Phi) = -tr(U_i),
    // tr(Theta Phi P_i Phi Theta Phi P_j Phi) = tr(U_i U_j)
    double[][] u = new double[q][];
    for (int i = 0; i < q; i++) {
      double[] lql = sandwich(l, phiQPhi[i]);
      double[] ui = new double[nl * nl];
      for (int c = 0; c < nl; c++) {
        double[] col = new double[nl];
        for (int r = 0; r < nl; r++) {
          col[r] = lql[r * nl + c];
        }
        Dense.solve(lplChol, nl, col);
        for (int r = 0; r < nl; r++) {
          ui[r * nl + c] = col[r];
        }
      }
      u[i] = ui;
    }
    double a1 = 0;
    double a2 = 0;
    for (int i = 0; i < q; i++) {
      double tri = 0;
      for (int r = 0; r < nl; r++) {
        tri += u[i][r * nl + r];
      }
      for (int j = 0; j < q; j++) {
        double wij = w[i * q + j];
        double trj = 0;
        double trij = 0;
        for (int r = 0; r < nl; r++) {
          trj += u[j][r * nl + r];
          for (int c = 0; c < nl; c++) {
            trij += u[i][r * nl + c] * u[j][c * nl + r];
          }
        }
        a1 += wij * tri * trj;
        a2 += wij * trij;
      }
    }
    double b = (a1 + 6 * a2) / (2 * nl);
    double g = ((nl + 1) * a1 - (nl + 4) * a2) / ((nl + 2) * a2);
    double den = 3 * nl + 2 * (1 - g);
    double c1 = g / den;
    double c2 = (nl - g) / den;
    double c3 = (nl + 2 - g) / den;
    double eStar = 1 / (1 - a2 / nl);
    double vStar = (2.0 / nl) * (1 + c1 * b) / ((1 - c2 * b) * (1 - c2 * b) * (1 - c3 * b));
    double rho = vStar / (2 * eStar * eStar);
    double m = 4 + (nl + 2) / (nl * rho - 1);
    double lambda = m / (eStar * (m - 2));
    double[] lb = new double[nl];
    for (int r = 0; r < nl; r++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += l[r][j] * beta[j];
      }
      lb[r] = s;
    }
    double[] sol = lb.clone();
    Dense.solve(lalChol, nl, sol);
    double f = 0;
    for (int r = 0; r < nl; r++) {
      f += lb[r] * sol[r];
    }
    f /= nl;
    if (!(m > 0) || !Double.isFinite(m) || !(lambda > 0)) {
      return new FTest(nl, Double.NaN, Double.NaN, f, Double.NaN, Double.NaN);
    }
    double scaled = lambda * f;
    double pv = FDistribution.of(nl, m).survivalProbability(scaled);
    return new FTest(nl, m, lambda, f, scaled, pv);
  }

  /** L A L' (l x l) for l x p rows L and a p x p matrix A. */
  private double[] sandwich(double[][] l, double[] a) {
    int nl = l.length;
    double[] out = new double[nl * nl];
    for (int r = 0; r < nl; r++) {
      double[] al = Dense.times(a, l[r], p);
      for (int c = 0; c < nl; c++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += l[c][j] * al[j];
        }
        out[c * nl + r] = s;
      }
    }
    return out;
  }
}
