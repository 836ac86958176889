package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstat.model.Adjusted;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.QuantileSummary;
import org.trialstat.model.ArmResult;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.EffectValue;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.StratifiedBinaryResult;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.Multiplicity;
import org.trialstat.model.Proportion;
import org.trialstat.model.RowAccounting;

/**
 * The JSON tree of an analysis: the key names documented in {@code docs/output.md} are public API.
 * Every block carries its {@code method} and, when a number is missing, a {@code reason}.
 */
public final class ResultTree {

  private ResultTree() {
  }

  /** The JSON object of one {@code analyze} result. */
  public static Map<String, Object> of(AnalysisResult r) {
    Map<String, Object> o = Json.object();
    o.put("file", r.file());
    Map<String, Object> settings = settings(r.settings());
    if (r.comparisons().size() > 1 || r.settings().adjust() != Multiplicity.NONE) {
      settings.put("adjust", r.settings().adjust().key());
    }
    o.put("settings", settings);
    o.put("rows", rows(r.rows()));
    o.put("participants_excluded", Json.array(r.participantExclusions(), p -> {
      Map<String, Object> m = Json.object();
      m.put("arm", p.arm());
      m.put("outcome", p.outcome());
      m.put("reason", p.reason());
      m.put("count", p.count());
      return m;
    }));
    o.put("arms", Json.array(r.arms(), ResultTree::arm));
    o.put("comparisons", Json.array(r.comparisons(), ResultTree::comparison));
    if (!r.visits().isEmpty()) {
      o.put("visits", VisitTree.of(r));
    }
    if (r.subgroups() != null) {
      o.put("subgroups", SubgroupTree.of(r.subgroups()));
    }
    if (r.models().ancova() != null) {
      Map<String, Object> ancova = Json.object();
      ancova.put("model", MmrmWriter.model(r.models().ancova()));
      o.put("ancova_fit", ancova);
    }
    if (r.mmrm() != null) {
      Map<String, Object> fit = MmrmWriter.fit(r.mmrm());
      if (r.models().mmrm() != null) {
        fit.put("model", MmrmWriter.model(r.models().mmrm()));
      }
      o.put("mmrm_fit", fit);
    }
    if (r.doseResponse() != null) {
      o.put("dose_response", difference(r.doseResponse()));
    }
    if (!r.sensitivity().isEmpty()) {
      o.put("sensitivity", SensitivityReport.tree(r));
    }
    o.put("notes", new ArrayList<Object>(r.notes()));
    return o;
  }

  static Map<String, Object> settings(AnalysisSettings s) {
    Map<String, Object> o = Json.object();
    o.put("scale", s.scale().key());
    o.put("score_min", s.scoreMin());
    o.put("score_max", s.scoreMax());
    o.put("control", s.control());
    o.put("baseline", s.baseline());
    o.put("endpoint", s.endpoint());
    Map<String, Object> resp = Json.object();
    resp.put("rule", s.response().kind().key());
    resp.put("threshold", s.response().threshold());
    o.put("response", resp);
    o.put("remission_max", s.remissionMax());
    o.put("missing", s.missing().key());
    o.put("conf_level", s.confLevel());
    o.put("lsmeans_weights", s.lsmeansWeights().key());
    o.put("quantile_type", s.quantileType().key());
    o.put("effects", "treatment - control; ratios treatment / control");
    return o;
  }

  /**
   * The footnote lines of the row accounting: "Rows: N read, M used[, F filtered], k reason...", then,
   * only when row filters were given, "Filters (...): EXPR removed n; ...".
   */
  static List<String> rowLines(RowAccounting rows) {
    StringBuilder acc = new StringBuilder("Rows: " + rows.read() + " read, " + rows.used() + " used");
    if (!rows.filters().isEmpty()) {
      acc.append(", ").append(rows.filtered()).append(" filtered");
    }
    for (RowAccounting.Exclusion e : rows.excluded()) {
      acc.append(", ").append(e.count()).append(' ').append(e.reason());
    }
    List<String> lines = new ArrayList<>();
    lines.add(acc.append('.').toString());
    if (!rows.filters().isEmpty()) {
      StringBuilder fl = new StringBuilder("Filters (in order; a row is counted by the first it fails): ");
      for (int i = 0; i < rows.filters().size(); i++) {
        RowAccounting.Filter f = rows.filters().get(i);
        fl.append(i == 0 ? "" : "; ").append(f.expression()).append(" removed ").append(f.removed());
      }
      lines.add(fl.append('.').toString());
    }
    return lines;
  }

