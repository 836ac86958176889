package org.trialstat.report;

import java.util.Map;
import org.trialstat.model.ChiSquareTest;
import org.trialstat.model.StratifiedBinaryResult;
import org.trialstat.model.WaldEffect;

/**
 * The JSON block {@code comparisons[].<endpoint>.cmh} of {@code analyze --strata} (docs/output.md):
 * the CMH tests, the Mantel-Haenszel effects and the Breslow-Day tests of one binary endpoint.
 */
final class StratifiedTree {

  private StratifiedTree() {
  }

  static Map<String, Object> stratified(StratifiedBinaryResult s) {
    Map<String, Object> o = Json.object();
    o.put("strata", s.strata());
    o.put("strata_used", s.strataUsed());
    o.put("test", test(s.cmh()));
    o.put("test_uncorrected", test(s.cmhUncorrected()));
    o.put("risk_difference", effect(s.riskDifference()));
    o.put("risk_ratio", effect(s.riskRatio()));
    o.put("odds_ratio", effect(s.oddsRatio()));
    o.put("breslow_day", test(s.breslowDay()));
    o.put("breslow_day_tarone", test(s.tarone()));
    if (s.note() != null) {
      o.put("note", s.note());
    }
    return o;
  }

  private static Map<String, Object> test(ChiSquareTest t) {
    Map<String, Object> o = Json.object();
    o.put("statistic", t.statistic());
    o.put("df", t.df());
    o.put("p", t.p());
    ResultTree.method(o, t.method(), t.estimable() ? null : t.reason());
    return o;
  }

  private static Map<String, Object> effect(WaldEffect e) {
    Map<String, Object> o = Json.object();
    o.put("estimate", e.estimate());
    o.put(e.logScale() ? "se_log" : "se", e.se());
    ResultTree.interval(o, e.ciLow(), e.ciHigh(), e.confLevel());
    o.put("z", e.z());
    o.put("p", e.p());
    ResultTree.method(o, e.method(), e.estimable() ? null : e.reason());
    return o;
  }
}
