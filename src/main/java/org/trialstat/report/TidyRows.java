package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.Adjusted;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMean;
import org.trialstat.model.VisitContrast;
import org.trialstat.model.VisitResult;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.ArmResult;
import org.trialstat.model.QuantileSummary;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.Effect;
import org.trialstat.model.ChiSquareTest;
import org.trialstat.model.EffectValue;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.Proportion;
import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.StratifiedBinaryResult;
import org.trialstat.model.SubgroupResult;
import org.trialstat.model.WaldEffect;
import org.trialstat.model.SummaryResult;

/**
 * Flattens results into tidy rows, one per estimate, for {@code analyze} and {@code summary} alike. The
 * {@code outcome} and {@code statistic} values are the JSON keys ({@code change}/{@code mean},
 * {@code response}/{@code risk_ratio}, ...); comparison rows come from the comparisons' effects, so a new
 * statistic needs nothing here.
 */
public final class TidyRows {
  private static final double NA = Double.NaN;
  private static final String SE_METHOD = "SD / sqrt(n)";
  private static final String SAMPLE_SD = "sample SD (n - 1)";

  private final List<TidyRow> rows = new ArrayList<>();
  private String file;
  private String study;

  private TidyRows(String file, String study) {
    this.file = file;
    this.study = study;
  }

  /** The tidy rows of one {@code analyze} result. */
  public static List<TidyRow> of(AnalysisResult r) {
    TidyRows t = new TidyRows(r.file(), "");
    AnalysisSettings s = r.settings();
    for (ArmResult a : r.arms()) {
      ArmResult.Quantiles q = a.quantiles();
      t.at(s.baseline(), s.baselineWeek(), () -> {
        t.descriptives(a.arm(), "baseline", a.baseline(), false);
        t.quantiles(a.arm(), "baseline", a.baseline().n(), q == null ? null : q.baseline());
      });
      t.at(s.endpoint(), s.endpointWeek(), () -> {
        t.descriptives(a.arm(), "endpoint", a.endpoint(), false);
        t.quantiles(a.arm(), "endpoint", a.endpoint().n(), q == null ? null : q.endpoint());
        t.change(a.arm(), a.change(), SAMPLE_SD);
        t.quantiles(a.arm(), Effect.CHANGE, a.change().n(), q == null ? null : q.change());
        if (a.lsmeans() != null) { // the MMRM's is the visits[] mmrm_lsmean row of the endpoint visit
          t.lsmean(a.arm(), "ancova_lsmean", a.lsmeans().ancova());
        }
        t.rates(a.arm(), a.binaryEndpoints(), a.binaryRates(), false);
      });
    }
    t.at(s.endpoint(), s.endpointWeek(), () -> r.comparisons().forEach(t::comparison));
    if (r.doseResponse() != null) {
      Difference d = r.doseResponse();
      t.at(s.endpoint(), s.endpointWeek(), () -> t.add(null, null, null, Effect.CHANGE, "dose_response", d.estimate(),
          d.ciLow(), d.ciHigh(), d.p(), TidyRow.NO_N, d.method(), TidyRow.Detail.of(d)));
    }
    for (VisitResult v : r.visits()) {
      t.at(v.visit(), v.week(), () -> t.visit(v, s.lsmeansWeights().key()));
    }
    if (r.subgroups() != null) {
      t.at(s.endpoint(), s.endpointWeek(), () -> t.subgroups(r.subgroups()));
    }
    t.rows.addAll(SensitivityReport.tidy(r));
    return t.rows;
  }

