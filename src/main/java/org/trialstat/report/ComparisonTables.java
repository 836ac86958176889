package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialstat.model.Adjusted;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Difference;
import org.trialstat.model.Effect;
import org.trialstat.model.Estimate;
import org.trialstat.model.Statistic;

/**
 * {@link TableReport}'s tables of the treatment-versus-control comparisons: the differences in change
 * (footnote [3], with the adjusted p-values and simultaneous intervals when there are any), the
 * standardized mean differences ([4]) and the binary endpoints' effects ([5]). A result that is not
 * estimable, or has a caveat, is marked {@code *} and its reason added to {@code reasons}.
 */
final class ComparisonTables {

  private ComparisonTables() {
  }

  /** The differences in change: one row per comparison and method. */
  static TextTable differences(AnalysisResult r, String lvl, Set<String> reasons) {
    boolean adjusted = r.comparisons().stream().flatMap(c -> c.effects().stream())
        .anyMatch(e -> e.adjusted() != null && e.statistic().kind() == Statistic.Kind.DIFFERENCE);
    boolean simultaneous = r.comparisons().stream().flatMap(c -> c.effects().stream())
        .anyMatch(e -> e.adjusted() != null && e.adjusted().simultaneous());
    List<String> head = new ArrayList<>(List.of("Comparison", "Method", ">Estimate", ">" + lvl + " CI", ">SE", ">t",
        ">df", ">p"));
    if (adjusted) {
      head.add(">p adj. [8]");
    }
    if (simultaneous) {
      head.add(">Simultaneous " + lvl + " CI");
    }
    TextTable diff = new TextTable(head.toArray(String[]::new));
    for (Comparison c : r.comparisons()) {
      for (Effect e : c.effects()) {
        if (e.statistic().kind() == Statistic.Kind.DIFFERENCE) {
          diffRow(diff, c.treatment() + " vs " + c.control(), e, reasons, adjusted, simultaneous);
        }
      }
    }
    return diff;
  }

  /** The standardized mean differences of change: one row per comparison and effect size. */
  static TextTable standardized(AnalysisResult r, String lvl, Set<String> reasons) {
    TextTable es = new TextTable("Comparison", "Effect size", ">Estimate", ">" + lvl + " CI");
    for (Comparison c : r.comparisons()) {
      for (Effect e : c.effects()) {
        if (e.statistic().kind() == Statistic.Kind.STANDARDIZED) {
          estimateRow(es, c.treatment() + " vs " + c.control(), e.statistic(), (Estimate) e.value(), reasons);
        }
      }
    }
    return es;
  }

  /**
   * The binary endpoints' effects: one row per comparison and endpoint, or null when there is none (the
   * stratified and covariate-adjusted ones have their own tables).
   */
  static TextTable binary(AnalysisResult r, String lvl, Set<String> reasons) {
    TextTable bin = null;
    for (Comparison c : r.comparisons()) {
      for (String outcome : c.binaryOutcomes()) {
        List<Effect> effects = c.effects().stream().filter(e -> e.outcome().equals(outcome))
            .filter(e -> e.statistic().kind() != Statistic.Kind.STRATIFIED
                && e.statistic().kind() != Statistic.Kind.ADJUSTED).toList(); // in their own tables
        if (bin == null) {
          List<String> h = new ArrayList<>(List.of("Comparison", "Endpoint"));
          for (Effect e : effects) {
            h.add(">" + e.statistic().label()
                + (e.statistic().kind() == Statistic.Kind.TEST ? "" : " [" + lvl + " CI]"));
          }
          bin = new TextTable(h.toArray(String[]::new));
        }
        BinaryEndpoint endpoint = BinaryEndpoint.ofKey(outcome);
        List<String> row = new ArrayList<>(List.of(c.treatment() + " vs " + c.control(), endpoint.label()));
        for (Effect e : effects) {
          row.add(binaryCell(e, reasons, c, endpoint));
        }
        bin.row(row.toArray(String[]::new));
      }
    }
    return bin;
  }

  private static void diffRow(TextTable t, String name, Effect e, Set<String> reasons, boolean adjusted,
      boolean simultaneous) {
    Difference d = (Difference) e.value();
    String method = e.statistic().label();
    String est = Fmt.fixed(d.estimate(), 2);
    if (d.reason() != null) {
      reasons.add(method + " (" + name + "): " + d.reason());
      est = est + "*";
    }
    List<String> row = new ArrayList<>(List.of(name, method, est, Fmt.ci(d.ciLow(), d.ciHigh(), 2),
        Fmt.fixed(d.se(), 2), Fmt.fixed(d.t(), 2), Fmt.fixed(d.df(), 1), Fmt.p(d.p())));
    Adjusted a = e.adjusted();
    if (adjusted) {
      row.add(a == null ? "" : Fmt.p(a.p()));
    }
    if (simultaneous) {
      row.add(a == null || !a.simultaneous() ? "" : Fmt.ci(a.ciLow(), a.ciHigh(), 2));
    }
    t.row(row.toArray(String[]::new));
  }

  private static void estimateRow(TextTable t, String name, Statistic statistic, Estimate e, Set<String> reasons) {
    String est = Fmt.fixed(e.estimate(), statistic.decimals());
    if (e.reason() != null) {
      reasons.add(statistic.label() + " (" + name + "): " + e.reason());
      est = est + "*";
    }
    t.row(name, statistic.label(), est, Fmt.ci(e.ciLow(), e.ciHigh(), statistic.decimals()));
  }

  private static String binaryCell(Effect e, Set<String> reasons, Comparison c, BinaryEndpoint endpoint) {
    Statistic s = e.statistic();
    if (s.kind() == Statistic.Kind.TEST) {
      return Fmt.p(e.value().p()) + (e.adjusted() == null ? "" : " (adj. " + Fmt.p(e.adjusted().p()) + ")");
    }
    String what = s.kind() == Statistic.Kind.NNT ? s.label() : s.label().toLowerCase(Locale.ROOT);
    String context = what + ", " + endpoint.label().toLowerCase(Locale.ROOT) + " (" + c.treatment()
        + " vs " + c.control() + ")";
    Estimate est = (Estimate) e.value();
    return estimateCell(est, s.kind() == Statistic.Kind.NNT, s.decimals(), reasons, context);
  }

  /**
   * An estimate with its interval in brackets, {@code *} when it has a reason (then added to
   * {@code reasons}); n/e when not estimable. NNT with Altman's labels: NNTB (number needed to treat for
   * one more responder, remission, ...) when the treatment arm has more events of these good outcomes,
   * NNTH when fewer; the interval as magnitudes.
   */
  private static String estimateCell(Estimate e, boolean nnt, int decimals, Set<String> reasons, String context) {
    if (e.reason() != null) {
      reasons.add(context + ": " + e.reason());
    }
    String mark = e.reason() != null ? "*" : "";
    if (!e.estimable()) {
      return Fmt.NE + mark;
    }
    String est = nnt ? Fmt.nnt(e.estimate()) : Fmt.fixed(e.estimate(), decimals);
    if (!Double.isFinite(e.ciLow())) {
      return est + mark;
    }
    return est + " [" + (nnt ? Fmt.nntCi(e.ciLow(), e.ciHigh()) : Fmt.ci(e.ciLow(), e.ciHigh(), decimals)) + "]"
        + mark;
  }
}
