package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.BinaryComparison;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.Proportion;
import org.trialstat.model.SummaryResult;

/**
 * The tidy rows of {@code trialstat summary}: the columns of {@link TidyRow} (as {@code analyze}), with
 * {@code study} filled and {@code file} the study's file. Statistics and outcomes use the JSON keys.
 */
public final class SummaryTidyRows {
  private static final double NA = Double.NaN;

  private final List<TidyRow> rows = new ArrayList<>();
  private String file;
  private String study;

  private SummaryTidyRows() {
  }

  /** One row per estimate, studies in order. */
  public static List<TidyRow> of(SummaryResult r) {
    SummaryTidyRows t = new SummaryTidyRows();
    for (SummaryResult.Study s : r.studies()) {
      t.file = s.file();
      t.study = s.study();
      for (SummaryResult.Arm a : s.arms()) {
        t.arm(a);
      }
      for (SummaryResult.Comparison c : s.comparisons()) {
        t.comparison(c, s);
      }
    }
    return t.rows;
  }

  private void arm(SummaryResult.Arm a) {
    MeanSummary b = a.baseline();
    if (b != null) {
      add(a.arm(), null, null, "baseline", "mean", b.mean(), NA, NA, NA, b.n(), "mean (reported)");
      add(a.arm(), null, null, "baseline", "sd", b.sd(), NA, NA, NA, b.n(), "SD (reported)");
    }
    MeanSummary c = a.change();
    if (c != null) {
      add(a.arm(), null, null, "change", "mean", c.mean(), c.ciLow(), c.ciHigh(), NA, c.n(), c.method());
      String sdMethod = switch (a.sdSource()) {
        case REPORTED -> "SD (reported)";
        case FROM_SE -> "SD = SE x sqrt(n)" + (a.approximate() ? ", approximate (model-based SE)" : "");
        case FROM_CI -> "SD from the published CI: SE = (upper - lower) / (2 t(n - 1)), SD = SE x sqrt(n)"
            + (a.approximate() ? ", approximate (model-based CI)" : "");
        case NONE -> "SD not reported";
      };
      add(a.arm(), null, null, "change", "sd", c.sd(), NA, NA, NA, c.n(), sdMethod);
      add(a.arm(), null, null, "change", "se", c.se(), NA, NA, NA, c.n(), "SD / sqrt(n)");
    }
    for (BinaryEndpoint e : a.endpoints()) {
      Proportion p = a.rate(e);
      add(a.arm(), null, null, e.key(), "events", p.events(), NA, NA, NA, p.n(), "count (reported)");
      add(a.arm(), null, null, e.key(), "rate", p.rate(), p.ciLow(), p.ciHigh(), NA, p.n(), p.method());
    }
  }

  private void comparison(SummaryResult.Comparison c, SummaryResult.Study s) {
    if (c.welch() != null) {
      int n = changeN(s, c.treatment()) + changeN(s, c.control());
      difference(c, "welch", c.welch(), n);
      difference(c, "student", c.student(), n);
      estimate(c, "change", "cohens_d", c.cohensD(), n);
      estimate(c, "change", "hedges_g", c.hedgesG(), n);
    }
    for (BinaryComparison b : c.binary()) {
      int bn = b.treatment().n() + b.control().n();
      String o = b.endpoint().key();
      estimate(c, o, "risk_difference", b.riskDifference(), bn);
      estimate(c, o, "risk_ratio", b.riskRatio(), bn);
      estimate(c, o, "odds_ratio", b.oddsRatio(), bn);
      estimate(c, o, "nnt", b.nnt(), bn);
      add(null, c.treatment(), c.control(), o, "fisher_p", NA, NA, NA, b.fisherP(), bn,
          "Fisher exact test, two-sided");
    }
  }

  private static int changeN(SummaryResult.Study s, String arm) {
    for (SummaryResult.Arm a : s.arms()) {
      if (a.arm().equals(arm) && a.change() != null) {
        return a.change().n();
      }
    }
    return 0;
  }

  private void difference(SummaryResult.Comparison c, String statistic, Difference d, int n) {
    add(null, c.treatment(), c.control(), "change", statistic, d.estimate(), d.ciLow(), d.ciHigh(), d.p(), n,
        d.method());
  }

  private void estimate(SummaryResult.Comparison c, String outcome, String statistic, Estimate e, int n) {
    add(null, c.treatment(), c.control(), outcome, statistic, e.estimate(), e.ciLow(), e.ciHigh(), NA, n,
        e.method());
  }

  private void add(String arm, String treatment, String control, String outcome, String statistic, double est,
      double lo, double hi, double p, int n, String method) {
    rows.add(new TidyRow(file, study, arm, treatment, control, outcome, statistic, est, lo, hi, p, n, method));
  }
}
