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
import org.trialstat.model.Scale;

/**
 * The JSON tree of an analysis: the key names documented in {@code docs/output.md} are public API.
 * Every block carries its {@code method} and, when a number is missing, a {@code reason}.
 */
public final class ResultTree {

  /** {@code settings.effects} of the commands that report ratios: which arm is subtracted, which divides. */
  static final String EFFECTS_AND_RATIOS = "treatment - control; ratios treatment / control";

  /** {@code settings.effects} of the commands without ratios. */
  static final String EFFECTS = "treatment - control";

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
    o.put("participants_excluded", Json.array(r.participantExclusions(),
        p -> Json.object("arm", p.arm(), "outcome", p.outcome(), "reason", p.reason(), "count", p.count())));
    o.put("arms", Json.array(r.arms(), ResultTree::arm));
    o.put("comparisons", Json.array(r.comparisons(), ResultTree::comparison));
    if (!r.visits().isEmpty()) {
      o.put("visits", VisitTree.of(r));
    }
    if (r.subgroups() != null) {
      o.put("subgroups", SubgroupTree.of(r.subgroups()));
    }
    if (r.models().ancova() != null) {
      o.put("ancova_fit", Json.object("model", MmrmWriter.model(r.models().ancova())));
    }
    if (r.mmrm() != null) {
      o.put("mmrm_fit", MmrmWriter.fit(r.mmrm(), r.models().mmrm()));
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
    Map<String, Object> o = settingsHead(s.scale(), s.scoreMin(), s.scoreMax(), s.control(), s.baseline());
    return Json.put(o, "endpoint", s.endpoint(),
        "response", Json.object("rule", s.response().kind().key(), "threshold", s.response().threshold()),
        "remission_max", s.remissionMax(), "missing", s.missing().key(), "conf_level", s.confLevel(),
        "lsmeans_weights", s.lsmeansWeights().key(), "quantile_type", s.quantileType().key(),
        "effects", EFFECTS_AND_RATIOS);
  }

  /**
   * The first keys of the {@code settings} of {@code analyze} and {@code mmrm}: {@code scale, score_min,
   * score_max, control, baseline}.
   */
  static Map<String, Object> settingsHead(Scale scale, double scoreMin, double scoreMax, String control,
      String baseline) {
    return Json.object("scale", scale.key(), "score_min", scoreMin, "score_max", scoreMax, "control", control,
        "baseline", baseline);
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
    Map<String, Object> o = Json.object("read", rows.read(), "used", rows.used(),
        "excluded", Json.array(rows.excluded(), e -> Json.object("reason", e.reason(), "count", e.count())));
    if (!rows.filters().isEmpty()) { // only when row filters were given: output without them is unchanged
      Json.put(o, "filtered", rows.filtered(), "filters",
          Json.array(rows.filters(), f -> Json.object("expression", f.expression(), "removed", f.removed())));
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
        Json.put(o, "median", q.median(), "q1", q.q1(), "q3", q.q3(), "min", q.min(), "max", q.max());
      }
    }
    return o;
  }

  /** {@code key: {estimate, se, df, ci_low, ci_high, conf_level, weights, method[, reason]}}, when m is not null. */
  private static void lsmean(Map<String, Object> arm, String key, ArmLsMean m) {
    if (m == null) {
      return;
    }
    Map<String, Object> o = interval(Json.object("estimate", m.estimate(), "se", m.se(), "df", m.df()), m.ciLow(),
        m.ciHigh(), m.confLevel());
    o.put("weights", m.weights().key());
    arm.put(key, method(o, m.method(), m.reason()));
  }

  /** {@code {n, mean, sd[, reason]}}: a baseline or endpoint score. */
  static Map<String, Object> descriptives(MeanSummary m) {
    return reason(Json.object("n", m.n(), "mean", m.mean(), "sd", m.sd()), m.reason());
  }

  /** {@code {n, mean, sd, se, ci_low, ci_high, conf_level, method[, reason]}}: a mean change with its CI. */
  static Map<String, Object> meanSummary(MeanSummary m) {
    return intervalAndMethod(Json.object("n", m.n(), "mean", m.mean(), "sd", m.sd(), "se", m.se()), m.ciLow(),
        m.ciHigh(), m.confLevel(), m.method(), m.reason());
  }

  /** {@code {events, n, rate, ci_low, ci_high, conf_level, method[, reason]}}: an arm's rate of an endpoint. */
  static Map<String, Object> proportion(Proportion p) {
    return intervalAndMethod(Json.object("events", p.events(), "n", p.n(), "rate", p.rate()), p.ciLow(), p.ciHigh(),
        p.confLevel(), p.method(), p.reason());
  }

  static Map<String, Object> comparison(Comparison c) {
    return comparison(Json.object(), c);
  }

  /** Appends {@code treatment}, {@code control} and the comparison's effects to {@code o} (which may lead with keys of its own). */
  static Map<String, Object> comparison(Map<String, Object> o, Comparison c) {
    Json.put(o, "treatment", c.treatment(), "control", c.control());
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

  /** {@code {estimate, se, ci_low, ci_high, conf_level, t, df, p, method[, reason]}}: a difference with its t test. */
  static Map<String, Object> difference(Difference d) {
    Map<String, Object> o = interval(Json.object("estimate", d.estimate(), "se", d.se()), d.ciLow(), d.ciHigh(),
        d.confLevel());
    Json.put(o, "t", d.t(), "df", d.df(), "p", d.p());
    return method(o, d.method(), d.reason());
  }

  /** {@code {estimate, ci_low, ci_high, conf_level, method[, reason]}}: an effect size or a binary effect. */
  static Map<String, Object> estimate(Estimate e) {
    return intervalAndMethod(Json.object("estimate", e.estimate()), e.ciLow(), e.ciHigh(), e.confLevel(), e.method(),
        e.reason());
  }

  /** {@code ci_low}, {@code ci_high}, {@code conf_level}: every interval's keys, in this order; returns {@code o}. */
  static Map<String, Object> interval(Map<String, Object> o, double low, double high, double level) {
    return Json.put(o, "ci_low", low, "ci_high", high, "conf_level", level);
  }

  /** The interval, then the method (and reason): how most blocks end; returns {@code o}. */
  static Map<String, Object> intervalAndMethod(Map<String, Object> o, double low, double high, double level,
      String method, String reason) {
    return method(interval(o, low, high, level), method, reason);
  }

  /** {@code method}, then {@code reason} when a number is missing or carries a note; returns {@code o}. */
  static Map<String, Object> method(Map<String, Object> o, String method, String reason) {
    o.put("method", method);
    return reason(o, reason);
  }

  /** {@code reason}, when there is one; returns {@code o}. */
  static Map<String, Object> reason(Map<String, Object> o, String reason) {
    if (reason != null) {
      o.put("reason", reason);
    }
    return o;
  }
}
