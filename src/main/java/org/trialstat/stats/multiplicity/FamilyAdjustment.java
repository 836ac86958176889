package org.trialstat.stats.multiplicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstat.model.Adjusted;
import org.trialstat.model.Difference;
import org.trialstat.model.Multiplicity;

/**
 * Multiplicity adjustment of one statistic over its family of m comparisons ({@code analyze --adjust}).
 *
 * <ul>
 * <li>Bonferroni, Holm, Hochberg, Hommel: {@link PAdjust} (R {@code p.adjust}). Bonferroni also gives
 * the simultaneous interval estimate +/- t(1 - (1 - level) / (2 m), df) se with each difference's own df
 * (for Welch and the MMRM, fractional); the step-wise methods have no interval.</li>
 * <li>Dunnett (1955, JASA 50:1096-1121), single-step: with t_i = estimate_i / se_i and R the correlation
 * of the m estimates, p~_i = 1 - P(max_j |T_j| &lt; |t_i|) and the simultaneous interval
 * estimate_i +/- c se_i with P(max_j |T_j| &lt; c) = level, T multivariate t with the model's residual
 * df ({@link MultivariateT}); as R {@code summary(glht(fit, linfct = mcp(arm = "Dunnett")))} and its
 * {@code confint}, whose numbers are Monte Carlo (mvtnorm's default absolute error 0.001).</li>
 * </ul>
 * NaN p values (comparisons that could not be estimated) stay NaN and do not count in m, as in R.
 */
public final class FamilyAdjustment {

  private FamilyAdjustment() {
  }

  /**
   * Adjusted p values of a family of tests that give a p value only (Fisher's exact test).
   *
   * @param method a method other than {@link Multiplicity#NONE} and {@link Multiplicity#DUNNETT}
   * @param p      the family's p values
   * @return one adjusted p per test, without intervals
   */
  public static List<Adjusted> ofPValues(Multiplicity method, double[] p) {
    double[] adjusted = stepwise(method).adjust(p);
    List<Adjusted> out = new ArrayList<>();
    for (double a : adjusted) {
      out.add(new Adjusted(method, a, Double.NaN, Double.NaN, p.length, describe(method, p.length)));
    }
    return out;
  }

  /**
   * Adjusted p values of a family of differences, with Bonferroni's simultaneous intervals.
   *
   * @param method a method other than {@link Multiplicity#NONE} and {@link Multiplicity#DUNNETT}
   * @param family the differences, each with its p value, SE and df
   * @return one adjusted value per difference
   */
  public static List<Adjusted> ofDifferences(Multiplicity method, List<Difference> family) {
    int m = family.size();
    double[] p = family.stream().mapToDouble(Difference::p).toArray();
    List<Adjusted> plain = ofPValues(method, p);
    if (method != Multiplicity.BONFERRONI) {
      return plain;
    }
    List<Adjusted> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      Difference d = family.get(i);
      double lo = Double.NaN;
      double hi = Double.NaN;
      if (d.estimable() && d.df() > 0 && Double.isFinite(d.se())) {
        double q = TDistribution.of(d.df()).inverseSurvivalProbability((1 - d.confLevel()) / (2 * m));
        lo = d.estimate() - q * d.se();
        hi = d.estimate() + q * d.se();
      }
      out.add(new Adjusted(method, plain.get(i).p(), lo, hi, m, plain.get(i).method()
          + String.format(Locale.ROOT, "; simultaneous %s CI: estimate +/- t(1 - (1 - %s) / (2 x %d), df) SE",
              shortest(d.confLevel()), shortest(d.confLevel()), m)));
    }
    return out;
  }

  /**
   * Dunnett's single-step adjustment of m model contrasts against one control.
   *
   * @param family     the contrasts (treatment i minus the control)
   * @param covariance their m x m covariance matrix
   * @param df         the model's residual df ({@link Double#POSITIVE_INFINITY}: normal)
   * @return one adjusted value per contrast, with the simultaneous interval; NaN numbers and a method
   *     saying why when a contrast of the family is not estimable
   */
  public static List<Adjusted> dunnett(List<Difference> family, double[][] covariance, double df) {
    int m = family.size();
    List<Adjusted> out = new ArrayList<>();
    boolean estimable = family.stream().allMatch(d -> d.estimable() && d.se() > 0);
    if (!estimable) {
      for (int i = 0; i < m; i++) {
        out.add(new Adjusted(Multiplicity.DUNNETT, Double.NaN, Double.NaN, Double.NaN, m,
            describe(Multiplicity.DUNNETT, m) + "; not computed: a contrast of the family is not estimable"));
      }
      return out;
    }
    double[][] r = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        r[i][j] = i == j ? 1 : covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
      }
    }
    MultivariateT dist = MultivariateT.of(r, df);
    double level = family.get(0).confLevel();
    double c = dist.quantile(level);
    String method = describe(Multiplicity.DUNNETT, m) + String.format(Locale.ROOT,
        "; multivariate t, %s df; simultaneous CI estimate +/- %.4f SE (as R multcomp::glht)", shortest(df), c);
    for (Difference d : family) {
      double p = Math.min(1, Math.max(0, 1 - dist.probability(Math.abs(d.t()))));
      out.add(new Adjusted(Multiplicity.DUNNETT, p, d.estimate() - c * d.se(), d.estimate() + c * d.se(), m, method));
    }
    return out;
  }

  private static PAdjust stepwise(Multiplicity method) {
    return switch (method) {
      case BONFERRONI -> PAdjust.BONFERRONI;
      case HOLM -> PAdjust.HOLM;
      case HOCHBERG -> PAdjust.HOCHBERG;
      case HOMMEL -> PAdjust.HOMMEL;
      case NONE, DUNNETT -> throw new IllegalArgumentException("not a p.adjust method: " + method);
    };
  }

  private static String describe(Multiplicity method, int m) {
    return method.label() + " over " + m + (m == 1 ? " comparison" : " comparisons")
        + (method == Multiplicity.DUNNETT ? "" : " (as R p.adjust)");
  }

  private static String shortest(double v) {
    return org.trialstat.model.Numbers.shortest(v);
  }
}