  /**
   * The rows of {@code --subgroup}: each level's comparisons with {@code study} = {@code COL=level}, then
   * the interaction tests with {@code study} = {@code COL}, statistic {@code <effect>_interaction}, the F
   * or Q statistic in {@code estimate} and its (numerator) df in {@code df}.
   */
  private void subgroups(SubgroupResult g) {
    for (SubgroupResult.Level l : g.levels()) {
      study = g.variable() + "=" + l.level();
      l.comparisons().forEach(this::comparison);
    }
    study = g.variable();
    for (SubgroupResult.Interaction i : g.interactions()) {
      add(null, i.treatment(), i.control(), i.outcome(), i.statistic() + "_interaction", i.value(), NA, NA, i.p(),
          TidyRow.NO_N, i.method(), new TidyRow.Detail(NA, NA, i.df(), NA, i.reason()));
    }
    study = "";
  }

  /** Rows added by {@code body} belong to {@code visit}. */
  private void at(String visit, double week, Runnable body) {
    int from = rows.size();
    body.run();
    for (int i = from; i < rows.size(); i++) {
      rows.set(i, rows.get(i).at(visit, week));
    }
  }

  /** The visits[] block: observed_mean and mmrm_lsmean per arm, mmrm_difference per comparison. */
  private void visit(VisitResult v, String weights) {
    for (VisitResult.Arm a : v.arms()) {
      MeanSummary o = a.observedChange();
      add(a.arm(), null, null, Effect.CHANGE, "observed_mean", o.mean(), o.ciLow(), o.ciHigh(), NA, o.n(), o.method(),
          new TidyRow.Detail(o.se(), NA, o.n() - 1, TidyRow.Detail.level(o.ciLow(), o.ciHigh(), o.confLevel(), null)
              .confLevel(), o.reason()));
      LsMean m = a.mmrmLsmean();
      if (m != null) {
        add(a.arm(), null, null, Effect.CHANGE, "mmrm_lsmean", m.estimate(), m.ciLow(), m.ciHigh(), NA, m.n(),
            "MMRM LS mean, " + weights + " weights", new TidyRow.Detail(m.se(), NA, m.df(),
                TidyRow.Detail.level(m.ciLow(), m.ciHigh(), m.confLevel(), null).confLevel(), null));
      }
    }
    for (VisitContrast c : v.comparisons()) {
      Difference d = c.difference();
      add(null, c.treatment(), c.control(), Effect.CHANGE, "mmrm_difference", d.estimate(), d.ciLow(), d.ciHigh(),
          d.p(), TidyRow.NO_N, d.method(), TidyRow.Detail.of(d));
    }
  }

  /** The tidy rows of a {@code summary} result: {@code study} filled, {@code file} the study's file. */
  public static List<TidyRow> of(SummaryResult r) {
    TidyRows t = new TidyRows(null, null);
    for (SummaryResult.Study s : r.studies()) {
      t.file = s.file();
      t.study = s.study();
      for (SummaryResult.Arm a : s.arms()) {
        if (a.baseline() != null) {
          t.descriptives(a.arm(), "baseline", a.baseline(), true);
        }
        if (a.change() != null) {
          t.change(a.arm(), a.change(), sdMethod(a));
        }
        t.rates(a.arm(), a.endpoints(), a.rates(), true);
      }
      for (Comparison c : s.comparisons()) {
        t.comparison(c);
      }
    }
    return t.rows;
  }

  private static String sdMethod(SummaryResult.Arm a) {
    return switch (a.sdSource()) {
      case REPORTED -> "SD (reported)";
      case SE -> "SD = SE x sqrt(n)" + (a.approximate() ? ", approximate (model-based SE)" : "");
      case CI -> "SD from the published CI: SE = (upper - lower) / (2 t(n - 1)), SD = SE x sqrt(n)"
          + (a.approximate() ? ", approximate (model-based CI)" : "");
      case NONE -> "SD not reported";
    };
  }

  private void descriptives(String arm, String outcome, MeanSummary m, boolean reported) {
    TidyRow.Detail why = TidyRow.Detail.level(NA, NA, NA, m.reason());
    add(arm, null, null, outcome, "mean", m.mean(), NA, NA, NA, m.n(), reported ? "mean (reported)" : "mean",
        new TidyRow.Detail(m.se(), NA, NA, NA, m.reason()));
    add(arm, null, null, outcome, "sd", m.sd(), NA, NA, NA, m.n(), reported ? "SD (reported)" : SAMPLE_SD, why);
  }

