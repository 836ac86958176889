package org.trialstat.stats.multiplicity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code confint}, whose numbers are Monte Carlo (mvtnorm's default absolute error 0.001). For an
 * MMRM's contrasts, whose df differ, each contrast's own df, as R emmeans ({@link #dunnettOwnDf}).</li>
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
   * Dunnett's single-step adjustment of m model contrasts against one control, with the model's one df
   * (an ANCOVA's residual df), as R {@code multcomp::glht}.
   *
   * @param family     the contrasts (treatment i minus the control)
   * @param covariance their m x m covariance matrix
   * @param df         the model's residual df ({@link Double#POSITIVE_INFINITY}: normal)
   * @return one adjusted value per contrast, with the simultaneous interval; NaN numbers and a method
   *     saying why when a contrast of the family is not estimable
   */
  public static List<Adjusted> dunnett(List<Difference> family, double[][] covariance, double df) {
    double[] each = new double[family.size()];
    Arrays.fill(each, df);
    return singleStep(family, covariance, each, (d, nu, c) -> String.format(Locale.ROOT,
        "; multivariate t, %s df; simultaneous CI estimate +/- %.4f SE (as R multcomp::glht)", shortest(nu), c));
  }

  /**
   * Dunnett's single-step adjustment of m contrasts against one control whose df differ (an MMRM's
   * Satterthwaite or Kenward-Roger df), as R emmeans {@code summary(contrast(emm, "trt.vs.ctrl"), adjust
   * = "mvt")} (emmeans 1.8.4.1 {@code .adj.p.value}, {@code .my.pmvt}, {@code .my.qmvt}): contrast i's
   * adjusted p and simultaneous quantile c_i come from the multivariate t with the family's correlation
   * and contrast i's OWN df, so two contrasts of one family may have slightly different quantiles. (R
   * multcomp, by contrast, takes one df for the whole family: the normal by default for a gls fit.)
   * Difference from emmeans: emmeans rounds each df to an integer first ({@code .fix.df}: floor(df +
   * 1/4)) because mvtnorm takes an integer df; here the df is used as it is (the multivariate t of
   * {@link MultivariateT} takes any positive df); at 160 df one unit of df moves p by about 4e-6 and the
   * simultaneous limits by about 1.5e-4 (SEs near 1.3 on samples/three_arm_sites.csv).
   *
   * @param family     the contrasts (treatment i minus the control), each with its df
   * @param covariance their m x m covariance matrix (the model's L C L')
   * @return one adjusted value per contrast, with the simultaneous interval estimate_i +/- c_i se_i; NaN
   *     numbers and a method saying why when a contrast of the family is not estimable or has no df
   */
  public static List<Adjusted> dunnettOwnDf(List<Difference> family, double[][] covariance) {
    double[] each = family.stream().mapToDouble(Difference::df).toArray();
    return singleStep(family, covariance, each, (d, nu, c) -> "; multivariate t on each contrast's own df; "
        + "simultaneous CI estimate +/- c SE with c the multivariate t quantile on that df (as R emmeans adjust = "
        + "\"mvt\")");
  }

  /** How one contrast's adjustment was computed: df of its multivariate t and its quantile c. */
  private interface Describe {
    String of(Difference d, double df, double c);
  }

  /** The single-step adjustment with contrast i's multivariate t on {@code df[i]}. */
  private static List<Adjusted> singleStep(List<Difference> family, double[][] covariance, double[] df,
      Describe describe) {
    int m = family.size();
    List<Adjusted> out = new ArrayList<>();
    boolean estimable = family.stream().allMatch(d -> d.estimable() && d.se() > 0);
    String why = !estimable ? "a contrast of the family is not estimable"
        : !Arrays.stream(df).allMatch(v -> v > 0) ? "a contrast of the family has no df"
        : covariance == null ? "the covariance of the contrasts is not available" : null;
    if (why != null) {
      for (int i = 0; i < m; i++) {
        out.add(new Adjusted(Multiplicity.DUNNETT, Double.NaN, Double.NaN, Double.NaN, m,
            describe(Multiplicity.DUNNETT, m) + "; not computed: " + why));
      }
      return out;
    }
    double[][] r = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        r[i][j] = i == j ? 1 : covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
      }
    }
    double level = family.get(0).confLevel();
    Map<Double, MultivariateT> dist = new HashMap<>();
    Map<Double, Double> quantile = new HashMap<>();
    for (int i = 0; i < m; i++) {
      Difference d = family.get(i);
      MultivariateT t = dist.computeIfAbsent(df[i], nu -> MultivariateT.of(r, nu));
      double c = quantile.computeIfAbsent(df[i], nu -> t.quantile(level));
      double p = Math.min(1, Math.max(0, 1 - t.probability(Math.abs(d.t()))));
      out.add(new Adjusted(Multiplicity.DUNNETT, p, d.estimate() - c * d.se(), d.estimate() + c * d.se(), m,
          describe(Multiplicity.DUNNETT, m) + describe.of(d, df[i], c)));
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
