package org.trialstat.stats.impute;

import java.util.List;
import org.trialstat.stats.LinearModel;

/**
 * The analysis model of rbmi's {@code ancova} (rbmi vignette {@code stat_specs}, section 3.7): at each
 * visit separately, the ordinary least-squares fit of the (imputed) outcome on arm + baseline; the
 * treatment effect of each arm is its coefficient (treatment - control, trialstat's orientation; rbmi
 * prints reference - treatment when the reference is the first factor level), the LS mean of each arm is
 * the prediction at the mean baseline of all participants. Only point estimates: the variance comes from
 * the resampling.
 */
final class AncovaEstimates {

  private AncovaEstimates() {
  }

  /**
   * The estimates, per visit: the treatment effect of each non-control arm (in arm order), then the LS
   * mean of each arm (in arm order).
   *
   * @param data   per participant, the completed outcome at every visit
   * @param arm    per participant, the arm index
   * @param base   per participant, the baseline
   * @param arms   number of arms
   * @param control the control arm index
   */
  static double[] estimate(double[][] data, int[] arm, double[] base, int arms, int control) {
    return fit(data, arm, base, arms, control, false)[0];
  }

  /**
   * The estimates of {@link #estimate} and their standard errors from the OLS fit (for Rubin's rules):
   * the SE of a difference is that of its coefficient, the SE of an LS mean sqrt(l' V l) with l the
   * prediction at the mean baseline and V = s^2 (X'X)^-1, as R's {@code emmeans} on the {@code lm}. The
   * complete-data df of every estimate is the residual df n - (arms + 1) (rbmi's {@code ancova} returns
   * {@code df.residual}).
   *
   * @return {estimates, standard errors}
   */
  static double[][] estimateWithSe(double[][] data, int[] arm, double[] base, int arms, int control) {
    return fit(data, arm, base, arms, control, true);
  }

  private static double[][] fit(double[][] data, int[] arm, double[] base, int arms, int control, boolean se) {
    int n = data.length;
    int t = data[0].length;
    int k = arms + 1;
    double[][] x = new double[n][k];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      int c = 1;
      for (int a = 0; a < arms; a++) {
        if (a != control) {
          x[i][c++] = arm[i] == a ? 1 : 0;
        }
      }
      x[i][k - 1] = base[i];
      mean += base[i];
    }
    mean /= n;
    int per = 2 * arms - 1;
    double[] out = new double[t * per];
    double[] ses = se ? new double[t * per] : null;
    double[] y = new double[n];
    for (int v = 0; v < t; v++) {
      for (int i = 0; i < n; i++) {
        y[i] = data[i][v];
      }
      LinearModel lm = LinearModel.fit(x, y);
      double ref = lm.coefficient(0) + lm.coefficient(k - 1) * mean;
      int c = 1;
      int o = v * per;
      for (int a = 0; a < arms; a++) {
        if (a != control) {
          if (se) {
            ses[o] = lm.standardError(c);
          }
          out[o++] = lm.coefficient(c++);
        }
      }
      c = 1;
      for (int a = 0; a < arms; a++) {
        int col = a == control ? -1 : c++;
        if (se) {
          ses[o] = Math.sqrt(lsMeanVariance(lm, col, mean, k));
        }
        out[o++] = col < 0 ? ref : ref + lm.coefficient(col);
      }
    }
    return new double[][] {out, ses};
  }

  /** l' V l for l = (1, e_col, mean baseline). */
  private static double lsMeanVariance(LinearModel lm, int col, double mean, int k) {
    double[] l = new double[k];
    l[0] = 1;
    l[k - 1] = mean;
    if (col > 0) {
      l[col] = 1;
    }
    double v = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        if (l[i] != 0 && l[j] != 0) {
          v += l[i] * l[j] * lm.covariance(i, j);
        }
      }
    }
    return v;
  }

  /** The parameter labels in the order of {@link #estimate}. */
  static String[][] labels(List<String> visits, List<String> arms, int control) {
    int per = 2 * arms.size() - 1;
    String[][] out = new String[visits.size() * per][];
    int o = 0;
    for (String v : visits) {
      for (int a = 0; a < arms.size(); a++) {
        if (a != control) {
          out[o++] = new String[] {"difference", arms.get(a), arms.get(control), v};
        }
      }
      for (String a : arms) {
        out[o++] = new String[] {"ls_mean", a, "", v};
      }
    }
    return out;
  }
}
