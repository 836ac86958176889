package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.LsMean;
import org.trialstat.model.VisitContrast;
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
    List<Object> visits = new ArrayList<>();
    for (VisitResult v : r.visits()) {
      Map<String, Object> o = Json.object();
      o.put("visit", v.visit());
      o.put("week", v.week());
      List<Object> arms = new ArrayList<>();
      for (VisitResult.Arm a : v.arms()) {
        Map<String, Object> ao = Json.object();
        ao.put("arm", a.arm());
        ao.put("observed_change", ResultTree.meanSummary(a.observedChange()));
        if (a.mmrmLsmean() != null) {
          ao.put("mmrm_lsmean", lsmean(a.mmrmLsmean(), method));
        }
        arms.add(ao);
      }
      o.put("arms", arms);
      List<Object> comps = new ArrayList<>();
      for (VisitContrast c : v.comparisons()) {
        Map<String, Object> co = Json.object();
        co.put("treatment", c.treatment());
        co.put("control", c.control());
        co.put("mmrm", ResultTree.difference(c.difference()));
        comps.add(co);
      }
      o.put("comparisons", comps);
      visits.add(o);
    }
    return visits;
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
