package org.trialstat.stats.mmrm;

import org.apache.commons.statistics.distribution.FDistribution;
import org.trialstat.stats.linalg.Dense;

/**
 * Kenward &amp; Roger's (1997, Biometrics 53:983-997) F test of H0: L beta = 0, with Phi, Phi_A, P_i and W
 * of the adjustment {@link KenwardRoger} of a fit.
 *
 * <p>L of full row rank l (their section 4): F = (L b)' (L Phi_A L')^-1 (L b) / l, and lambda F ~ F(l, m) with Theta = L' (L Phi L')^-1 L,
 * A1 = sum_ij W_ij tr(Theta Phi P_i Phi) tr(Theta Phi P_j Phi), A2 = sum_ij W_ij tr(Theta Phi P_i Phi
 * Theta Phi P_j Phi), B = (A1 + 6 A2) / (2l), g = ((l+1) A1 - (l+4) A2) / ((l+2) A2),
 * c1 = g / (3l + 2(1-g)), c2 = (l-g) / (3l + 2(1-g)), c3 = (l+2-g) / (3l + 2(1-g)),
 * E* = 1 / (1 - A2/l), V* = (2/l) (1 + c1 B) / ((1 - c2 B)^2 (1 - c3 B)), rho = V* / (2 E*^2),
 * m = 4 + (l+2) / (l rho - 1), lambda = m / (E* (m - 2)). For l = 1, A1 = A2, g = -1, lambda = 1 and
 * m = 2 (L Phi L')^2 / (g' W g) with g_i = L (dPhi/d sigma_i) L': the Satterthwaite df computed from the
 * unadjusted Phi, while the standard error is sqrt(L Phi_A L').
 *
 * @param numDf   l, the rows of L
 * @param denDf   m
 * @param lambda  the scale lambda
 * @param f       F, from Phi_A
 * @param scaledF lambda F
 * @param p       P(F(l, m) &gt; lambda F)
 */
record KenwardRogerF(int numDf, double denDf, double lambda, double f, double scaledF, double p) {

  /**
   * The KR F test of H0: L beta = 0 (class Javadoc). Returns NaN numbers when L Phi L' or L Phi_A L'
   * is not positive definite or m is not positive.
   *
   * @param kr   the adjustment of the fit
   * @param l    the l x p contrast matrix, rows {@code l[r]}, of full row rank
   * @param beta the estimates
   */
  static KenwardRogerF of(KenwardRoger kr, double[][] l, double[] beta) {
    int p = kr.p;
    int q = kr.q;
    double[] phi = kr.phi;
    double[] phiA = kr.phiA;
    double[] w = kr.w;
    double[][] phiQPhi = kr.phiQPhi;
    int nl = l.length;
    // Theta = L' (L Phi L')^-1 L
    double[] lpl = sandwich(l, phi, p);
    double[] lplChol = lpl.clone();
    double[] lal = sandwich(l, phiA, p);
    double[] lalChol = lal.clone();
    if (!Dense.cholesky(lplChol, nl) || !Dense.cholesky(lalChol, nl)) {
      return new KenwardRogerF(nl, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    // U_i = (L Phi L')^-1 L (Phi Q_i Phi) L'  (l x l); tr(Theta Phi P_i Phi) = -tr(U_i),
    // tr(Theta Phi P_i Phi Theta Phi P_j Phi) = tr(U_i U_j)
    double[][] u = new double[q][];
    for (int i = 0; i < q; i++) {
      double[] lql = sandwich(l, phiQPhi[i], p);
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
    double f = Dense.dot(lb, sol) / nl;
    if (!(m > 0) || !Double.isFinite(m) || !(lambda > 0)) {
      return new KenwardRogerF(nl, Double.NaN, Double.NaN, f, Double.NaN, Double.NaN);
    }
    double scaled = lambda * f;
    double pv = FDistribution.of(nl, m).survivalProbability(scaled);
    return new KenwardRogerF(nl, m, lambda, f, scaled, pv);
  }

  /** L A L' (l x l) for l x p rows L and a p x p matrix A. */
  private static double[] sandwich(double[][] l, double[] a, int p) {
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
