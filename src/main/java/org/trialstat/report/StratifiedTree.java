package org.trialstat.report;

import java.util.Map;
import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.ChiSquareTest;
import org.trialstat.model.Statistic;
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
    Map<String, Object> o = Json.object("strata", s.strata(), "strata_used", s.strataUsed(), "test", test(s.cmh()),
        "test_uncorrected", test(s.cmhUncorrected()));
    effects(o, s.riskDifference(), s.riskRatio(), s.oddsRatio());
    Json.put(o, "breslow_day", test(s.breslowDay()), "breslow_day_tarone", test(s.tarone()));
    return note(o, s.note());
  }

  static Map<String, Object> adjusted(AdjustedBinaryResult a, int n) {
    Map<String, Object> o = Json.object("n", n, "risk_treatment", a.riskTreatment(), "risk_control", a.riskControl());
    effects(o, a.riskDifference(), a.riskRatio(), a.oddsRatio());
    return note(o, a.note());
  }

  /** The three effects under the keys of their statistics: {@code risk_difference, risk_ratio, odds_ratio}. */
  private static void effects(Map<String, Object> o, WaldEffect rd, WaldEffect rr, WaldEffect or) {
    Json.put(o, Statistic.RISK_DIFFERENCE.key(), effect(rd), Statistic.RISK_RATIO.key(), effect(rr),
        Statistic.ODDS_RATIO.key(), effect(or));
  }

  private static Map<String, Object> note(Map<String, Object> o, String note) {
    if (note != null) {
      o.put("note", note);
    }
    return o;
  }

  private static Map<String, Object> test(ChiSquareTest t) {
    return ResultTree.method(Json.object("statistic", t.statistic(), "df", t.df(), "p", t.p()), t.method(),
        t.estimable() ? null : t.reason());
  }

  private static Map<String, Object> effect(WaldEffect e) {
    Map<String, Object> o = ResultTree.interval(Json.object("estimate", e.estimate(), e.logScale() ? "se_log" : "se",
        e.se()), e.ciLow(), e.ciHigh(), e.confLevel());
    Json.put(o, "z", e.z(), "p", e.p());
    return ResultTree.method(o, e.method(), e.estimable() ? null : e.reason());
  }
}
