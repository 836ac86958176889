package org.trialstat.stats.meta;

import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstat.model.EggerTest;

/**
 * Egger's regression test (Egger et al. 1997, BMJ 315:629) in metafor 3.8's form
 * {@code regtest(model = "lm", predictor = "sei")}: weighted least squares of {@code y_i} on
 * {@code sqrt(v_i)} with weights {@code 1/v_i} and a free residual variance (Sterne and Egger 2005),
 * algebraically Egger's regression of {@code y/sqrt(v)} on {@code 1/sqrt(v)} with intercept and slope
 * exchanged. With {@code x = sqrt(v)}, weighted means {@code xbar, ybar}, {@code Sxx = sum w (x - xbar)^2}:
 * slope {@code b = sum w (x - xbar)(y - ybar) / Sxx}, intercept {@code a = ybar - b xbar},
 * {@code s^2 = sum w (y - a - b x)^2 / (k - 2)}, {@code se(b) = sqrt(s^2 / Sxx)}, {@code se(a) = sqrt(s^2
 * (1/sum w + xbar^2 / Sxx))}; {@code t = b / se(b)} on k - 2 df. The intercept is the "limit estimate"
 * (effect at se = 0), with a t interval. Not estimable for k &lt; 3, equal variances (Sxx = 0) or a
 * perfect fit. The test does not depend on the pooling model (metafor's "lm" ignores tau^2).
 */
public final class EggerRegression {

  /** The method name of the result. */
  public static final String METHOD = "Egger's regression test, weighted lm of yi on sei (metafor regtest, "
      + "model = \"lm\")";

  private EggerRegression() {
  }

  /** The test for effects y with sampling variances v (finite, v &gt; 0). */
  public static EggerTest test(double[] y, double[] v, double confLevel) {
    int k = y.length;
    if (k < 3) {
      return EggerTest.notEstimable(Math.max(0, k - 2), confLevel, METHOD, "Egger's test needs at least 3 studies");
    }
    double sw = 0;
    double swx = 0;
    double swy = 0;
    for (int i = 0; i < k; i++) {
      double w = 1 / v[i];
      sw += w;
      swx += w * Math.sqrt(v[i]);
      swy += w * y[i];
    }
    double xbar = swx / sw;
    double ybar = swy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < k; i++) {
      double w = 1 / v[i];
      double dx = Math.sqrt(v[i]) - xbar;
      sxx += w * dx * dx;
      sxy += w * dx * (y[i] - ybar);
    }
    if (!(sxx > 1e-14 * sw * xbar * xbar)) {
      return EggerTest.notEstimable(k - 2, confLevel, METHOD, "all studies have the same variance");
    }
    double b = sxy / sxx;
    double a = ybar - b * xbar;
    double rss = 0;
    for (int i = 0; i < k; i++) {
      double r = y[i] - a - b * Math.sqrt(v[i]);
      rss += r * r / v[i];
    }
    int df = k - 2;
    double s2 = rss / df;
    if (!(s2 > 0)) {
      return EggerTest.notEstimable(df, confLevel, METHOD, "the regression fits exactly (residual variance 0)");
    }
    double seB = Math.sqrt(s2 / sxx);
    double seA = Math.sqrt(s2 * (1 / sw + xbar * xbar / sxx));
    TDistribution t = TDistribution.of(df);
    double tb = b / seB;
    double crit = t.inverseSurvivalProbability((1 - confLevel) / 2);
    return new EggerTest(b, seB, tb, df, 2 * t.survivalProbability(Math.abs(tb)), a, a - crit * seA, a + crit * seA,
        confLevel, METHOD, null);
  }
}