  static Map<String, Object> rows(RowAccounting rows) {
    Map<String, Object> o = Json.object();
    o.put("read", rows.read());
    o.put("used", rows.used());
    o.put("excluded", Json.array(rows.excluded(), e -> {
      Map<String, Object> m = Json.object();
      m.put("reason", e.reason());
      m.put("count", e.count());
      return m;
    }));
    if (!rows.filters().isEmpty()) { // only when row filters were given: output without them is unchanged
      o.put("filtered", rows.filtered());
      o.put("filters", Json.array(rows.filters(), f -> {
        Map<String, Object> m = Json.object();
        m.put("expression", f.expression());
        m.put("removed", f.removed());
        return m;
      }));
    }
    return o;
  }

  static Map<String, Object> arm(ArmResult a) {
    Map<String, Object> o = Json.object();
    o.put("arm", a.arm());
    ArmResult.Quantiles q = a.quantiles();
    o.put("baseline", withQuantiles(descriptives(a.baseline()), q == null ? null : q.baseline()));
    o.put("endpoint", withQuantiles(descriptives(a.endpoint()), q == null ? null : q.endpoint()));
    o.put("change", withQuantiles(meanSummary(a.change()), q == null ? null : q.change()));
    if (a.lsmeans() != null) {
      lsmean(o, "ancova_lsmean", a.lsmeans().ancova());
      lsmean(o, "mmrm_lsmean", a.lsmeans().mmrm());
    }
    for (BinaryEndpoint e : a.binaryEndpoints()) {
      o.put(e.key(), proportion(a.rate(e)));
    }
    return o;
  }

  /**
   * The block with {@code median, q1, q3, min, max} inserted after {@code sd} (the block unchanged when
   * {@code q} is null).
   */
  private static Map<String, Object> withQuantiles(Map<String, Object> block, QuantileSummary q) {
    if (q == null) {
      return block;
    }
    Map<String, Object> o = Json.object();
    for (Map.Entry<String, Object> e : block.entrySet()) {
      o.put(e.getKey(), e.getValue());
      if (e.getKey().equals("sd")) {
        o.put("median", q.median());
        o.put("q1", q.q1());
        o.put("q3", q.q3());
        o.put("min", q.min());
        o.put("max", q.max());
      }
    }
    return o;
  }

  /** {@code key: {estimate, se, df, ci_low, ci_high, conf_level, weights, method[, reason]}}, when m is not null. */
  private static void lsmean(Map<String, Object> arm, String key, ArmLsMean m) {
    if (m == null) {
      return;
    }
    Map<String, Object> o = Json.object();
    o.put("estimate", m.estimate());
    o.put("se", m.se());
    o.put("df", m.df());
    interval(o, m.ciLow(), m.ciHigh(), m.confLevel());
    o.put("weights", m.weights().key());
    method(o, m.method(), m.reason());
    arm.put(key, o);
  }

  static Map<String, Object> descriptives(MeanSummary m) {
    Map<String, Object> o = Json.object();
    o.put("n", m.n());
    o.put("mean", m.mean());
    o.put("sd", m.sd());
    reason(o, m.reason());
    return o;
  }

  static Map<String, Object> meanSummary(MeanSummary m) {
    Map<String, Object> o = Json.object();
    o.put("n", m.n());
    o.put("mean", m.mean());
    o.put("sd", m.sd());
    o.put("se", m.se());
    interval(o, m.ciLow(), m.ciHigh(), m.confLevel());
    method(o, m.method(), m.reason());
    return o;
  }

