package org.trialstat.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.ArmResult;
import org.trialstat.model.QuantileSummary;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Adjusted;
import org.trialstat.model.Effect;
import org.trialstat.model.Statistic;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.Numbers;
import org.trialstat.model.Printable;
import org.trialstat.model.Proportion;

/**
 * Publication-style tables of an {@code analyze} result: per-arm continuous and binary outcomes, the
 * treatment-versus-control comparisons, and footnotes defining every number.
 */
public enum TableReport {
  /** Aligned plain text for the terminal. */
  PLAIN,
  /** GitHub-flavoured Markdown tables. */
  MARKDOWN;

  /** Renders one result. */
  public String render(AnalysisResult r) {
    AnalysisSettings s = r.settings();
    String lvl = Fmt.level(s.confLevel());
    StringBuilder sb = new StringBuilder();
    heading(sb, "trialstat analyze: " + r.file());
    sb.append(s.scale().label()).append("; baseline visit ").append(Printable.escape(s.baseline()))
        .append(", endpoint visit ").append(Printable.escape(s.endpoint()));
    if (s.control() != null) {
      sb.append("; control arm ").append(Printable.escape(s.control()));
    }
    sb.append("; ").append(lvl).append(" confidence intervals.\n\n");

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
    section(sb, "Scores by arm [1]", arms);

    List<BinaryEndpoint> endpoints = r.arms().isEmpty() ? List.of() : r.arms().get(0).binaryEndpoints();
    if (!endpoints.isEmpty()) {
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
      section(sb, "Binary endpoints by arm [2]", rates);
    }

    Set<String> reasons = new LinkedHashSet<>();
    if (!r.comparisons().isEmpty()) {
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
      TextTable es = new TextTable("Comparison", "Effect size", ">Estimate", ">" + lvl + " CI");
      for (Comparison c : r.comparisons()) {
        for (Effect e : c.effects()) {
          if (e.statistic().kind() == Statistic.Kind.DIFFERENCE) {
            diffRow(diff, c.treatment() + " vs " + c.control(), e, reasons, adjusted, simultaneous);
          }
        }
      }
      for (Comparison c : r.comparisons()) {
        for (Effect e : c.effects()) {
          if (e.statistic().kind() == Statistic.Kind.STANDARDIZED) {
            estimateRow(es, c.treatment() + " vs " + c.control(), e.statistic(), (Estimate) e.value(), reasons);
          }
        }
      }
      section(sb, "Change from baseline, treatment - control [3]", diff);
      TextTable ls = lsMeans(r, lvl, reasons);
      if (ls != null) {
        section(sb, "LS means of change at " + s.endpoint() + " [3]", ls);
      }
      section(sb, "Standardized mean difference of change [4]", es);

      if (!endpoints.isEmpty()) {
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
        if (bin != null) {
          section(sb, "Binary endpoints, treatment vs control [5]", bin);
        }
        TextTable strat = StratifiedTable.build(r.comparisons(), lvl, reasons);
        if (strat != null) {
          section(sb, "Stratified binary endpoints, treatment vs control [6]", strat);
        }
        TextTable adjustedBinary = AdjustedTable.build(r.comparisons(), lvl, reasons);
        if (adjustedBinary != null) {
          section(sb, "Covariate-adjusted binary endpoints, treatment vs control [7]", adjustedBinary);
        }
      }
    }
    if (r.doseResponse() != null) {
      Difference d = r.doseResponse();
      TextTable dose = new TextTable("Dose response", ">Estimate", ">" + lvl + " CI", ">SE", ">t", ">df", ">p");
      dose.row("Change per unit dose" + (d.reason() != null ? "*" : ""), Fmt.fixed(d.estimate(), 4),
          Fmt.ci(d.ciLow(), d.ciHigh(), 4), Fmt.fixed(d.se(), 4), Fmt.fixed(d.t(), 2), Fmt.fixed(d.df(), 1),
          Fmt.p(d.p()));
      if (d.reason() != null) {
        reasons.add("Dose response: " + d.reason());
      }
      section(sb, "Dose response [9]", dose);
    }
    if (r.subgroups() != null) {
      section(sb, "Change from baseline by " + r.subgroups().variable() + ", treatment - control [10]",
          SubgroupTable.change(r.subgroups(), lvl, reasons).text());
      SubgroupTable.Table bin = SubgroupTable.binary(r.subgroups(), lvl, reasons);
      if (bin != null) {
        section(sb, "Binary endpoints by " + r.subgroups().variable() + ", treatment vs control [10]", bin.text());
      }
    }
    TextTable sensitivity = SensitivityReport.table(r, lvl, reasons);
    if (sensitivity != null) {
      section(sb, "Sensitivity analyses at " + s.endpoint() + ", treatment - control [11]", sensitivity);
    }
    footnotes(sb, r, reasons);
    return sb.toString();
  }

  private void heading(StringBuilder sb, String text) {
    TextTable.heading(sb, text, this == MARKDOWN);
  }

