package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.ArmResult;
import org.trialstat.model.BinaryComparison;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.ComparisonResult;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.Proportion;

/**
 * Flattens results into tidy rows, one per estimate. The {@code outcome} and {@code statistic} values
 * are the JSON keys ({@code change}/{@code mean}, {@code response}/{@code risk_ratio}, ...).
 */
public final class TidyRows {
  private static final double NA = Double.NaN;

  private final List<TidyRow> rows = new ArrayList<>();
  private final String file;
  private final String study;

  private TidyRows(String file, String study) {
    this.file = file;
    this.study = study;
  }

  /** The tidy rows of one {@code analyze} result. */
  public static List<TidyRow> of(AnalysisResult r) {
    TidyRows t = new TidyRows(r.file(), "");
    for (ArmResult a : r.arms()) {
      t.arm(a);
    }
    for (ComparisonResult c : r.comparisons()) {
      t.comparison(c, r.arms());
    }
    return t.rows;
  }

  private void arm(ArmResult a) {
    descriptives(a.arm(), "baseline", a.baseline());
    descriptives(a.arm(), "endpoint", a.endpoint());
    MeanSummary c = a.change();
    add(a.arm(), null, null, "change", "mean", c.mean(), c.ciLow(), c.ciHigh(), NA, c.n(), c.method());
    add(a.arm(), null, null, "change", "sd", c.sd(), NA, NA, NA, c.n(), "sample SD (n - 1)");
    add(a.arm(), null, null, "change", "se", c.se(), NA, NA, NA, c.n(), "SD / sqrt(n)");
    for (BinaryEndpoint e : a.binaryEndpoints()) {
      Proportion p = a.rate(e);
      add(a.arm(), null, null, e.key(), "events", p.events(), NA, NA, NA, p.n(), "count");
      add(a.arm(), null, null, e.key(), "rate", p.rate(), p.ciLow(), p.ciHigh(), NA, p.n(), p.method());
    }
  }

  private void descriptives(String arm, String outcome, MeanSummary m) {
    add(arm, null, null, outcome, "mean", m.mean(), NA, NA, NA, m.n(), "mean");
    add(arm, null, null, outcome, "sd", m.sd(), NA, NA, NA, m.n(), "sample SD (n - 1)");
  }

  private void comparison(ComparisonResult c, List<ArmResult> arms) {
    int n = changeN(arms, c.treatment()) + changeN(arms, c.control());
    difference(c, "welch", c.welch(), n);
    difference(c, "student", c.student(), n);
    difference(c, "ancova", c.ancova(), NO_N);
    if (c.mmrm() != null) {
      difference(c, "mmrm", c.mmrm(), TidyRow.NO_N);
    }
    estimate(c, "change", "cohens_d", c.cohensD(), n, NA);
    estimate(c, "change", "hedges_g", c.hedgesG(), n, NA);
    for (BinaryComparison b : c.binary()) {
      int bn = b.treatment().n() + b.control().n();
      String o = b.endpoint().key();
      estimate(c, o, "risk_difference", b.riskDifference(), bn, NA);
      estimate(c, o, "risk_ratio", b.riskRatio(), bn, NA);
      estimate(c, o, "odds_ratio", b.oddsRatio(), bn, NA);
      estimate(c, o, "nnt", b.nnt(), bn, NA);
      add(null, c.treatment(), c.control(), o, "fisher_p", NA, NA, NA, b.fisherP(), bn,
          "Fisher exact test, two-sided");
    }
  }

  private static final int NO_N = TidyRow.NO_N;

  private static int changeN(List<ArmResult> arms, String arm) {
    for (ArmResult a : arms) {
      if (a.arm().equals(arm)) {
        return a.change().n();
      }
    }
    return 0;
  }

  private void difference(ComparisonResult c, String statistic, Difference d, int n) {
    add(null, c.treatment(), c.control(), "change", statistic, d.estimate(), d.ciLow(), d.ciHigh(), d.p(), n,
        d.method());
  }

  private void estimate(ComparisonResult c, String outcome, String statistic, Estimate e, int n, double p) {
    add(null, c.treatment(), c.control(), outcome, statistic, e.estimate(), e.ciLow(), e.ciHigh(), p, n,
        e.method());
  }

  private void add(String arm, String treatment, String control, String outcome, String statistic, double est,
      double lo, double hi, double p, int n, String method) {
    rows.add(new TidyRow(file, study, arm, treatment, control, outcome, statistic, est, lo, hi, p, n, method));
  }
}
