package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.ArmResult;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Proportion;
import org.trialstat.model.QuantileSummary;

/**
 * {@link TableReport}'s tables by arm: the scores at baseline, at the endpoint and their change
 * (footnote [1]), the binary endpoints' rates (footnote [2]) and the models' LS means.
 */
final class ArmTables {

  private ArmTables() {
  }

  /** Scores by arm: n, mean (SD) at baseline, endpoint and change, the change's CI; medians when computed. */
  static TextTable scores(AnalysisResult r, String lvl) {
    TextTable arms = new TextTable("Arm", ">N", ">Baseline mean (SD)", ">N", ">Endpoint mean (SD)", ">N",
        ">Change mean (SD)", ">" + lvl + " CI of change");
    for (ArmResult a : r.arms()) {
      arms.row(a.arm(), Integer.toString(a.baseline().n()), Fmt.meanSd(a.baseline().mean(), a.baseline().sd(), 2),
          Integer.toString(a.endpoint().n()), Fmt.meanSd(a.endpoint().mean(), a.endpoint().sd(), 2),
          Integer.toString(a.change().n()), Fmt.meanSd(a.change().mean(), a.change().sd(), 2),
          Fmt.ci(a.change().ciLow(), a.change().ciHigh(), 2));
      ArmResult.Quantiles q = a.quantiles();
      if (q != null) {
        arms.row("  Median (min; max)", "", medianRange(q.baseline()), "", medianRange(q.endpoint()), "",
            medianRange(q.change()), "");
      }
    }
    return arms;
  }

  /** Binary endpoints by arm: n/N (%) and the Wilson CI of each endpoint. */
  static TextTable rates(AnalysisResult r, List<BinaryEndpoint> endpoints, String lvl) {
    List<String> h = new ArrayList<>(List.of("Arm"));
    for (BinaryEndpoint e : endpoints) {
      h.add(">" + e.label() + " n/N (%)");
      h.add(">" + lvl + " CI");
    }
    TextTable rates = new TextTable(h.toArray(String[]::new));
    for (ArmResult a : r.arms()) {
      List<String> row = new ArrayList<>(List.of(a.arm()));
      for (BinaryEndpoint e : endpoints) {
        Proportion p = a.rate(e);
        row.add(p.events() + "/" + p.n() + " (" + Fmt.percent(p.rate()) + ")");
        row.add(Fmt.ci(100 * p.ciLow(), 100 * p.ciHigh(), 1));
      }
      rates.row(row.toArray(String[]::new));
    }
    return rates;
  }

  /** "median (min; max)" to 1 decimal, n/e for an empty sample. */
  private static String medianRange(QuantileSummary q) {
    if (Double.isNaN(q.median())) {
      return Fmt.NE;
    }
    return Fmt.fixed(q.median(), 1) + " (" + Fmt.fixed(q.min(), 1) + "; " + Fmt.fixed(q.max(), 1) + ")";
  }

  /** The LS means table: one row per arm and model (ANCOVA, then MMRM), or null when there are none. */
  static TextTable lsMeans(AnalysisResult r, String lvl, Set<String> reasons) {
    TextTable t = new TextTable("Arm", "Model", ">LS mean", ">" + lvl + " CI", ">SE", ">df");
    boolean any = false;
    for (int model = 0; model < 2; model++) {
      for (ArmResult a : r.arms()) {
        ArmLsMean m = a.lsmeans() == null ? null : model == 0 ? a.lsmeans().ancova() : a.lsmeans().mmrm();
        if (m == null) {
          continue;
        }
        any = true;
        String label = model == 0 ? "ANCOVA" : "MMRM";
        String est = Fmt.fixed(m.estimate(), 2);
        if (m.reason() != null) {
          reasons.add(label + " LS mean (" + a.arm() + "): " + m.reason());
          est = est + "*";
        }
        t.row(a.arm(), label, est, Fmt.ci(m.ciLow(), m.ciHigh(), 2), Fmt.fixed(m.se(), 2), Fmt.fixed(m.df(), 1));
      }
    }
    return any ? t : null;
  }
}