  private void section(StringBuilder sb, String title, TextTable table) {
    table.appendSection(sb, title, this == MARKDOWN);
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

  /** "median (min; max)" to 1 decimal, n/e for an empty sample. */
  private static String medianRange(QuantileSummary q) {
    if (Double.isNaN(q.median())) {
      return Fmt.NE;
    }
    return Fmt.fixed(q.median(), 1) + " (" + Fmt.fixed(q.min(), 1) + "; " + Fmt.fixed(q.max(), 1) + ")";
  }

  /** The LS means table: one row per arm and model (ANCOVA, then MMRM), or null when there are none. */
  private static TextTable lsMeans(AnalysisResult r, String lvl, Set<String> reasons) {
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
    String what = s.kind() == Statistic.Kind.NNT ? s.label() : s.label().toLowerCase(java.util.Locale.ROOT);
    String context = what + ", " + endpoint.label().toLowerCase(java.util.Locale.ROOT) + " (" + c.treatment()
        + " vs " + c.control() + ")";
    Estimate est = (Estimate) e.value();
    return s.kind() == Statistic.Kind.NNT ? nnt(est, reasons, context)
        : withCi(est, s.decimals(), reasons, context);
  }

  private static String withCi(Estimate e, int decimals, Set<String> reasons, String context) {
    if (e.reason() != null) {
      reasons.add(context + ": " + e.reason());
    }
    String mark = e.reason() != null ? "*" : "";
    if (!e.estimable()) {
      return Fmt.NE + mark;
    }
    String est = Fmt.fixed(e.estimate(), decimals);
    if (!Double.isFinite(e.ciLow())) {
      return est + mark;
    }
    return est + " [" + Fmt.ci(e.ciLow(), e.ciHigh(), decimals) + "]" + mark;
  }

  /**
   * NNT with Altman's labels: NNTB (number needed to treat for one more responder, remission, ...) when the
   * treatment arm has more events of these good outcomes, NNTH when fewer; the interval as magnitudes.
   */
  private static String nnt(Estimate e, Set<String> reasons, String context) {
    if (e.reason() != null) {
      reasons.add(context + ": " + e.reason());
    }
    String mark = e.reason() != null ? "*" : "";
    if (!e.estimable()) {
      return Fmt.NE + mark;
    }
    String est = Fmt.nnt(e.estimate());
    if (!Double.isFinite(e.ciLow())) {
      return est + mark;
    }
    return est + " [" + Fmt.nntCi(e.ciLow(), e.ciHigh()) + "]" + mark;
  }

  private void footnotes(StringBuilder sb, AnalysisResult r, Set<String> reasons) {
    AnalysisSettings s = r.settings();
    List<String> f = new ArrayList<>();
    f.add("[1] Baseline: every participant with a baseline score; endpoint: every participant with an endpoint "
        + "score; change = endpoint - baseline in participants with both (completers), mean with t-based CI; "
        + "median (min; max) of the same participants (quartiles in JSON and CSV: " + s.quantileType().label()
        + ").");
    if (!r.arms().isEmpty() && !r.arms().get(0).binaryEndpoints().isEmpty()) {
      StringBuilder b = new StringBuilder("[2] Response: " + s.response().describe() + ".");
      for (BinaryEndpoint e : r.arms().get(0).binaryEndpoints()) {
        if (e == BinaryEndpoint.LOSS_OF_DIAGNOSIS) {
          b.append(" Loss of diagnosis: diagnosis at baseline and none at endpoint (denominator: those diagnosed at "
              + "baseline).");
        } else if (e == BinaryEndpoint.REMISSION) {
          b.append(" Remission: endpoint score <= ").append(Numbers.shortest(s.remissionMax()))
              .append(" and no diagnosis at endpoint.");
        }
      }
      b.append(s.missing() == MissingPolicy.COMPLETERS ? " Denominators: completers."
          : " Denominators: every randomized participant; a missing endpoint counts as no event.");
      b.append(" Wilson score CIs.");
      f.add(b.toString());
    }
    if (!r.comparisons().isEmpty()) {
      f.add("[3] Treatment - control. Welch and Student t tests of the change scores; ANCOVA: arm coefficient of "
          + "change ~ arm + baseline fitted by OLS over the completers of all arms"
          + (r.mmrm() != null ? "; MMRM: see its method line" : "") + ". LS means: each arm's model-based mean "
          + "change (L beta), numeric covariates at their mean; they " + s.lsmeansWeights().description()
          + " (differences between arms do not depend on the weights).");
      f.add("[4] Cohen's d: difference in mean change / pooled SD; Hedges' g: d x exact J; CIs by inverting the "
          + "noncentral t distribution.");
      f.add("[5] Risk difference (treatment - control): Newcombe hybrid score CI; risk ratio and odds ratio "
          + "(treatment / control): log (Katz) and Woolf CIs, 0.5 added to every cell when a cell is 0; "
          + "NNT = 1 / risk difference, labelled NNTB when the treatment arm has more of these (good) events and NNTH when it has fewer (Altman 1998), interval as magnitudes; Fisher exact test, two-sided.");
      if (StratifiedTable.build(r.comparisons(), "", new java.util.HashSet<>()) != null) {
        f.add(StratifiedTable.FOOTNOTE);
      }
      if (AdjustedTable.build(r.comparisons(), "", new java.util.HashSet<>()) != null) {
        f.add(AdjustedTable.FOOTNOTE);
      }
    }
    String adjustedNote = AdjustmentFootnote.of(r.comparisons());
    if (adjustedNote != null) {
      f.add(adjustedNote);
    }
    if (r.doseResponse() != null) {
      f.add("[9] " + r.doseResponse().method() + ".");
    }
    if (r.subgroups() != null) {
      f.add(SubgroupTable.FOOTNOTE);
    }
    if (!r.sensitivity().isEmpty()) {
      f.add(SensitivityReport.FOOTNOTE);
    }
    f.addAll(ResultTree.rowLines(r.rows()));
    for (AnalysisResult.ParticipantExclusion p : r.participantExclusions()) {
      f.add("Arm " + p.arm() + ": " + p.count() + " participant(s) left out of " + p.outcome() + " (" + p.reason()
          + ").");
    }
    f.addAll(r.notes());
    for (String reason : reasons) {
      f.add("* " + reason);
    }
    TextTable.lines(sb, f, this == MARKDOWN);
  }
}
