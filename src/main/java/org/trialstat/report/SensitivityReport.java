package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.Effect;
import org.trialstat.model.SensitivityEstimate;
import org.trialstat.model.Statistic;

/**
 * The sensitivity block of {@code analyze --sensitivity} in every format (docs/output.md, "sensitivity[]"):
 * the JSON array, the tidy rows and the table with its footnote [11]. Nothing without --sensitivity.
 */
final class SensitivityReport {

  /** Footnote [11], defining the table. */
  static final String FOOTNOTE = "[11] Sensitivity analyses at the endpoint, treatment - control (docs/methods.md, "
      + "\"Sensitivity analyses\"): MMRM = the primary analysis (t-based); MAR and J2R = conditional mean "
      + "imputation with jackknife SE and normal CI under missing at random and under jump to reference after "
      + "monotone dropout (rbmi's method_condmean), then ANCOVA of change on arm + baseline; tipping point = MAR "
      + "with delta added to the imputed values of the treatment arms: the first delta of the grid at which "
      + "significance is lost, with the estimate there.";

  private SensitivityReport() {
  }

  /** The JSON array {@code sensitivity[]}. */
  static List<Object> tree(AnalysisResult r) {
    List<Object> out = new ArrayList<>();
    for (SensitivityEstimate e : r.sensitivity()) {
      boolean tipping = e.analysis().equals("tipping_point");
      Map<String, Object> o = Json.object("analysis", e.analysis(), "estimand", e.estimand(), "strategy", e.strategy(),
          "treatment", e.treatment(), "control", e.control(), "visit", e.visit());
      if (tipping) {
        o.put("delta", e.delta());
      }
      ResultTree.interval(Json.put(o, "estimate", e.estimate(), "se", e.se()), e.ciLow(), e.ciHigh(), e.confLevel());
      o.put("p", e.p());
      if (tipping) {
        o.put("grid", Json.array(e.grid(),
            s -> Json.object("delta", s.delta(), "estimate", s.estimate(), "se", s.se(), "p", s.p())));
      }
      out.add(ResultTree.method(o, e.method(), e.reason()));
    }
    return out;
  }

  /**
   * The tidy rows: statistic {@code sensitivity_ANALYSIS}, outcome {@code change}; the tipping point adds
   * a row {@code sensitivity_tipping_delta} whose estimate is the delta.
   */
  static List<TidyRow> tidy(AnalysisResult r) {
    List<TidyRow> rows = new ArrayList<>();
    double na = Double.NaN;
    for (SensitivityEstimate e : r.sensitivity()) {
      TidyRow.Detail d = new TidyRow.Detail(e.se(), na, na,
          TidyRow.Detail.level(e.ciLow(), e.ciHigh(), e.confLevel(), null).confLevel(), e.reason());
      rows.add(row(r, e, "sensitivity_" + e.analysis(), e.estimate(), e.ciLow(), e.ciHigh(), e.p(), d));
      if (e.analysis().equals("tipping_point")) {
        rows.add(row(r, e, "sensitivity_tipping_delta", e.delta(), na, na, na, TidyRow.Detail.level(na, na, na,
            e.reason())));
      }
    }
    return rows;
  }

  private static TidyRow row(AnalysisResult r, SensitivityEstimate e, String statistic, double est, double lo,
      double hi, double p, TidyRow.Detail d) {
    return new TidyRow(r.file(), "", null, e.treatment(), e.control(), Effect.CHANGE, statistic, est, lo, hi, p,
        TidyRow.NO_N, e.method(), e.visit(), r.settings().endpointWeek(), d.se(), d.t(), d.df(), d.confLevel(),
        d.reason());
  }

  /** The table's name of an analysis: the primary one is the MMRM, under its statistic's key. */
  private static String label(String analysis) {
    if (analysis.equals(Statistic.MMRM.key())) {
      return "MMRM (primary)";
    }
    return switch (analysis) {
      case "mar" -> "MAR, conditional mean";
      case "jump_to_reference" -> "J2R, conditional mean";
      default -> "Tipping point (MAR + delta)";
    };
  }

  /** The table, or null without --sensitivity. */
  static TextTable table(AnalysisResult r, String lvl, Set<String> reasons) {
    if (r.sensitivity().isEmpty()) {
      return null;
    }
    TextTable t = new TextTable("Comparison", "Analysis", ">Delta", ">Estimate", ">" + lvl + " CI", ">SE", ">p");
    for (SensitivityEstimate e : r.sensitivity()) {
      String name = e.treatment() + " vs " + e.control();
      String label = label(e.analysis());
      String est = Fmt.fixed(e.estimate(), 2);
      if (e.reason() != null) {
        reasons.add(label + " (" + name + "): " + e.reason());
        est += "*";
      }
      t.row(name, label, e.analysis().equals("tipping_point") ? Fmt.fixed(e.delta(), 2) : "", est,
          Fmt.ci(e.ciLow(), e.ciHigh(), 2), Fmt.fixed(e.se(), 2), Fmt.p(e.p()));
    }
    return t;
  }
}
