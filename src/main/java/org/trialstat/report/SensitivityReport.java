package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.Effect;
import org.trialstat.model.SensitivityEstimate;

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
      Map<String, Object> o = Json.object();
      put(o, new String[] {"analysis", "estimand", "strategy", "treatment", "control", "visit"}, e.analysis(),
          e.estimand(), e.strategy(), e.treatment(), e.control(), e.visit());
      if (tipping) {
        o.put("delta", e.delta());
      }
      put(o, new String[] {"estimate", "se", "ci_low", "ci_high", "conf_level", "p"}, e.estimate(), e.se(),
          e.ciLow(), e.ciHigh(), e.confLevel(), e.p());
      if (tipping) {
        List<Object> grid = new ArrayList<>();
        for (SensitivityEstimate.Step s : e.grid()) {
          Map<String, Object> g = Json.object();
          put(g, new String[] {"delta", "estimate", "se", "p"}, s.delta(), s.estimate(), s.se(), s.p());
          grid.add(g);
        }
        o.put("grid", grid);
      }
      ResultTree.method(o, e.method(), e.reason());
      out.add(o);
    }
    return out;
  }

  /** Puts keys[i] = values[i], in order. */
  private static void put(Map<String, Object> o, String[] keys, Object... values) {
    for (int i = 0; i < keys.length; i++) {
      o.put(keys[i], values[i]);
    }
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

  /** The table, or null without --sensitivity. */
  static TextTable table(AnalysisResult r, String lvl, Set<String> reasons) {
    if (r.sensitivity().isEmpty()) {
      return null;
    }
    TextTable t = new TextTable("Comparison", "Analysis", ">Delta", ">Estimate", ">" + lvl + " CI", ">SE", ">p");
    for (SensitivityEstimate e : r.sensitivity()) {
      String name = e.treatment() + " vs " + e.control();
      String label = switch (e.analysis()) {
        case "mmrm" -> "MMRM (primary)";
        case "mar" -> "MAR, conditional mean";
        case "jump_to_reference" -> "J2R, conditional mean";
        default -> "Tipping point (MAR + delta)";
      };
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
