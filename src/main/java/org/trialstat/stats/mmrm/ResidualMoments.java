package org.trialstat.stats.mmrm;

import java.util.List;
import org.trialstat.stats.linalg.Dense;

/** Moment estimates of the within-subject covariance from ordinary least-squares residuals. */
final class ResidualMoments {

  private ResidualMoments() {
  }

  /**
   * Per covariance group, the T x T matrix of average products e_ia e_ib of the OLS residuals over the
   * subjects observed at both visits (0 where no subject is; the variance 1 where a visit has no
   * observation in the group).
   *
   * @return null when X'X is not positive definite
   */
  static double[][] covariances(List<Pattern> patterns, int nv, int groups, int p) {
    double[] xtx = new double[p * p];
    double[] xty = new double[p];
    for (Pattern pt : patterns) {
      double[] id = Design.identity(pt.m);
      pt.addXtAX(id, xtx);
      pt.addXtAv(id, pt.y, xty);
    }
    if (!Dense.cholesky(xtx, p)) {
      return null;
    }
    Dense.solve(xtx, p, xty);
    double[][] sum = new double[groups][nv * nv];
    int[][] cnt = new int[groups][nv * nv];
    for (Pattern pt : patterns) {
      double[] e = pt.residualProducts(xty);
      for (int a = 0; a < pt.m; a++) {
        for (int b = 0; b < pt.m; b++) {
          sum[pt.group][pt.visits[a] * nv + pt.visits[b]] += e[a * pt.m + b];
          cnt[pt.group][pt.visits[a] * nv + pt.visits[b]] += pt.n;
        }
      }
    }
    double[][] s = new double[groups][nv * nv];
    for (int g = 0; g < groups; g++) {
      for (int i = 0; i < nv * nv; i++) {
        boolean diagonal = i / nv == i % nv;
        s[g][i] = cnt[g][i] > 0 ? sum[g][i] / cnt[g][i] : diagonal ? 1 : 0;
      }
    }
    return s;
  }
}
