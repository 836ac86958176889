package org.trialstat.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.StudyEffect;

/**
 * Common-effect pooling of 2x2 tables by Mantel and Haenszel (1959), as metafor 3.8's {@code rma.mh}
 * (no zero-cell correction of the counts: {@code add = c(1/2, 0)}). With {@code N = n1 + n2} per study
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
    double r = 0;
    double s = 0;
    double var = 0;
    double[] w = new double[k];
    double pr = 0;
    double psqr = 0;
    double qs = 0;
    double rdNum = 0;
    double rdA = 0;
    double rdB = 0;
    for (int i = 0; i < k; i++) {
      double a = events1[i];
      double b = n1[i] - events1[i];
      double c = events2[i];
      double d = n2[i] - events2[i];
      double t1 = n1[i];
      double t2 = n2[i];
      double nn = t1 + t2;
      switch (this) {
        case OR -> {
          double ri = a / nn * d;
          double si = b / nn * c;
          double p = a / nn + d / nn;
          double q = b / nn + c / nn;
          r += ri;
          s += si;
          pr += p * ri;
          psqr += p * si + q * ri;
          qs += q * si;
          w[i] = si;
        }
        case RR -> {
          r += a * (t2 / nn);
          s += c * (t1 / nn);
          var += (t1 / nn) * (t2 / nn) * (a + c) - (a / nn) * c;
          w[i] = c * (t1 / nn);
        }
        case RD -> {
          rdNum += a * (t2 / nn) - c * (t1 / nn);
          s += t1 * (t2 / nn);
          rdA += c * (t1 / nn) * (t1 / nn) - a * (t2 / nn) * (t2 / nn) + (t1 / nn) * (t2 / nn) * (t2 - t1) / 2;
          rdB += a * (t2 - c) / nn + c * (t1 - a) / nn;
          w[i] = t1 * (t2 / nn);
        }
        default -> throw new AssertionError(this);
      }
    }
    double est;
    double se;
    if (this == RD) {
      est = rdNum / s;
      se = Math.sqrt((est * rdA + rdB / 2) / (s * s));
    } else if (r == 0 || s == 0) {
      return MetaPooled.notEstimable(k, confLevel, methodName(), "no events in one arm of every study");
    } else {
      est = Math.log(r / s);
      se = this == OR ? Math.sqrt(0.5 * (pr / (r * r) + psqr / (r * s) + qs / (s * s))) : Math.sqrt(var / (r * s));
    }
    List<StudyEffect> effects = new ArrayList<>();
    EffectMeasure m = EffectMeasure.valueOf(name());
    for (int i = 0; i < k; i++) {
      boolean doubleZero = events1[i] + events2[i] == 0 || events1[i] + events2[i] == n1[i] + n2[i];
      if (!doubleZero) {
        effects.add(m.fromCounts("", events1[i], n1[i], events2[i], n2[i]));
      }
    }
    return CommonEffect.result(effects, w, est, se, confLevel, methodName());
  }

}