  /** Rows {@code median}, {@code q1}, {@code q3}, {@code min}, {@code max} of one sample (none when q is null). */
  private void quantiles(String arm, String outcome, int n, QuantileSummary q) {
    if (q == null) {
      return;
    }
    String why = n == 0 ? "no values" : null;
    String quartile = "quartile, " + q.type().label();
    double[] values = {q.median(), q.q1(), q.q3(), q.min(), q.max()};
    String[] names = {"median", "q1", "q3", "min", "max"};
    String[] methods = {"median", quartile, quartile, "minimum", "maximum"};
    for (int i = 0; i < values.length; i++) {
      add(arm, null, null, outcome, names[i], values[i], NA, NA, NA, n, methods[i],
          TidyRow.Detail.level(NA, NA, NA, why));
    }
  }

  /** The row of an arm's ANCOVA LS mean at the endpoint (none when m is null). */
  private void lsmean(String arm, String statistic, ArmLsMean m) {
    if (m == null) {
      return;
    }
    add(arm, null, null, Effect.CHANGE, statistic, m.estimate(), m.ciLow(), m.ciHigh(), NA, TidyRow.NO_N, m.method(),
        new TidyRow.Detail(m.se(), NA, m.df(), TidyRow.Detail.level(m.ciLow(), m.ciHigh(), m.confLevel(), null)
            .confLevel(), m.reason()));
  }

  private void change(String arm, MeanSummary c, String sdMethod) {
    TidyRow.Detail why = TidyRow.Detail.level(NA, NA, NA, c.reason());
    TidyRow.Detail interval = TidyRow.Detail.level(c.ciLow(), c.ciHigh(), c.confLevel(), c.reason());
    add(arm, null, null, Effect.CHANGE, "mean", c.mean(), c.ciLow(), c.ciHigh(), NA, c.n(), c.method(),
        new TidyRow.Detail(c.se(), NA, Double.isFinite(c.se()) ? c.n() - 1 : NA, interval.confLevel(), c.reason()));
    add(arm, null, null, Effect.CHANGE, "sd", c.sd(), NA, NA, NA, c.n(), sdMethod, why);
    add(arm, null, null, Effect.CHANGE, "se", c.se(), NA, NA, NA, c.n(), SE_METHOD, why);
  }

  private void rates(String arm, List<BinaryEndpoint> endpoints, List<Proportion> rates, boolean reported) {
    for (int i = 0; i < endpoints.size(); i++) {
      Proportion p = rates.get(i);
      String o = endpoints.get(i).key();
      add(arm, null, null, o, "events", p.events(), NA, NA, NA, p.n(), reported ? "count (reported)" : "count",
          TidyRow.Detail.NONE);
      add(arm, null, null, o, "rate", p.rate(), p.ciLow(), p.ciHigh(), NA, p.n(), p.method(),
          TidyRow.Detail.level(p.ciLow(), p.ciHigh(), p.confLevel(), p.reason()));
    }
  }

  private void comparison(Comparison c) {
    for (Effect e : c.effects()) {
      EffectValue v = e.value();
      if (v instanceof StratifiedBinaryResult s) {
        stratified(c, e, s);
        continue;
      }
      if (v instanceof AdjustedBinaryResult a) {
        adjusted(c, e, a);
        continue;
      }
      add(null, c.treatment(), c.control(), e.outcome(), e.statistic().key(), v.estimate(), v.ciLow(), v.ciHigh(),
          v.p(), e.n(), v.method(), detail(v));
      Adjusted a = e.adjusted();
      if (a != null) {
        String key = e.statistic().key();
        add(null, c.treatment(), c.control(), e.outcome(), (key.endsWith("_p") ? key : key + "_p") + "_adjusted",
            v.estimate(), a.ciLow(), a.ciHigh(), a.p(), e.n(), a.method(), TidyRow.Detail.level(a.ciLow(), a.ciHigh(),
                v instanceof Difference d ? d.confLevel() : NA, null));
      }
    }
  }

