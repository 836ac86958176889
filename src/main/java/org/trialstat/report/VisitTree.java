package org.trialstat.report;

import java.util.List;
import java.util.Map;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.LsMean;

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
    return Json.array(r.visits(), v -> {
      Map<String, Object> o = Json.object();
      o.put("visit", v.visit());
      o.put("week", v.week());
      o.put("arms", Json.array(v.arms(), a -> {
        Map<String, Object> ao = Json.object();
        ao.put("arm", a.arm());
        ao.put("observed_change", ResultTree.meanSummary(a.observedChange()));
        if (a.mmrmLsmean() != null) {
          ao.put("mmrm_lsmean", lsmean(a.mmrmLsmean(), method));
        }
        return ao;
      }));
      o.put("comparisons", Json.array(v.comparisons(), c -> {
        Map<String, Object> co = Json.object();
        co.put("treatment", c.treatment());
        co.put("control", c.control());
        co.put("mmrm", ResultTree.difference(c.difference()));
        return co;
      }));
      return o;
    });
  }

  /** An LS mean: {n, estimate, se, df, ci_low, ci_high, conf_level, method}. */
  static Map<String, Object> lsmean(LsMean m, String method) {
    Map<String, Object> o = Json.object();
    o.put("n", m.n());
    o.put("estimate", m.estimate());
    o.put("se", m.se());
    o.put("df", m.df());
    ResultTree.interval(o, m.ciLow(), m.ciHigh(), m.confLevel());
    ResultTree.method(o, method, null);
    return o;
  }
}
