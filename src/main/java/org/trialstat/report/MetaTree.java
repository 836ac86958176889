package org.trialstat.report;

import static org.trialstat.report.MetaKeys.*;

import java.util.ArrayList;
import java.util.Map;
import org.trialstat.model.EggerTest;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.SubgroupTest;

/**
 * The JSON tree of {@code trialstat meta} (keys: {@link MetaKeys}; documented in docs/output.md).
 * Effects are on the analysis scale, as metafor's yi (log for RR and OR); ratio measures add the
 * back-transformed {@code ratio*} keys.
 */
final class MetaTree {

  private MetaTree() {
  }

  static Map<String, Object> of(MetaResult r) {
    boolean ratio = r.settings().measure().ratio();
    Map<String, Object> o = Json.object(FILES, new ArrayList<Object>(r.files()), SETTINGS, settings(r),
        STUDIES, Json.array(r.studies(), s -> study(s, ratio)), POOLED, pooled(Json.object(), r.pooled(), ratio),
        EGGER, egger(r.egger()));
    if (r.between() != null) {
      Json.put(o, SUBGROUPS, Json.array(r.subgroups(), g -> pooled(Json.object(SUBGROUP, g.subgroup()), g.pooled(), ratio)),
          SUBGROUP_TEST, between(r.between()));
    }
    if (!r.leaveOneOut().isEmpty()) {
      o.put(LEAVE_ONE_OUT, Json.array(r.leaveOneOut(), x -> pooled(Json.object(OMITTED, x.omitted()), x.pooled(), ratio)));
    }
    if (!r.cumulative().isEmpty()) {
      o.put(CUMULATIVE, Json.array(r.cumulative(),
          x -> pooled(Json.object(ADDED, x.added(), YEAR, x.year()), x.pooled(), ratio)));
    }
    o.put(NOTES, new ArrayList<Object>(r.notes()));
    return o;
  }

  private static Map<String, Object> study(MetaResult.Study s, boolean ratio) {
    Map<String, Object> o = Json.object(STUDY, s.study(), YI, s.yi(), VI, s.vi(), WEIGHT, s.weight(),
        CI_LOW, s.ciLow(), CI_HIGH, s.ciHigh());
    if (ratio) {
      ratio(o, s.yi(), s.ciLow(), s.ciHigh());
    }
    if (s.subgroup() != null) {
      o.put(SUBGROUP, s.subgroup());
    }
    return Json.put(o, YEAR, s.year(), NOTE, s.note());
  }

  private static Map<String, Object> settings(MetaResult r) {
    MetaSettings s = r.settings();
    return Json.object(MEASURE, s.measure().key(), OUTCOME, r.outcome(), MODEL, s.model().key(),
        TAU2_METHOD, s.model() == MetaSettings.Model.RANDOM ? s.tau2().key() : null, ADJUSTMENT, s.adjustment().key(),
        PREDICTION, s.prediction().key(), CONF_LEVEL, s.confLevel(),
        EFFECTS, "treatment - control; ratios treatment / control (log scale in yi, estimate)");
  }

  /**
   * Appends a pooled result to {@code o} (which may lead with the subgroup, the study omitted or the study
   * added) and returns it: the estimate and its test, each heterogeneity statistic with its CI, Q, the
   * prediction interval, the back-transformed ratios, then level, method and reason.
   */
  static Map<String, Object> pooled(Map<String, Object> o, MetaPooled p, boolean ratio) {
    boolean t = p.statName().equals(T);
    Json.put(o, K, p.k(), ESTIMATE, p.estimate(), SE, p.se(), CI_LOW, p.ciLow(), CI_HIGH, p.ciHigh(), t ? T : Z, p.stat());
    if (t) {
      o.put(DF, p.df());
    }
    Json.put(o, P, p.p(),
        TAU2, p.tau2(), TAU2_CI_LOW, p.tau2CiLow(), TAU2_CI_HIGH, p.tau2CiHigh(),
        TAU, p.tau(), TAU_CI_LOW, Math.sqrt(p.tau2CiLow()), TAU_CI_HIGH, Math.sqrt(p.tau2CiHigh()),
        I2, p.i2(), I2_CI_LOW, p.i2CiLow(), I2_CI_HIGH, p.i2CiHigh(),
        H2, p.h2(), H2_CI_LOW, p.h2CiLow(), H2_CI_HIGH, p.h2CiHigh(),
        Q, p.q(), Q_DF, p.qDf(), Q_P, p.qP(), PI_LOW, p.piLow(), PI_HIGH, p.piHigh());
    if (ratio) {
      ratio(o, p.estimate(), p.ciLow(), p.ciHigh());
      Json.put(o, RATIO_PI_LOW, Math.exp(p.piLow()), RATIO_PI_HIGH, Math.exp(p.piHigh()));
    }
    o.put(CONF_LEVEL, p.confLevel());
    return methodAndReason(o, p.method(), p.reason());
  }

  /** {@code ratio, ratio_ci_low, ratio_ci_high}: a log-scale estimate and its CI back-transformed. */
  private static void ratio(Map<String, Object> o, double log, double logLow, double logHigh) {
    Json.put(o, RATIO, Math.exp(log), RATIO_CI_LOW, Math.exp(logLow), RATIO_CI_HIGH, Math.exp(logHigh));
  }

  /** {@code method, reason}: every block of meta ends so, the reason null when there is none. */
  private static Map<String, Object> methodAndReason(Map<String, Object> o, String method, String reason) {
    return Json.put(o, METHOD, method, REASON, reason);
  }

  private static Map<String, Object> egger(EggerTest e) {
    Map<String, Object> o = Json.object(SLOPE, e.slope(), SLOPE_SE, e.slopeSe(), T, e.t(), DF, e.df(), P, e.p(),
        LIMIT, e.limit(), LIMIT_CI_LOW, e.limitLow(), LIMIT_CI_HIGH, e.limitHigh());
    return methodAndReason(o, e.method(), e.reason());
  }

  private static Map<String, Object> between(SubgroupTest t) {
    return methodAndReason(Json.object(Q, t.q(), DF, t.df(), P, t.p()), t.method(), t.reason());
  }
}
