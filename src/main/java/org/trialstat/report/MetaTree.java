package org.trialstat.report;

import static org.trialstat.report.MetaKeys.*;

import java.util.ArrayList;
import java.util.List;
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
    Map<String, Object> o = Json.object();
    o.put(FILES, new ArrayList<Object>(r.files()));
    o.put(SETTINGS, settings(r));
    List<Object> studies = new ArrayList<>();
    for (MetaResult.Study s : r.studies()) {
      Map<String, Object> so = Json.object();
      so.put(STUDY, s.study());
      so.put(YI, s.yi());
      so.put(VI, s.vi());
      so.put(WEIGHT, s.weight());
      so.put(CI_LOW, s.ciLow());
      so.put(CI_HIGH, s.ciHigh());
      if (ratio) {
        so.put(RATIO, Math.exp(s.yi()));
        so.put(RATIO_CI_LOW, Math.exp(s.ciLow()));
        so.put(RATIO_CI_HIGH, Math.exp(s.ciHigh()));
      }
      if (s.subgroup() != null) {
        so.put(SUBGROUP, s.subgroup());
      }
      so.put(YEAR, s.year());
      so.put(NOTE, s.note());
      studies.add(so);
    }
    o.put(STUDIES, studies);
    o.put(POOLED, pooled(r.pooled(), ratio));
    o.put(EGGER, egger(r.egger()));
    if (r.between() != null) {
      List<Object> groups = new ArrayList<>();
      for (MetaResult.Subgroup g : r.subgroups()) {
        Map<String, Object> go = Json.object();
        go.put(SUBGROUP, g.subgroup());
        go.putAll(pooled(g.pooled(), ratio));
        groups.add(go);
      }
      o.put(SUBGROUPS, groups);
      o.put(SUBGROUP_TEST, between(r.between()));
    }
    if (!r.leaveOneOut().isEmpty()) {
      List<Object> l = new ArrayList<>();
      for (MetaResult.Omitted x : r.leaveOneOut()) {
        Map<String, Object> lo = Json.object();
        lo.put(OMITTED, x.omitted());
        lo.putAll(pooled(x.pooled(), ratio));
        l.add(lo);
      }
      o.put(LEAVE_ONE_OUT, l);
    }
    if (!r.cumulative().isEmpty()) {
      List<Object> l = new ArrayList<>();
      for (MetaResult.Step x : r.cumulative()) {
        Map<String, Object> so = Json.object();
        so.put(ADDED, x.added());
        so.put(YEAR, x.year());
        so.putAll(pooled(x.pooled(), ratio));
        l.add(so);
      }
      o.put(CUMULATIVE, l);
    }
    o.put(NOTES, new ArrayList<Object>(r.notes()));
    return o;
  }

  private static Map<String, Object> settings(MetaResult r) {
    MetaSettings s = r.settings();
    Map<String, Object> o = Json.object();
    o.put(MEASURE, s.measure().key());
    o.put(OUTCOME, r.outcome());
    o.put(MODEL, s.model().key());
    o.put(TAU2_METHOD, s.model() == MetaSettings.Model.RANDOM ? s.tau2().key() : null);
    o.put(ADJUSTMENT, s.adjustment().key());
    o.put(PREDICTION, s.prediction().key());
    o.put(CONF_LEVEL, s.confLevel());
    o.put(EFFECTS, "treatment - control; ratios treatment / control (log scale in yi, estimate)");
    return o;
  }

  static Map<String, Object> pooled(MetaPooled p, boolean ratio) {
    Map<String, Object> o = Json.object();
    o.put(K, p.k());
    o.put(ESTIMATE, p.estimate());
    o.put(SE, p.se());
    o.put(CI_LOW, p.ciLow());
    o.put(CI_HIGH, p.ciHigh());
    o.put(p.statName().equals(T) ? T : Z, p.stat());
    if (p.statName().equals(T)) {
      o.put(DF, p.df());
    }
    o.put(P, p.p());
    o.put(TAU2, p.tau2());
    o.put(TAU2_CI_LOW, p.tau2CiLow());
    o.put(TAU2_CI_HIGH, p.tau2CiHigh());
    o.put(TAU, p.tau());
    o.put(TAU_CI_LOW, Math.sqrt(p.tau2CiLow()));
    o.put(TAU_CI_HIGH, Math.sqrt(p.tau2CiHigh()));
    o.put(I2, p.i2());
    o.put(I2_CI_LOW, p.i2CiLow());
    o.put(I2_CI_HIGH, p.i2CiHigh());
    o.put(H2, p.h2());
    o.put(H2_CI_LOW, p.h2CiLow());
    o.put(H2_CI_HIGH, p.h2CiHigh());
    o.put(Q, p.q());
    o.put(Q_DF, p.qDf());
    o.put(Q_P, p.qP());
    o.put(PI_LOW, p.piLow());
    o.put(PI_HIGH, p.piHigh());
    if (ratio) {
      o.put(RATIO, Math.exp(p.estimate()));
      o.put(RATIO_CI_LOW, Math.exp(p.ciLow()));
      o.put(RATIO_CI_HIGH, Math.exp(p.ciHigh()));
      o.put(RATIO_PI_LOW, Math.exp(p.piLow()));
      o.put(RATIO_PI_HIGH, Math.exp(p.piHigh()));
    }
    o.put(CONF_LEVEL, p.confLevel());
    o.put(METHOD, p.method());
    o.put(REASON, p.reason());
    return o;
  }

  private static Map<String, Object> egger(EggerTest e) {
    Map<String, Object> o = Json.object();
    o.put(SLOPE, e.slope());
    o.put(SLOPE_SE, e.slopeSe());
    o.put(T, e.t());
    o.put(DF, e.df());
    o.put(P, e.p());
    o.put(LIMIT, e.limit());
    o.put(LIMIT_CI_LOW, e.limitLow());
    o.put(LIMIT_CI_HIGH, e.limitHigh());
    o.put(METHOD, e.method());
    o.put(REASON, e.reason());
    return o;
  }

  private static Map<String, Object> between(SubgroupTest t) {
    Map<String, Object> o = Json.object();
    o.put(Q, t.q());
    o.put(DF, t.df());
    o.put(P, t.p());
    o.put(METHOD, t.method());
    o.put(REASON, t.reason());
    return o;
  }
}
