package org.trialstat.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.MetaSettings.Adjustment;
import org.trialstat.model.MetaSettings.Model;

/**
 * Inverse-variance pooling of k study effects, common effect or random effects, as metafor 3.8's
 * {@code rma.uni} with an intercept only (Borenstein et al. 2009, ch. 11-12; Viechtbauer 2010).
 *
 * <ul>
 *   <li>Weights {@code w_i = 1 / (v_i + tau^2)} ({@code tau^2 = 0} in the common-effect model, tau^2
 *       by {@link Tau2Estimator} otherwise); {@code mu = sum w y / sum w}, {@code se = 1 / sqrt(sum w)};
 *       z test and normal interval.
 *   <li>Hartung-Knapp-Sidik-Jonkman (Hartung and Knapp 2001; Sidik and Jonkman 2002): {@code se^2} times
 *       {@code s2 = sum w (y - mu)^2 / (k - 1)} (0 when that sum is below machine epsilon, as metafor),
 *       t with k - 1 df; {@link Adjustment#KNHA_TRUNCATED} uses {@code max(1, s2)} (Knapp and Hartung
 *       2003; metafor's {@code test = "adhoc"}), so that the interval is never narrower than the
 *       unadjusted one. RevMan 5 offers HKSJ only since version 5.4 and only with DL tau^2.
 *   <li>Prediction interval (Higgins et al. 2009): {@code mu +/- c sqrt(tau2 + se^2)} with c the normal
 *       quantile, or the t quantile with k - 1 df under an adjustment (metafor's {@code predict}); with
 *       {@link MetaSettings.Prediction#RILEY} c is the t quantile with k - 2 df (Riley et al. 2011, BMJ
 *       342:d549), not estimable for k &lt; 3 (metafor would clamp the df at 1). A common-effect model has
 *       none (NaN with a reason), as metafor's {@code predict} prints none.
 *   <li>Heterogeneity: {@link Heterogeneity}.
 * </ul>
 * Not estimable (a value with a reason): k &lt; 2 (metafor fits k = 1 with tau^2 = 0, which is no
 * meta-analysis) and an iterative tau^2 that does not converge. k = 2 is estimable under every model.
 */
public final class Pooling {

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
  private static final double EPSILON = Math.ulp(1.0);

  private final MetaSettings settings;

  /** A pooling routine with the given options (measure is not used here). */
  public Pooling(MetaSettings settings) {
    if (!(settings.confLevel() > 0 && settings.confLevel() < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1): " + settings.confLevel());
    }
    if (settings.model() == Model.MH || settings.model() == Model.PETO) {
      throw new IllegalArgumentException(settings.model() + " pools counts: use MantelHaenszel or Peto");
    }
    this.settings = settings;
  }

  /** The options. */
  public MetaSettings settings() {
    return settings;
  }

  /** The method name of the results, for example "random effects, REML tau^2, z". */
  public String methodName() {
    StringBuilder b = new StringBuilder();
    if (settings.model() == Model.RANDOM) {
      b.append("random effects, ").append(Tau2Estimator.of(settings.tau2()).label()).append(" tau^2");
    } else {
      b.append("common effect, inverse variance");
    }
    b.append(switch (settings.adjustment()) {
      case NONE -> ", z test";
      case KNHA -> ", Hartung-Knapp-Sidik-Jonkman t test";
      case KNHA_TRUNCATED -> ", Hartung-Knapp-Sidik-Jonkman t test (scale truncated at 1)";
    });
    if (settings.prediction() == MetaSettings.Prediction.RILEY) {
      b.append(", Riley prediction interval (t, k - 2 df)");
    }
    return b.toString();
  }