  /**
   * The rows of {@code analyze --strata}: statistics {@code cmh} and {@code cmh_uncorrected} (estimate =
   * chi-squared statistic), {@code mh_risk_difference}, {@code mh_risk_ratio}, {@code mh_odds_ratio},
   * {@code breslow_day} and {@code breslow_day_tarone} (estimate = statistic).
   */
  private void stratified(Comparison c, Effect e, StratifiedBinaryResult s) {
    String key = e.statistic().key();
    test(c, e, key, s.cmh());
    test(c, e, key + "_uncorrected", s.cmhUncorrected());
    effect(c, e, "mh_risk_difference", s.riskDifference());
    effect(c, e, "mh_risk_ratio", s.riskRatio());
    effect(c, e, "mh_odds_ratio", s.oddsRatio());
    test(c, e, "breslow_day", s.breslowDay());
    test(c, e, "breslow_day_tarone", s.tarone());
  }

  /**
   * The rows of {@code analyze --covariate / --factor} on a binary endpoint: statistics
   * {@code adjusted_risk_treatment} and {@code adjusted_risk_control} (the standardized risks),
   * {@code adjusted_risk_difference}, {@code adjusted_risk_ratio} and {@code adjusted_odds_ratio}.
   */
  private void adjusted(Comparison c, Effect e, AdjustedBinaryResult a) {
    String key = e.statistic().key();
    String method = a.method().replaceFirst("^Standardized risk difference", "Standardized risk");
    add(null, c.treatment(), c.control(), e.outcome(), key + "_risk_treatment", a.riskTreatment(), NA, NA, NA, e.n(),
        method, TidyRow.Detail.level(NA, NA, NA, a.note()));
    add(null, c.treatment(), c.control(), e.outcome(), key + "_risk_control", a.riskControl(), NA, NA, NA, e.n(),
        method, TidyRow.Detail.level(NA, NA, NA, a.note()));
    effect(c, e, key + "_risk_difference", a.riskDifference());
    effect(c, e, key + "_risk_ratio", a.riskRatio());
    effect(c, e, key + "_odds_ratio", a.oddsRatio());
  }

  private void test(Comparison c, Effect e, String statistic, ChiSquareTest t) {
    add(null, c.treatment(), c.control(), e.outcome(), statistic, t.statistic(), NA, NA, t.p(), e.n(), t.method(),
        new TidyRow.Detail(NA, NA, t.df(), NA, t.reason()));
  }

  private void effect(Comparison c, Effect e, String statistic, WaldEffect w) {
    TidyRow.Detail level = TidyRow.Detail.level(w.ciLow(), w.ciHigh(), w.confLevel(), w.reason());
    add(null, c.treatment(), c.control(), e.outcome(), statistic, w.estimate(), w.ciLow(), w.ciHigh(), w.p(), e.n(),
        w.method(), new TidyRow.Detail(w.se(), w.z(), NA, level.confLevel(), w.reason()));
  }

  private void add(String arm, String treatment, String control, String outcome, String statistic, double est,
      double lo, double hi, double p, int n, String method, TidyRow.Detail d) {
    rows.add(new TidyRow(file, study, arm, treatment, control, outcome, statistic, est, lo, hi, p, n, method, d.se(),
        d.t(), d.df(), d.confLevel(), d.reason()));
  }

  private static TidyRow.Detail detail(EffectValue v) {
    if (v instanceof Difference d) {
      return TidyRow.Detail.of(d);
    }
    if (v instanceof Estimate e) {
      return TidyRow.Detail.level(e.ciLow(), e.ciHigh(), e.confLevel(), e.reason());
    }
    return TidyRow.Detail.NONE;
  }
}
