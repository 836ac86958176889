package org.trialstat.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.StudyEffect;
import org.trialstat.stats.ZeroCell;

/**
 * Peto's one-step odds ratio (Yusuf et al. 1985), as metafor 3.8's {@code rma.peto}: per study
 * {@code O - E = a - (a + c) n1 / N} and {@code V = (a + c)(b + d) n1 n2 / (N^2 (N - 1))}; pooled log OR
 * {@code sum (O - E) / sum V} with variance {@code 1 / sum V}; each study's effect
 * {@code (O - E) / V} with variance {@code 1 / V}, weight V. No zero-cell correction is needed; studies
 * with V = 0 (no events, or only events, in both arms) carry no information and are left out
 * (metafor's {@code drop00 = TRUE}). Heterogeneity as {@link CommonEffect}.
 */
public final class Peto {

  /** The method name of the results. */
  public static final String METHOD = "common effect, Peto odds ratio";

  private Peto() {
  }

  /**
   * Each study's Peto log odds ratio and variance as metafor shows it beside the pooled value
   * ({@code escalc("PETO")}: 1/2 added to each cell of a table with a zero cell); not estimable when the
   * uncorrected V is 0 (no events, or only events, in both arms), which the pooled estimate leaves out.
   */
  public static StudyEffect effect(String study, int events1, int n1, int events2, int n2) {
    StudyEffect uncorrected = raw(study, events1, n1, events2, n2);
    if (!uncorrected.estimable()) {
      return uncorrected; // V = 0: left out of the pooled estimate too (metafor's drop00 = TRUE)
    }
    double[] x = ZeroCell.cells(events1, n1, events2, n2);
    StudyEffect e = raw(study, x[0], x[0] + x[1], x[2], x[2] + x[3]);
    return ZeroCell.hasZero(events1, n1, events2, n2) && e.estimable()
        ? new StudyEffect(study, e.yi(), e.vi(), e.method(), "a zero cell: 1/2 added to each cell (metafor escalc "
            + "default; the pooled Peto estimate uses the counts as they are)") : e;
  }

  /** The Peto effect of uncorrected (or corrected) cells: events and n per arm. */
  private static StudyEffect raw(String study, double events1, double n1, double events2, double n2) {
    double nn = n1 + n2;
    double events = events1 + events2;
    double v = events * (nn - events) * n1 * n2 / (nn * nn * (nn - 1));
    if (!(v > 0)) {
      return StudyEffect.notEstimable(study, "Peto log odds ratio", "no information: V = 0 (no events, or only "
          + "events, in both arms)");
    }
    double oe = events1 - events * n1 / nn;
    return StudyEffect.of(study, oe / v, 1 / v, "Peto log odds ratio, (O - E)/V, 1/V");
  }

  /** Pools the tables (study order; events within [0, n]). */
  public static MetaPooled pool(int[] events1, int[] n1, int[] events2, int[] n2, double confLevel) {
    List<StudyEffect> effects = new ArrayList<>();
    for (int i = 0; i < events1.length; i++) {
      StudyEffect e = raw("", events1[i], n1[i], events2[i], n2[i]);
      if (e.estimable()) {
        effects.add(e);
      }
    }
    if (effects.size() < 2) {
      return MetaPooled.notEstimable(effects.size(), confLevel, METHOD, "fewer than 2 studies with information");
    }
    double sumV = 0;
    double sumOe = 0;
    double[] w = new double[effects.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 / effects.get(i).vi();
      sumV += w[i];
      sumOe += effects.get(i).yi() * w[i];
    }
    return CommonEffect.result(effects, w, sumOe / sumV, Math.sqrt(1 / sumV), confLevel, METHOD);
  }
}
