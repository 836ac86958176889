package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.Comparison;
import org.trialstat.model.Effect;
import org.trialstat.model.Printable;
import org.trialstat.model.Statistic;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.Proportion;
import org.trialstat.model.SummaryInput;
import org.trialstat.model.SummaryResult;

/**
 * Tables of {@code trialstat summary}: one results block per study ({@link SummaryLayout#STUDIES}) or
 * the literature's two summary tables ({@link SummaryLayout#FINDINGS}). Every cell with a proportion
 * writes its numerator and denominator; every N says whom it counts.
 */
public enum SummaryTables {
  /** Aligned plain text. */
  PLAIN,
  /** GitHub-flavoured Markdown. */
  MARKDOWN;

  /** Renders a result in a layout. */
  public String render(SummaryResult r, SummaryLayout layout) {
    return layout == SummaryLayout.FINDINGS ? findings(r) : studies(r);
  }

  private String studies(SummaryResult r) {
    String lvl = Fmt.level(r.confLevel());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < r.studies().size(); i++) {
      SummaryResult.Study s = r.studies().get(i);
      if (i > 0) {
        sb.append('\n');
      }
      heading(sb, "trialstat summary: " + s.study() + label(s));
      sb.append("File ").append(Printable.escape(s.file()));
      if (s.control() != null) {
        sb.append("; control arm ").append(Printable.escape(s.control()));
      }
      sb.append("; ").append(lvl).append(" confidence intervals.\n\n");

      TextTable t = new TextTable("Study", "Arm", ">N", ">Change (SD)", ">d [" + lvl + " CI]", ">Response",
          ">Loss of diagnosis", ">Remission");
      List<String> foot = new ArrayList<>();
      for (SummaryResult.Arm a : s.arms()) {
        String n = a.n() + (a.randomized() == SummaryInput.NOT_REPORTED ? "" : " of " + a.randomized() + " rand.");
        String change = change(a, foot);
        String d = a.control() ? "control" : dCell(s, a);
        t.row(s.study(), a.arm(), n, change, d, rate(a.rate(BinaryEndpoint.RESPONSE)),
            rate(a.rate(BinaryEndpoint.LOSS_OF_DIAGNOSIS)), rate(a.rate(BinaryEndpoint.REMISSION)));
      }
      section(sb, "Results by arm", t);

      if (!s.comparisons().isEmpty()) {
        TextTable c = new TextTable("Comparison", "Outcome", "Statistic", ">Estimate", ">" + lvl + " CI", ">p");
        for (Comparison k : s.comparisons()) {
          String name = k.treatment() + " vs " + k.control();
          for (Effect e : k.effects()) {
            Statistic st = e.statistic();
            String outcome = e.outcome().equals(Effect.CHANGE) ? "Change" : outcomeLabel(s, k, e.outcome());
            switch (st.kind()) {
              case DIFFERENCE -> diff(c, name, st.label() + ": difference in mean change", (Difference) e.value());
              case STANDARDIZED, BINARY -> est(c, name, outcome, st.label(), (Estimate) e.value(), st.decimals(),
                  firstOfOutcome(k, e) ? test(k, e.outcome()) : Double.NaN);
              case NNT -> nnt(c, name, outcome, (Estimate) e.value());
              case TEST -> { } // its p stands on the outcome's first row
              default -> throw new IllegalStateException(st.toString());
            }
          }
        }
        section(sb, "Treatment vs control", c);
      }
      List<String> f = new ArrayList<>();
      f.add("N: participants behind the arm's numbers (of those randomized, when reported); each rate is "
          + "events/denominator as shown, with a Wilson " + lvl + " CI in the JSON and CSV output.");
      f.add("Change (SD): mean change from baseline; a letter marks an SD derived from a reported SE or CI (see "
          + "below). d: Cohen's d of the change, treatment - control, pooled SD, noncentral-t CI.");
      if (!s.comparisons().isEmpty()) {
        f.add("Comparisons: t tests and d from each arm's n, mean and SD; risk difference (treatment - control) "
            + "with Newcombe's hybrid score CI, risk and odds ratios (treatment / control) with log and Woolf CIs, "
            + "NNT = 1 / risk difference, labelled NNTB (treatment arm has more of these good events) or NNTH, interval as magnitudes; p of the risk-difference row: Fisher's exact test, two-sided.");
      }
      f.addAll(foot);
      for (String note : s.notes()) {
        f.add("Note: " + note);
      }
      for (String w : s.warnings()) {
        f.add("WARNING: " + w);
      }
      footnotes(sb, f);
    }
    return sb.toString();
  }

  private static String label(SummaryResult.Study s) {
    List<String> parts = new ArrayList<>();
    if (s.authors() != null || s.year() != null) {
      parts.add(((s.authors() == null ? "" : s.authors()) + " " + (s.year() == null ? "" : s.year())).strip());
    }
    if (s.design() != null) {
      parts.add(s.design());
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static String change(SummaryResult.Arm a, List<String> foot) {
    MeanSummary c = a.change();
    if (c == null) {
      return "not reported";
    }
    String cell = Fmt.meanSd(c.mean(), c.sd(), 2);
    if (a.conversion() != null && a.sdSource() != SummaryResult.SdSource.REPORTED) {
      String mark = String.valueOf((char) ('a' + foot.size()));
      foot.add("[" + mark + "] " + a.arm() + ": " + a.conversion() + ".");
      cell += " [" + mark + "]";
    }
    return cell;
  }

  /** The first standardized effect of the arm's comparison with the control, as "d [CI]". */
  private static String dCell(SummaryResult.Study s, SummaryResult.Arm a) {
    for (Comparison c : s.comparisons()) {
      Estimate d = c.treatment().equals(a.arm()) ? standardized(c) : null;
      if (d != null) {
        if (!d.estimable()) {
          return Fmt.NE;
        }
        return Fmt.fixed(d.estimate(), 3) + " [" + Fmt.ci(d.ciLow(), d.ciHigh(), 3) + "]";
      }
    }
    return "";
  }

  /** The comparison's first standardized mean difference (Cohen's d), or null. */
  private static Estimate standardized(Comparison c) {
    for (Effect e : c.effects()) {
      if (e.statistic().kind() == Statistic.Kind.STANDARDIZED) {
        return (Estimate) e.value();
      }
    }
    return null;
  }

  private static boolean firstOfOutcome(Comparison c, Effect e) {
    for (Effect f : c.effects()) {
      if (f.outcome().equals(e.outcome())) {
        return f == e;
      }
    }
    return false;
  }

  /** The p of an outcome's test (Fisher's exact test of a binary endpoint), or NaN. */
  private static double test(Comparison c, String outcome) {
    for (Effect e : c.effects()) {
      if (e.outcome().equals(outcome) && e.statistic().kind() == Statistic.Kind.TEST) {
        return e.value().p();
      }
    }
    return Double.NaN;
  }

  /** "Response (9/12 vs 2/8)": the endpoint with both arms' counts. */
  private static String outcomeLabel(SummaryResult.Study s, Comparison c, String outcome) {
    BinaryEndpoint e = BinaryEndpoint.ofKey(outcome);
    Proportion t = arm(s, c.treatment()).rate(e);
    Proportion k = arm(s, c.control()).rate(e);
    return e.label() + " (" + t.events() + "/" + t.n() + " vs " + k.events() + "/" + k.n() + ")";
  }

  private static String rate(Proportion p) {
    if (p == null) {
      return "";
    }
    return p.events() + "/" + p.n() + " (" + Fmt.percent(p.rate()) + ")";
  }

  private static void diff(TextTable t, String name, String label, Difference d) {
    String est = Fmt.fixed(d.estimate(), 2) + (d.reason() != null ? "*" : "");
    t.row(name, "Change", label, est, Fmt.ci(d.ciLow(), d.ciHigh(), 2), Fmt.p(d.p()));
  }

  private static void est(TextTable t, String name, String outcome, String label, Estimate e, int decimals,
      double p) {
    String est = Fmt.fixed(e.estimate(), decimals) + (e.reason() != null ? "*" : "");
    t.row(name, outcome, label, est, Fmt.ci(e.ciLow(), e.ciHigh(), decimals), Double.isNaN(p) ? "" : Fmt.p(p));
  }

  private static void nnt(TextTable t, String name, String outcome, Estimate e) {
    String est = Fmt.nnt(e.estimate()) + (e.reason() != null ? "*" : "");
    t.row(name, outcome, "NNT", est, Double.isFinite(e.ciLow()) ? Fmt.nntCi(e.ciLow(), e.ciHigh()) : Fmt.NE, "");
  }

  private String findings(SummaryResult r) {
    StringBuilder sb = new StringBuilder();
    heading(sb, "Published MDMA trials: findings");
    TextTable t1 = new TextTable("Authors", "Year", "Study type", "Findings");
    TextTable t2 = new TextTable("Author/Sponsor", "N", "% no longer meeting PTSD criteria after MDMA treatment");
    for (SummaryResult.Study s : r.studies()) {
      t1.row(s.authors() == null ? s.study() : s.authors(), s.year() == null ? "" : s.year(),
          s.design() == null ? "" : s.design(), findingsCell(s));
      for (SummaryResult.Arm a : s.arms()) {
        Proportion p = a.rate(BinaryEndpoint.LOSS_OF_DIAGNOSIS);
        if (a.control() || p == null) {
          continue;
        }
        String who = (s.authors() == null ? s.study() : s.authors()) + " (" + s.study()
            + (s.arms().size() > 2 ? ", " + a.arm() : "") + ")";
        String n = randomizedText(s) + p.n() + " " + a.arm() + " analysed";
        String pct = Fmt.percent(p.rate()) + " (" + p.events() + "/" + p.n() + " " + a.arm() + ")";
        for (SummaryResult.Arm c : s.arms()) {
          Proportion pc = c.rate(BinaryEndpoint.LOSS_OF_DIAGNOSIS);
          if (c.control() && pc != null) {
            pct += " vs " + Fmt.percent(pc.rate()) + " (" + pc.events() + "/" + pc.n() + " " + c.arm() + ")";
          }
        }
        t2.row(who, n, pct);
      }
    }
    section(sb, "Table 1. Randomized trials of MDMA-assisted therapy", t1);
    section(sb, "Table 2. Loss of PTSD diagnosis", t2);
    List<String> f = new ArrayList<>();
    f.add("Percentages are events / the denominator written next to them (the arm's analysed participants, "
        + "for example completers), not / everyone randomized; N gives both. Change: mean change from baseline; "
        + "d: Cohen's d, treatment - control (negative: larger drop with treatment). Findings compare the treatment "
        + "arm with the control arm (treatment first); the per-study blocks (--layout studies) give every CI.");
    for (SummaryResult.Study s : r.studies()) {
      for (String w : s.warnings()) {
        f.add("WARNING " + s.study() + ": " + w);
      }
    }
    footnotes(sb, f);
    return sb.toString();
  }

  private static String randomizedText(SummaryResult.Study s) {
    int total = 0;
    List<String> parts = new ArrayList<>();
    for (SummaryResult.Arm a : s.arms()) {
      if (a.randomized() == SummaryInput.NOT_REPORTED) {
        return "";
      }
      total += a.randomized();
      parts.add(a.randomized() + " " + a.arm());
    }
    return total + " randomized" + (parts.size() > 1 ? " (" + String.join(", ", parts) + ")" : "") + "; ";
  }

  private static String findingsCell(SummaryResult.Study s) {
    List<String> parts = new ArrayList<>();
    if (s.comparisons().isEmpty()) {
      for (SummaryResult.Arm a : s.arms()) {
        if (a.change() != null) {
          parts.add(a.arm() + ": change " + Fmt.meanSd(a.change().mean(), a.change().sd(), 1));
        }
        for (BinaryEndpoint e : a.endpoints()) {
          Proportion p = a.rate(e);
          parts.add(a.arm() + ": " + e.label().toLowerCase(Locale.ROOT) + " " + pct(p));
        }
      }
    }
    for (Comparison c : s.comparisons()) {
      SummaryResult.Arm t = arm(s, c.treatment());
      SummaryResult.Arm k = arm(s, c.control());
      String prefix = s.comparisons().size() > 1 ? c.treatment() + " vs " + c.control() + ": " : "";
      if (t.change() != null && k.change() != null) {
        boolean derived = t.sdSource() != SummaryResult.SdSource.REPORTED
            || k.sdSource() != SummaryResult.SdSource.REPORTED;
        Estimate dEst = standardized(c);
        String d = dEst != null && dEst.estimable()
            ? " (d = " + Fmt.fixed(dEst.estimate(), 2) + (derived ? ", SDs derived from SEs/CIs" : "") + ")"
            : "";
        parts.add(prefix + "change " + Fmt.fixed(t.change().mean(), 1) + " vs " + Fmt.fixed(k.change().mean(), 1)
            + d);
      }
      for (String outcome : c.binaryOutcomes()) {
        BinaryEndpoint e = BinaryEndpoint.ofKey(outcome);
        parts.add(prefix + e.label().toLowerCase(Locale.ROOT) + " " + pct(t.rate(e)) + " vs " + pct(k.rate(e)));
      }
    }
    return String.join("; ", parts);
  }

  private static SummaryResult.Arm arm(SummaryResult.Study s, String name) {
    return s.arms().stream().filter(a -> a.arm().equals(name)).findFirst().orElseThrow();
  }

  private static String pct(Proportion p) {
    return Fmt.percent(p.rate()) + " (" + p.events() + "/" + p.n() + ")";
  }

  private void heading(StringBuilder sb, String text) {
    TextTable.heading(sb, text, this == MARKDOWN);
  }

  private void section(StringBuilder sb, String title, TextTable table) {
    table.appendSection(sb, title, this == MARKDOWN);
  }

  private void footnotes(StringBuilder sb, List<String> lines) {
    TextTable.lines(sb, lines, this == MARKDOWN);
  }
}
