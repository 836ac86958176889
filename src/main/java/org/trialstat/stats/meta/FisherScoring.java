package org.trialstat.stats.meta;

/**
 * ML and REML estimation of tau^2 by Fisher scoring, metafor 3.8's algorithm (Viechtbauer 2005,
 * Appendix): start at {@code max(0, Hedges)}, step {@code adj}, halve a step that would make tau^2
 * negative; stop at {@code |change| <= 1e-13 max(1, tau2)} (metafor: 1e-5), at most 10,000 steps (then
 * NaN). Then metafor's {@code ll0check}: 0 when the (restricted) log-likelihood at 0 is not lower.
 *
 * <p>Near tau^2 = 0 the scoring map can overshoot and oscillate with a growing amplitude (for example
 * tau^2 about 1.7e-7, steps of +-2e-9 that grow; metafor's 1e-5 tolerance stops it at once). A step that
 * reverses the previous one without being shorter is therefore halved until it is shorter (a damped
 * step, as step-halving in Jennrich and Sampson 1976); converging iterations never meet this, so their
 * steps are metafor's.
 */
final class FisherScoring {

  private static final int MAX_STEPS = 10_000;
  private static final double TOLERANCE = 1e-13;

  private FisherScoring() {
  }

  static double solve(Studies s, boolean reml) {
    double tau2 = Math.max(0, Tau2Estimator.HE.raw(s));
    double previous = Double.NaN;
    for (int step = 0; step < MAX_STEPS; step++) {
      double adj = adjustment(s, tau2, reml);
      while (tau2 + adj < 0) {
        adj = tau2 == 0 ? 0 : adj / 2;
      }
      while (adj * previous < 0 && Math.abs(adj) >= Math.abs(previous)) {
        adj /= 2; // damped: the step reverses the previous one without being shorter
      }
      previous = adj;
      double next = tau2 + adj;
      boolean done = Math.abs(next - tau2) <= TOLERANCE * Math.max(1, tau2);
      tau2 = next;
      if (done) {
        return logLikelihood(s, 0, reml) >= logLikelihood(s, tau2, reml) ? 0 : tau2;
      }
    }
    return Double.NaN;
  }

  private static double adjustment(Studies s, double tau2, boolean reml) {
    double[] w = s.weights(tau2);
    double mu = s.mean(w);
    double sw = 0;
    double sw2 = 0;
    double sw3 = 0;
    double ypy = 0;
    for (int i = 0; i < s.k; i++) {
      sw += w[i];
      sw2 += w[i] * w[i];
      sw3 += w[i] * w[i] * w[i];
      double wr = w[i] * (s.y[i] - mu);
      ypy += wr * wr;
    }
    if (!reml) {
      return (ypy - sw) / sw2;
    }
    double trP = sw - sw2 / sw;
    double trPP = sw2 - 2 * sw3 / sw + sw2 * sw2 / (sw * sw);
    return (ypy - trP) / trPP;
  }

  /** The log-likelihood (REML: restricted) of the intercept-only model at tau2, without constants. */
  static double logLikelihood(Studies s, double tau2, boolean reml) {
    double[] w = s.weights(tau2);
    double ll = -0.5 * s.rss(w);
    for (double x : w) {
      ll += 0.5 * Math.log(x);
    }
    return reml ? ll - 0.5 * Math.log(Studies.sum(w)) : ll;
  }
}
