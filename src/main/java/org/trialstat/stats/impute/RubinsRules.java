package org.trialstat.stats.impute;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Rubin's rules for combining M complete-data analyses of multiply imputed data (Rubin 1987, Multiple
 * Imputation for Nonresponse in Surveys, Wiley, section 3.1), with the small-sample degrees of freedom
 * of Barnard &amp; Rubin (1999, Biometrika 86:948-955), as rbmi's {@code pool} for
 * {@code method_approxbayes} and {@code method_bayes} (rbmi vignette {@code stat_specs}, section 3.7;
 * R functions {@code rubin_rules} and {@code rubin_df}):
 * <pre>
 *   theta = mean(theta_m);  W = mean(se_m^2);  B = var(theta_m) (divisor M - 1)
 *   T = W + (1 + 1/M) B;  lambda = (1 + 1/M) B / T
 *   nu_old = (M - 1) / lambda^2;  nu_obs = (nu_com + 1) / (nu_com + 3) nu_com (1 - lambda)
 *   nu = nu_old nu_obs / (nu_old + nu_obs)   (nu_obs when B = 0; nu_old when nu_com is infinite)
 * </pre>
 * with nu_com the complete-data df (the ANCOVA's residual df n - p). The interval is theta +/- t(nu)
 * sqrt(T), p is two-sided from t(nu). Edge cases: M = 1 has no B (NaN: not estimable); nu_com infinite
 * and B = 0 gives nu infinite (normal quantiles), as rbmi. R's {@code mice::pool} uses the same
 * formulas ({@code barnard.rubin}); SAS PROC MIANALYZE uses them with its EDF option.
 */
public final class RubinsRules {

  private RubinsRules() {
  }

  /**
   * Pools M estimates.
   *
   * @param est   the M point estimates
   * @param se    their complete-data standard errors
   * @param dfCom the complete-data df (Double.POSITIVE_INFINITY for large-sample analyses)
   * @param level confidence level
   */
  public static Pooled pool(double[] est, double[] se, double dfCom, double level) {
    int m = est.length;
    double mean = 0;
    double w = 0;
    for (int i = 0; i < m; i++) {
      mean += est[i];
      w += se[i] * se[i];
    }
    mean /= m;
    w /= m;
    double b = 0;
    for (double e : est) {
      b += (e - mean) * (e - mean);
    }
    b = m > 1 ? b / (m - 1) : Double.NaN;
    double t = w + (1 + 1.0 / m) * b;
    double df = df(dfCom, b, t, m);
    return Pooled.t(mean, Math.sqrt(t), df, level);
  }

  /** Barnard and Rubin's df, as rbmi's {@code rubin_df}. */
  static double df(double dfCom, double b, double t, int m) {
    if (Double.isNaN(dfCom) || (Double.isInfinite(dfCom) && b == 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double lambda = (1 + 1.0 / m) * b / t;
    double obs = Double.isInfinite(dfCom) ? Double.NaN : (dfCom + 1) / (dfCom + 3) * dfCom * (1 - lambda);
    if (lambda == 0) {
      return obs;
    }
    double old = (m - 1) / (lambda * lambda);
    return Double.isInfinite(dfCom) ? old : old * obs / (old + obs);
  }

  /**
   * A pooled estimate with its interval and two-sided p.
   *
   * @param estimate point estimate
   * @param se       standard error (NaN for a percentile interval)
   * @param df       degrees of freedom of the reference distribution (infinite: normal)
   * @param lower    lower limit
   * @param upper    upper limit
   * @param p        two-sided p value for estimate = 0
   */
  public record Pooled(double estimate, double se, double df, double lower, double upper, double p) {

    /** estimate +/- q se with q the t(df) quantile (normal when df is infinite), p two-sided. */
    static Pooled t(double estimate, double se, double df, double level) {
      if (!(se > 0) || !(df > 0)) {
        return new Pooled(estimate, se, df, Double.NaN, Double.NaN, Double.NaN);
      }
      double q;
      double p;
      double z = Math.abs(estimate / se);
      if (Double.isInfinite(df)) {
        var n = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        q = n.inverseSurvivalProbability((1 - level) / 2);
        p = 2 * n.survivalProbability(z);
      } else {
        TDistribution td = TDistribution.of(df);
        q = td.inverseSurvivalProbability((1 - level) / 2);
        p = 2 * td.survivalProbability(z);
      }
      return new Pooled(estimate, se, df, estimate - q * se, estimate + q * se, p);
    }
  }
}