  /**
   * Pools the studies.
   *
   * @param y effects (finite)
   * @param v sampling variances (finite, &gt; 0)
   * @return the pooled effect, or a not-estimable value with its reason
   */
  public MetaPooled pool(double[] y, double[] v) {
    int k = y.length;
    double level = settings.confLevel();
    if (k < 2) {
      return MetaPooled.notEstimable(k, level, methodName(), k == 0 ? "no study with an estimable effect"
          : "k = 1: a meta-analysis needs at least 2 studies with an estimable effect");
    }
    Studies s = new Studies(y, v);
    boolean random = settings.model() == Model.RANDOM;
    double tau2 = random ? Tau2Estimator.of(settings.tau2()).estimate(s) : 0;
    if (Double.isNaN(tau2)) {
      return MetaPooled.notEstimable(k, level, methodName(), "the iteration for tau^2 did not converge");
    }
    Heterogeneity h = new Heterogeneity(s, level, tau2);
    double[] w = s.weights(tau2);
    double sw = Studies.sum(w);
    double mu = s.mean(w);
    double se = Math.sqrt(1 / sw);
    boolean adjusted = settings.adjustment() != Adjustment.NONE;
    if (adjusted) {
      double rss = s.rss(w);
      double scale = rss <= EPSILON ? 0 : rss / (k - 1);
      if (settings.adjustment() == Adjustment.KNHA_TRUNCATED) {
        scale = Math.max(1, scale);
      }
      se *= Math.sqrt(scale);
    }
    double df = adjusted ? k - 1 : Double.NaN;
    double stat = mu / se;
    double crit = adjusted ? tCrit(level, df) : zCrit(level);
    double p = adjusted ? 2 * TDistribution.of(df).survivalProbability(Math.abs(stat))
        : 2 * NORMAL.survivalProbability(Math.abs(stat));
    String reason = null;
    double piCrit = crit;
    if (settings.prediction() == MetaSettings.Prediction.RILEY) {
      piCrit = k < 3 ? Double.NaN : tCrit(level, k - 2);
      reason = k < 3 ? "Riley's prediction interval needs k >= 3 (t with k - 2 df)" : null;
    }
    if (!random) {
      piCrit = Double.NaN;
      reason = "no prediction interval in a common-effect model";
    }
    double piHalf = piCrit * Math.sqrt(tau2 + se * se);
    List<Double> weights = new ArrayList<>();
    for (double x : w) {
      weights.add(100 * x / sw);
    }
    double i2 = random ? h.i2(tau2) : h.i2Common();
    double h2 = random ? h.h2(tau2) : h.h2Common();
    return new MetaPooled(k, mu, se, mu - crit * se, mu + crit * se, level, adjusted ? "t" : "z", stat, df, p,
        tau2, h.tau2Low, h.tau2High, i2, h.i2(h.tau2Low), h.i2(h.tau2High), h2, h.h2(h.tau2Low),
        h.h2(h.tau2High), h.q, h.df, h.qP, mu - piHalf, mu + piHalf, weights, methodName(), reason);
  }

  /**
   * A single study as metafor fits k = 1 (the first step of a cumulative meta-analysis, a subgroup of
   * one): its own effect, {@code se = sqrt(v)}, z test, tau^2 = 0, Q = 0, I^2 = 0, H^2 = 1, no
   * interval for tau^2 and no prediction interval; the reason says so.
   */
  public MetaPooled single(double y, double v) {
    double level = settings.confLevel();
    double se = Math.sqrt(v);
    double z = zCrit(level);
    double n = Double.NaN;
    return new MetaPooled(1, y, se, y - z * se, y + z * se, level, "z", y / se, n,
        2 * NORMAL.survivalProbability(Math.abs(y / se)), 0, n, n, 0, n, n, 1, n, n, 0, 0, 1, n, n, List.of(100.0),
        methodName(), "one study: its own effect, tau^2 set to 0 (as metafor)");
  }

  static double zCrit(double level) {
    return NORMAL.inverseSurvivalProbability((1 - level) / 2);
  }

  static double tCrit(double level, double df) {
    return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
  }
}
