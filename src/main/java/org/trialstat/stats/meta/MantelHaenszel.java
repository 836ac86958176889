package org.trialstat.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.StudyEffect;
import org.trialstat.model.WaldEffect;
import org.trialstat.stats.binary.MantelHaenszelEstimator;
import org.trialstat.stats.binary.StratumTable;

/**
 * Common-effect pooling of 2x2 tables by Mantel and Haenszel (1959), as metafor 3.8's {@code rma.mh}
 * (no zero-cell correction of the counts: {@code add = c(1/2, 0)}); the estimate and its variance are
 * those of the stratified analysis, {@link MantelHaenszelEstimator}, with each study a stratum. With {@code N = n1 + n2} per study
 * and cells a, b (treatment events, non-events), c, d (control):
 * <ul>
 *   <li>OR: {@code R = sum a d / N}, {@code S = sum b c / N}, log(R/S); variance of Robins, Breslow and
 *       Greenland (1986): {@code (sum P R_i / R^2 + sum (P S_i + Q R_i) / (R S) + sum Q S_i / S^2) / 2},
 *       {@code P = (a + d)/N}, {@code Q = (b + c)/N}. Weights {@code b c / N}.
 *   <li>RR: {@code R = sum a n2 / N}, {@code S = sum c n1 / N}, log(R/S); variance of Greenland and
 *       Robins (1985): {@code sum (n1 n2 (a + c) / N^2 - a c / N) / (R S)}. Weights {@code c n1 / N}.
 *   <li>RD: {@code sum (a n2 - c n1) / N / sum n1 n2 / N}; variance of Sato, Greenland and Robins (1989)
 *       in metafor's form. Weights {@code n1 n2 / N}.
 * </ul>
 * Q, I^2 and H^2 (common-effect form) come from each study's escalc effect and variance ({@link
 * EffectMeasure}, with its 1/2 correction) around the MH estimate, {@code Q = sum (y - mu_MH)^2 / v},
 * leaving out studies without events in both arms (metafor's {@code drop00 = TRUE}); the Q-profile limits
 * of tau^2 are those of the same effects. Not estimable when R or S is 0 (no events in one arm of every
 * study, OR and RR) or with fewer than 2 studies. No prediction interval.
 */
public enum MantelHaenszel {

  /** Mantel-Haenszel log risk ratio. */
  RR,
  /** Mantel-Haenszel log odds ratio. */
  OR,
  /** Mantel-Haenszel risk difference. */
  RD;


  /** The method name of the results. */
  public String methodName() {
    return "common effect, Mantel-Haenszel " + switch (this) {
      case RR -> "risk ratio";
      case OR -> "odds ratio";
      case RD -> "risk difference";
    };
  }

  /**
   * Pools the tables; arrays in study order, events within [0, n], n &gt;= 1.
   *
   * @return the pooled effect on the analysis scale (log for RR and OR), or not estimable with a reason
   */
  public MetaPooled pool(int[] events1, int[] n1, int[] events2, int[] n2, double confLevel) {
    int k = events1.length;
    if (k < 2) {
      return MetaPooled.notEstimable(k, confLevel, methodName(), "fewer than 2 studies");
    }
    List<StratumTable> tables = new ArrayList<>();
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      tables.add(new StratumTable(Integer.toString(i + 1), events1[i], n1[i], events2[i], n2[i]));
      double nn = (double) n1[i] + n2[i];
      w[i] = switch (this) {
        case OR -> (n1[i] - events1[i]) * (double) events2[i] / nn;
        case RR -> events2[i] * (n1[i] / nn);
        case RD -> n1[i] * (n2[i] / nn);
      };
    }
    WaldEffect e = estimator().estimate(tables, confLevel);
    if (!e.estimable()) {
      return MetaPooled.notEstimable(k, confLevel, methodName(), e.reason());
    }
    double est = e.logScale() ? Math.log(e.estimate()) : e.estimate();
    List<StudyEffect> effects = new ArrayList<>();
    EffectMeasure m = EffectMeasure.valueOf(name());
    for (int i = 0; i < k; i++) {
      boolean doubleZero = events1[i] + events2[i] == 0 || events1[i] + events2[i] == n1[i] + n2[i];
      if (!doubleZero) {
        effects.add(m.fromCounts("", events1[i], n1[i], events2[i], n2[i]));
      }
    }
    return CommonEffect.result(effects, w, est, e.se(), confLevel, methodName());
  }

  /** The estimator of stratified 2x2 tables that computes the MH estimate and its variance. */
  private MantelHaenszelEstimator estimator() {
    return switch (this) {
      case RR -> MantelHaenszelEstimator.RISK_RATIO;
      case OR -> MantelHaenszelEstimator.ODDS_RATIO;
      case RD -> MantelHaenszelEstimator.RISK_DIFFERENCE;
    };
  }
}
