package org.trialstat.stats.meta;

import org.trialstat.model.MetaSettings;

/**
 * Estimators of the between-study variance tau^2 of the random-effects model {@code y_i ~ N(mu, v_i +
 * tau^2)}, as metafor 3.8's {@code rma(method = ...)} (Viechtbauer 2005; Veroniki et al. 2016). With
 * {@code w_i = 1/v_i}, Cochran's {@code Q = sum w (y - mu_w)^2} and {@code Q(tau2)} the same with weights
 * {@code 1/(v + tau2)}. Every estimate is truncated at 0, as metafor. Each needs k &gt;= 2 (the caller
 * reports k = 1 as not estimable).
 *
 * <p>Iterative estimators: ML and REML by Fisher scoring from the Hedges estimate (metafor's start and
 * step-halving at the boundary), stopping when {@code |tau2_new - tau2_old| <= 1e-13 max(1, tau2)} or
 * after 10,000 steps (then NaN); afterwards, as metafor's {@code ll0check}, 0 replaces the estimate
 * when the log-likelihood at 0 is at least as high. PM and EB solve their estimating equation with
 * {@link Roots} (Brent). metafor stops Fisher scoring at a change below 1e-5 and {@code uniroot} at
 * 1.2e-4 by default, so its printed iterative values may differ from these in the 5th digit.
 */
public enum Tau2Estimator {

  /** DerSimonian and Laird (1986): {@code max(0, (Q - (k - 1)) / (sum w - sum w^2 / sum w))}. */
  DL("DerSimonian-Laird") {
    @Override
    double raw(Studies s) {
      double[] w = s.weights(0);
      return (s.rss(w) - (s.k - 1)) / Studies.traceP(w);
    }
  },

  /**
   * Restricted maximum likelihood (Viechtbauer 2005): Fisher scoring {@code tau2 += (sum (w r)^2 -
   * trP) / trPP} with {@code r = y - mu}, {@code trP = sum w - sum w^2/sum w}, {@code trPP = sum w^2 -
   * 2 sum w^3 / sum w + (sum w^2)^2 / (sum w)^2}.
   */
  REML("REML") {
    @Override
    double raw(Studies s) {
      return FisherScoring.solve(s, true);
    }
  },

  /**
   * Paule and Mandel (1982): the root of {@code Q(tau2) = k - 1}; 0 when {@code Q(0) < k - 1}.
   */
  PM("Paule-Mandel") {
    @Override
    double raw(Studies s) {
      return s.q(0) < s.k - 1 ? 0 : Roots.decreasing(s::q, s.k - 1, HE.estimate(s));
    }
  },

  /**
   * Hunter and Schmidt (2004), metafor's "HS": {@code max(0, (Q - k) / sum w)}. (The "hs";
   * Hedges' estimator is {@link #HE}.)
   */
  HS("Hunter-Schmidt") {
    @Override
    double raw(Studies s) {
      double[] w = s.weights(0);
      return (s.rss(w) - s.k) / Studies.sum(w);
    }
  },

  /**
   * Hedges (1983), metafor's "HE": {@code max(0, sum (y - ybar)^2 / (k - 1) - mean(v))} with the
   * unweighted mean ybar.
   */
  HE("Hedges") {
    @Override
    double raw(Studies s) {
      return s.unweightedRss() / (s.k - 1) - Studies.sum(s.v) / s.k;
    }
  },

  /**
   * Sidik and Jonkman (2005): {@code tau0 = sum (y - ybar)^2 / k}, then {@code tau0 Q(tau0) / (k - 1)}
   * (one step, metafor's "SJ").
   */
  SJ("Sidik-Jonkman") {
    @Override
    double raw(Studies s) {
      double t0 = s.unweightedRss() / s.k;
      return t0 * s.q(t0) / (s.k - 1);
    }
  },

  /** Maximum likelihood: Fisher scoring {@code tau2 += (sum (w r)^2 - sum w) / sum w^2}. */
  ML("ML") {
    @Override
    double raw(Studies s) {
      return FisherScoring.solve(s, false);
    }
  },

  /**
   * Empirical Bayes (Morris 1983; Berkey et al. 1995): the root of {@code Q(tau2) k / (k - 1) = k}, which
   * in the intercept-only model is the Paule-Mandel equation; metafor reaches it by the iteration
   * {@code tau2 += (Q(tau2) k/(k-1) - k) / sum w}, this class by Brent's method.
   */
  EB("empirical Bayes") {
    @Override
    double raw(Studies s) {
      return PM.raw(s);
    }
  };

  private final String label;

  Tau2Estimator(String label) {
    this.label = label;
  }

  /** The routine behind an option. */
  public static Tau2Estimator of(MetaSettings.Tau2 option) {
    return valueOf(option.name());
  }

  /** The estimator's name, for example "DerSimonian-Laird". */
  public String label() {
    return label;
  }

  /**
   * tau^2 of the given effects and variances.
   *
   * @param y effects, finite, at least 2
   * @param v sampling variances, finite and positive
   * @return tau^2 &gt;= 0, or NaN when an iteration does not converge
   */
  public double estimate(double[] y, double[] v) {
    Studies s = new Studies(y, v);
    if (s.k < 2) {
      throw new IllegalArgumentException("tau^2 needs at least 2 studies");
    }
    return estimate(s);
  }

  double estimate(Studies s) {
    double t = raw(s);
    return Double.isNaN(t) ? t : Math.max(0, t);
  }

  abstract double raw(Studies s);
}
