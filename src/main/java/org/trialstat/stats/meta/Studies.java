package org.trialstat.stats.meta;

/**
 * The effects {@code y} and sampling variances {@code v} of k studies and the weighted sums that every
 * estimator of this package shares (intercept-only model, metafor's notation: {@code w_i = 1 / (v_i +
 * tau^2)}, {@code mu = sum w y / sum w}).
 */
final class Studies {

  final double[] y;
  final double[] v;
  final int k;

  Studies(double[] y, double[] v) {
    if (y.length != v.length) {
      throw new IllegalArgumentException("y and v differ in length");
    }
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i]) || !(v[i] > 0) || !Double.isFinite(v[i])) {
        throw new IllegalArgumentException("study " + (i + 1) + ": y and v must be finite, v > 0");
      }
    }
    this.y = y.clone();
    this.v = v.clone();
    this.k = y.length;
  }

  /** The weights {@code 1 / (v_i + tau2)}. */
  double[] weights(double tau2) {
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      w[i] = 1 / (v[i] + tau2);
    }
    return w;
  }

  /** The weighted mean {@code sum w y / sum w}. */
  double mean(double[] w) {
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < k; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    return swy / sw;
  }

  /** The weighted residual sum of squares {@code sum w (y - mu_w)^2}. */
  double rss(double[] w) {
    double mu = mean(w);
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += w[i] * (y[i] - mu) * (y[i] - mu);
    }
    return s;
  }

  /** The generalized Q statistic {@code Q(tau2) = sum w_i(tau2) (y_i - mu(tau2))^2}; Q(0) is Cochran's Q. */
  double q(double tau2) {
    return rss(weights(tau2));
  }

  /** {@code sum w - sum w^2 / sum w}, the trace of metafor's P matrix (denominator of DL). */
  static double traceP(double[] w) {
    double s1 = 0;
    double s2 = 0;
    for (double x : w) {
      s1 += x;
      s2 += x * x;
    }
    return s1 - s2 / s1;
  }

  /** The "typical" within-study variance of I^2, {@code (k - 1) / traceP(1/v)} (Higgins and Thompson 2002). */
  double typicalVariance() {
    return (k - 1) / traceP(weights(0));
  }

  /** Unweighted {@code sum (y - mean y)^2}. */
  double unweightedRss() {
    double m = 0;
    for (double x : y) {
      m += x;
    }
    m /= k;
    double s = 0;
    for (double x : y) {
      s += (x - m) * (x - m);
    }
    return s;
  }

  static double sum(double[] x) {
    double s = 0;
    for (double d : x) {
      s += d;
    }
    return s;
  }
}
