package org.trialstat.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.StudyEffect;

/**
 * The result of a count-based common-effect model (Mantel-Haenszel, Peto): the estimate and SE of the
 * method, z test and normal interval, and the heterogeneity of the given per-study effects about that
 * estimate ({@code Q = sum (y - est)^2 / v}, I^2 and H^2 in the common-effect form, Q-profile limits of
 * tau^2), as metafor's {@code rma.mh} and {@code rma.peto}.
 */
final class CommonEffect {

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private CommonEffect() {
  }

  static MetaPooled result(List<StudyEffect> effects, double[] rawWeights, double est, double se,
      double level, String method) {
    int k = rawWeights.length;
    double z = Pooling.zCrit(level);
    double stat = est / se;
    double p = 2 * NORMAL.survivalProbability(Math.abs(stat));
    double sw = Studies.sum(rawWeights);
    List<Double> weights = new ArrayList<>();
    for (double x : rawWeights) {
      weights.add(100 * x / sw);
    }
    double n = Double.NaN;
    double q = n;
    double qP = n;
    double i2 = n;
    double h2 = n;
    double lo = n;
    double hi = n;
    double i2Lo = n;
    double i2Hi = n;
    double h2Lo = n;
    double h2Hi = n;
    int df = effects.size() - 1;
    String reason = "no prediction interval in a common-effect model";
    List<StudyEffect> usable = effects.stream().filter(StudyEffect::estimable).toList();
    if (usable.size() >= 2 && usable.size() == effects.size()) {
      double[] y = usable.stream().mapToDouble(StudyEffect::yi).toArray();
      double[] v = usable.stream().mapToDouble(StudyEffect::vi).toArray();
      Studies s = new Studies(y, v);
      Heterogeneity h = new Heterogeneity(s, level, 0);
      double qq = 0;
      for (int i = 0; i < s.k; i++) {
        qq += (y[i] - est) * (y[i] - est) / v[i];
      }
      q = qq;
      qP = org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(df).survivalProbability(q);
      i2 = Math.max(0, 100 * (q - df) / q);
      h2 = q / df;
      lo = h.tau2Low;
      hi = h.tau2High;
      i2Lo = h.i2(lo);
      i2Hi = h.i2(hi);
      h2Lo = h.h2(lo);
      h2Hi = h.h2(hi);
    } else {
      reason = "heterogeneity needs at least 2 studies with events; " + reason;
    }
    return new MetaPooled(k, est, se, est - z * se, est + z * se, level, "z", stat, n, p, 0, lo, hi, i2, i2Lo, i2Hi,
        h2, h2Lo, h2Hi, q, Math.max(0, df), qP, n, n, weights, method, reason);
  }
}