  static Map<String, Object> proportion(Proportion p) {
    Map<String, Object> o = Json.object();
    o.put("events", p.events());
    o.put("n", p.n());
    o.put("rate", p.rate());
    interval(o, p.ciLow(), p.ciHigh(), p.confLevel());
    method(o, p.method(), p.reason());
    return o;
  }

  static Map<String, Object> comparison(Comparison c) {
    Map<String, Object> o = Json.object();
    o.put("treatment", c.treatment());
    o.put("control", c.control());
    effects(o, c);
    return o;
  }

  /**
   * Puts a comparison's effects into its JSON object: those of the change directly under their statistic
   * key, those of a binary endpoint in an object under the endpoint's key.
   */
  static void effects(Map<String, Object> o, Comparison c) {
    for (Effect e : c.effects()) {
      Map<String, Object> target = o;
      if (!e.outcome().equals(Effect.CHANGE)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> block = (Map<String, Object>) o.computeIfAbsent(e.outcome(), k -> Json.object());
        target = block;
      }
      Object value = e.value() instanceof AdjustedBinaryResult a ? StratifiedTree.adjusted(a, e.n()) : value(e.value());
      target.put(e.statistic().key(), value);
      Adjusted adj = e.adjusted();
      if (adj != null && value instanceof Map<?, ?> block) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) block;
        Map<String, Object> copy = Json.object();
        copy.putAll(m);
        m.clear();
        copy.forEach((k, v) -> {
          m.put(k, v);
          if (k.equals("p")) {
            adjusted(m, "", adj);
          }
        });
      } else if (adj != null) {
        adjusted(target, e.statistic().key() + "_", adj);
      }
    }
  }

  /**
   * The adjusted p value of one effect ({@code --adjust}): {@code p_adjusted}, {@code adjustment} (the
   * method's key), for Bonferroni and Dunnett {@code simultaneous_ci_low} / {@code simultaneous_ci_high},
   * and {@code adjustment_method}; after a difference's {@code p}, or prefixed ({@code fisher_p_adjusted},
   * ...) after a bare {@code fisher_p}.
   */
  private static void adjusted(Map<String, Object> o, String prefix, Adjusted a) {
    o.put(prefix.isEmpty() ? "p_adjusted" : prefix + "adjusted", a.p());
    o.put(prefix + "adjustment", a.adjustment().key());
    if (a.simultaneous()) {
      o.put(prefix + "simultaneous_ci_low", a.ciLow());
      o.put(prefix + "simultaneous_ci_high", a.ciHigh());
    }
    o.put(prefix + "adjustment_method", a.method());
  }

  private static Object value(EffectValue v) {
    if (v instanceof Difference d) {
      return difference(d);
    }
    if (v instanceof Estimate e) {
      return estimate(e);
    }
    if (v instanceof StratifiedBinaryResult s) {
      return StratifiedTree.stratified(s);
    }
    return v.p();
  }

  static Map<String, Object> difference(Difference d) {
    Map<String, Object> o = Json.object();
    o.put("estimate", d.estimate());
    o.put("se", d.se());
    interval(o, d.ciLow(), d.ciHigh(), d.confLevel());
    o.put("t", d.t());
    o.put("df", d.df());
    o.put("p", d.p());
    method(o, d.method(), d.reason());
    return o;
  }

  static Map<String, Object> estimate(Estimate e) {
    Map<String, Object> o = Json.object();
    o.put("estimate", e.estimate());
    interval(o, e.ciLow(), e.ciHigh(), e.confLevel());
    method(o, e.method(), e.reason());
    return o;
  }

  /** {@code ci_low}, {@code ci_high}, {@code conf_level}: every interval's keys, in this order. */
  static void interval(Map<String, Object> o, double low, double high, double level) {
    o.put("ci_low", low);
    o.put("ci_high", high);
    o.put("conf_level", level);
  }

  /** {@code method}, then {@code reason} when a number is missing or carries a note. */
  static void method(Map<String, Object> o, String method, String reason) {
    o.put("method", method);
    reason(o, reason);
  }

  /** {@code reason}, when there is one. */
  static void reason(Map<String, Object> o, String reason) {
    if (reason != null) {
      o.put("reason", reason);
    }
  }
}
