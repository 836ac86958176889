package org.trialstat.report;

import static org.trialstat.report.MetaKeys.*;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaResult;

/**
 * The tidy CSV/TSV rows of {@code trialstat meta} (columns {@link TidyRow#COLUMNS}): per study its effect
 * and weight; per pooled result (overall, each subgroup, each leave-one-out and cumulative step) the
 * effect, prediction interval, tau^2, I^2, H^2 and Q; Egger's t and Q between subgroups. The
 * {@code statistic} of an effect is the measure ({@code smd}, {@code rr}, ...); ratio measures are
 * printed as ratios. Documented in docs/output.md.
 */
final class MetaTidyRows {

  private MetaTidyRows() {
  }

  static List<TidyRow> of(MetaResult r) {
    boolean ratio = r.settings().measure().ratio();
    String measure = r.settings().measure().key();
    String outcome = r.outcome();
    List<TidyRow> rows = new ArrayList<>();
    for (MetaResult.Study s : r.studies()) {
      rows.add(row(s.study(), outcome, measure, scale(s.yi(), ratio), scale(s.ciLow(), ratio),
          scale(s.ciHigh(), ratio), Double.NaN, TidyRow.NO_N, s.note() == null ? "" : s.note()));
      rows.add(row(s.study(), outcome, WEIGHT, s.weight(), Double.NaN, Double.NaN, Double.NaN, TidyRow.NO_N,
          r.pooled().method()));
    }
    pooled(rows, POOLED_LABEL, r.pooled(), outcome, measure, ratio);
    rows.add(row(POOLED_LABEL, outcome, STAT_EGGER, r.egger().t(), Double.NaN, Double.NaN, r.egger().p(),
        TidyRow.NO_N, r.egger().method()));
    for (MetaResult.Subgroup g : r.subgroups()) {
      pooled(rows, SUBGROUP_PREFIX + g.subgroup(), g.pooled(), outcome, measure, ratio);
    }
    if (r.between() != null) {
      rows.add(row(POOLED_LABEL, outcome, STAT_Q_BETWEEN, r.between().q(), Double.NaN, Double.NaN, r.between().p(),
          TidyRow.NO_N, r.between().method()));
    }
    for (MetaResult.Omitted o : r.leaveOneOut()) {
      pooled(rows, WITHOUT_PREFIX + o.omitted(), o.pooled(), outcome, measure, ratio);
    }
    for (MetaResult.Step s : r.cumulative()) {
      pooled(rows, UP_TO_PREFIX + s.added(), s.pooled(), outcome, measure, ratio);
    }
    return rows;
  }

  private static void pooled(List<TidyRow> rows, String label, MetaPooled p, String outcome, String measure,
      boolean ratio) {
    String m = p.method();
    rows.add(row(label, outcome, measure, scale(p.estimate(), ratio), scale(p.ciLow(), ratio),
        scale(p.ciHigh(), ratio), p.p(), p.k(), m));
    rows.add(row(label, outcome, STAT_PREDICTION, Double.NaN, scale(p.piLow(), ratio), scale(p.piHigh(), ratio),
        Double.NaN, p.k(), m));
    rows.add(row(label, outcome, TAU2, p.tau2(), p.tau2CiLow(), p.tau2CiHigh(), Double.NaN, p.k(), m));
    rows.add(row(label, outcome, I2, p.i2(), p.i2CiLow(), p.i2CiHigh(), Double.NaN, p.k(), m));
    rows.add(row(label, outcome, H2, p.h2(), p.h2CiLow(), p.h2CiHigh(), Double.NaN, p.k(), m));
    rows.add(row(label, outcome, Q, p.q(), Double.NaN, Double.NaN, p.qP(), p.k(), m));
  }

  private static TidyRow row(String study, String outcome, String statistic, double estimate, double lo, double hi,
      double p, int n, String method) {
    return new TidyRow("", study, "", "", "", outcome, statistic, estimate, lo, hi, p, n, method);
  }

  static double scale(double x, boolean ratio) {
    return ratio ? Math.exp(x) : x;
  }
}
