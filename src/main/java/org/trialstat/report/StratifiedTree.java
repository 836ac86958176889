package org.trialstat.report;

import java.util.Map;
import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.ChiSquareTest;
import org.trialstat.model.StratifiedBinaryResult;
import org.trialstat.model.WaldEffect;

/**
 * The JSON blocks of the binary endpoints' model-based analyses (docs/output.md):
 * {@code comparisons[].<endpoint>.cmh} of {@code analyze --strata} (the CMH tests, the Mantel-Haenszel
 * effects and the Breslow-Day tests) and {@code comparisons[].<endpoint>.adjusted} of
 * {@code analyze --covariate / --factor} (the standardized risks and effects).
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
    effects(o, s.riskDifference(), s.riskRatio(), s.oddsRatio());
    o.put("breslow_day", test(s.breslowDay()));
    o.put("breslow_day_tarone", test(s.tarone()));
    note(o, s.note());
    return o;
  }

  static Map<String, Object> adjusted(AdjustedBinaryResult a, int n) {
    Map<String, Object> o = Json.object();
    o.put("n", n);
    o.put("risk_treatment", a.riskTreatment());
    o.put("risk_control", a.riskControl());
    effects(o, a.riskDifference(), a.riskRatio(), a.oddsRatio());
    note(o, a.note());
    return o;
  }

  private static void effects(Map<String, Object> o, WaldEffect rd, WaldEffect rr, WaldEffect or) {
    o.put("risk_difference", effect(rd));
    o.put("risk_ratio", effect(rr));
    o.put("odds_ratio", effect(or));
  }

  private static void note(Map<String, Object> o, String note) {
    if (note != null) {
      o.put("note", note);
    }
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
