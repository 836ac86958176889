package org.trialstat.analysis;

import java.util.List;
import java.util.Map;
import org.trialstat.model.Difference;
import org.trialstat.stats.LinearModel;

/**
 * Contrasts of the fitted ANCOVA between any two arms (R: {@code emmeans(fit, pairwise ~ arm)} without
 * adjustment, or {@code glht} with one row), and the covariance of contrasts against the control.
 */
final class AncovaPairs {
  private final LinearModel fit;
  private final Map<String, Integer> column;
  private final Map<String, String> none;
  private final String method;
  private final double level;
  private final int p;
  /** The outcome's scale factor in the fit ({@link AncovaRows#f}): estimates are divided by it. */
  private final double f;

  AncovaPairs(LinearModel fit, Map<String, Integer> column, Map<String, String> none, String method,
      double level, int p, double f) {
    this.f = f;
    this.fit = fit;
    this.column = column;
    this.none = none;
    this.method = method;
    this.level = level;
    this.p = p;
  }

  /** Treatment minus control from the model of all arms. */
  Difference contrast(String treatment, String control) {
    String why = none.getOrDefault(treatment, none.get(control));
    if (why != null) {
      return Difference.notEstimable(method, level, why);
    }
    return AncovaRows.unscaled(fit.contrastTest(weights(treatment, control), level, method), f);
  }

  /** The covariance matrix of the contrasts (treatment_i minus control). */
  double[][] covariance(List<String> treatments, String control) {
    int m = treatments.size();
    double[][] out = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] li = weights(treatments.get(i), control);
      for (int j = 0; j < m; j++) {
        double[] lj = weights(treatments.get(j), control);
        double s = 0;
        for (int a = 0; a < p; a++) {
          for (int b = 0; b < p; b++) {
            if (li[a] != 0 && lj[b] != 0) {
              s += li[a] * lj[b] * fit.covariance(a, b);
            }
          }
        }
        out[i][j] = s / (f * f);
      }
    }
    return out;
  }

  /** The residual df of the fit. */
  double df() {
    return fit == null ? Double.NaN : fit.residualDf();
  }

  private double[] weights(String treatment, String control) {
    double[] l = new double[p];
    Integer t = column.get(treatment);
    Integer c = column.get(control);
    if (t != null) {
      l[t] += 1;
    }
    if (c != null) {
      l[c] -= 1;
    }
    return l;
  }
}
