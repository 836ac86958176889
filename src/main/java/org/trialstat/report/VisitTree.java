package org.trialstat.report;

import java.util.List;
import java.util.Map;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.LsMean;
import org.trialstat.model.Statistic;
import org.trialstat.model.VisitResult;

/**
 * The {@code visits[]} block of {@code analyze}'s JSON (docs/output.md): per post-baseline visit its
 * label and numeric week, per arm the observed change and the MMRM's LS mean, per comparison the MMRM
 * difference.
 */
final class VisitTree {

  private VisitTree() {
  }

  static List<Object> of(AnalysisResult r) {
    String method = r.mmrm() == null ? null : r.mmrm().method();
    return Json.array(r.visits(), v -> Json.object("visit", v.visit(), "week", v.week(),
        "arms", Json.array(v.arms(), a -> arm(a, method)),
        "comparisons", Json.array(v.comparisons(), c -> Json.object("treatment", c.treatment(), "control", c.control(),
            Statistic.MMRM.key(), ResultTree.difference(c.difference())))));
  }

  private static Map<String, Object> arm(VisitResult.Arm a, String method) {
    Map<String, Object> o = Json.object("arm", a.arm(), "observed_change", ResultTree.meanSummary(a.observedChange()));
    if (a.mmrmLsmean() != null) {
      o.put("mmrm_lsmean", ResultTree.method(lsmean(Json.object(), a.mmrmLsmean()), method, null));
    }
    return o;
  }

  /**
   * Appends an LS mean's {@code n, estimate, se, df, ci_low, ci_high, conf_level} to {@code o} and returns
   * it: {@code visits[].arms[].mmrm_lsmean} here, {@code lsmeans[]} of {@code mmrm} after its arm and visit.
   */
  static Map<String, Object> lsmean(Map<String, Object> o, LsMean m) {
    Json.put(o, "n", m.n(), "estimate", m.estimate(), "se", m.se(), "df", m.df());
    return ResultTree.interval(o, m.ciLow(), m.ciHigh(), m.confLevel());
  }
}
