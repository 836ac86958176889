package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.EggerTest;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;

/**
 * The table and Markdown output of {@code trialstat meta}: the forest table (each study's effect, CI,
 * weight and a {@link MetaForest text forest}, then the pooled diamond and the prediction interval),
 * the heterogeneity and test lines, Egger's test, and the subgroup, leave-one-out and cumulative tables.
 * Ratio measures are shown as ratios.
 */
final class MetaTables {

  private static final int D = 2;

  private MetaTables() {
  }

  static String render(MetaResult r, boolean markdown) {
    boolean ratio = r.settings().measure().ratio();
    StringBuilder sb = new StringBuilder();
    MetaPooled p = r.pooled();
    TextTable.heading(sb, "Meta-analysis: " + measureLabel(r.settings().measure()) + ", "
        + (r.outcome().equals("effect") ? "per-study effects" : r.outcome()), markdown);
    sb.append(p.method()).append("; ").append(Fmt.level(p.confLevel())).append(" intervals; k = ").append(p.k())
        .append(markdown ? "\n\n" : "\n\n");
    List<Double> limits = new ArrayList<>();
    for (MetaResult.Study s : r.studies()) {
      limits.add(s.ciLow());
      limits.add(s.ciHigh());
    }
    limits.add(p.ciLow());
    limits.add(p.ciHigh());
    limits.add(p.piLow());
    limits.add(p.piHigh());
    MetaForest f = new MetaForest(0, limits.stream().mapToDouble(Double::doubleValue).toArray());
    String ci = Fmt.level(p.confLevel()) + " CI";
    TextTable t = new TextTable("Study", ">Effect", ">" + ci, ">Weight", "Forest (| = no effect)");
    for (MetaResult.Study s : r.studies()) {
      t.row(s.study(), effect(s.yi(), ratio), interval(s.ciLow(), s.ciHigh(), ratio),
          s.included() ? Fmt.fixed(s.weight(), 1) + "%" : "left out", code(f.study(s.yi(), s.ciLow(), s.ciHigh()), markdown));
    }
    t.row("Pooled", effect(p.estimate(), ratio), interval(p.ciLow(), p.ciHigh(), ratio),
        p.estimable() ? "100.0%" : "", code(f.pooled(p.estimate(), p.ciLow(), p.ciHigh()), markdown));
    t.row("Prediction interval", "", interval(p.piLow(), p.piHigh(), ratio), "", code(f.prediction(p.piLow(), p.piHigh()), markdown));
    sb.append(markdown ? t.markdown() : t.plain()).append(markdown ? "\n" : "");
    line(sb, String.format(Locale.ROOT, "Forest axis: %s to %s%s; | = no effect (%s)", effect(f.min(), ratio),
        effect(f.max(), ratio), ratio ? " (log scale)" : "", ratio ? "1" : "0"), markdown);
    sb.append(markdown ? "" : "\n");
    line(sb, "Heterogeneity: " + heterogeneity(p), markdown);
    line(sb, "Test of the pooled effect: " + test(p), markdown);
    if (p.reason() != null) {
      line(sb, "Note: " + p.reason(), markdown);
    }
    line(sb, "Egger's test: " + egger(r.egger(), ratio), markdown);
    sb.append(markdown ? "" : "\n");
    List<String> funnel = MetaFunnel.lines(r);
    if (!funnel.isEmpty()) {
      sb.append(markdown ? "### Funnel plot\n\n```\n" : "Funnel plot (x: effect; y: standard error, 0 at the top; "
          + ": pooled, / \\ pooled -/+ 1.96 se)\n");
      for (String l : funnel) {
        sb.append(l).append('\n');
      }
      sb.append(markdown ? "```\n\n" : "\n");
    }
    if (r.between() != null) {
      TextTable g = pooledTable("Subgroup");
      for (MetaResult.Subgroup s : r.subgroups()) {
        pooledRow(g, s.subgroup(), s.pooled(), ratio);
      }
      g.appendSection(sb, "Subgroups", markdown);
      line(sb, "Test for subgroup differences: " + (Double.isFinite(r.between().q())
          ? String.format(Locale.ROOT, "Q = %s, df = %d, %s", Fmt.fixed(r.between().q(), D), r.between().df(),
              pValue(r.between().p())) : Fmt.NE + " (" + r.between().reason() + ")"), markdown);
      sb.append(markdown ? "" : "\n");
    }
    if (!r.leaveOneOut().isEmpty()) {
      TextTable l = pooledTable("Without");
      for (MetaResult.Omitted o : r.leaveOneOut()) {
        pooledRow(l, o.omitted(), o.pooled(), ratio);
      }
      l.appendSection(sb, "Leave-one-out", markdown);
    }
    if (!r.cumulative().isEmpty()) {
      TextTable c = pooledTable("Up to");
      for (MetaResult.Step s : r.cumulative()) {
        pooledRow(c, s.added() + (s.year() == null ? "" : " (" + s.year() + ")"), s.pooled(), ratio);
      }
      c.appendSection(sb, "Cumulative by year", markdown);
    }
    if (!r.notes().isEmpty()) {
      sb.append(markdown ? "Notes:\n\n" : "Notes:\n");
      TextTable.lines(sb, r.notes(), true);
    }
    return sb.toString();
  }

  private static TextTable pooledTable(String first) {
    return new TextTable(first, ">k", ">Effect", ">CI", ">p", ">tau^2", ">I^2");
  }

  private static void pooledRow(TextTable t, String label, MetaPooled p, boolean ratio) {
    t.row(label, Integer.toString(p.k()), effect(p.estimate(), ratio), interval(p.ciLow(), p.ciHigh(), ratio),
        Fmt.p(p.p()), Fmt.fixed(p.tau2(), 3), Double.isFinite(p.i2()) ? Fmt.fixed(p.i2(), 1) + "%" : Fmt.NE);
  }

  private static String heterogeneity(MetaPooled p) {
    return String.format(Locale.ROOT, "tau^2 = %s (%s), tau = %s; I^2 = %s (%s); H^2 = %s; Q = %s, df = %d, %s",
        Fmt.fixed(p.tau2(), 4), Fmt.ci(p.tau2CiLow(), p.tau2CiHigh(), 4), Fmt.fixed(p.tau(), 4), pct(p.i2()),
        Fmt.ci(p.i2CiLow(), p.i2CiHigh(), 1), Fmt.fixed(p.h2(), D), Fmt.fixed(p.q(), D), p.qDf(), pValue(p.qP()));
  }

  private static String test(MetaPooled p) {
    String stat = p.statName().equals(MetaKeys.T) ? String.format(Locale.ROOT, "t = %s (df = %s)", Fmt.fixed(p.stat(), D),
        Fmt.fixed(p.df(), 0)) : "z = " + Fmt.fixed(p.stat(), D);
    return stat + ", " + pValue(p.p());
  }

  private static String egger(EggerTest e, boolean ratio) {
    if (!Double.isFinite(e.t())) {
      return Fmt.NE + " (" + e.reason() + ")";
    }
    return String.format(Locale.ROOT, "t = %s, df = %d, %s; limit estimate %s (%s)", Fmt.fixed(e.t(), D),
        e.df(), pValue(e.p()), effect(e.limit(), ratio), interval(e.limitLow(), e.limitHigh(), ratio));
  }

  /** A forest cell: as it is in plain text, a code span in Markdown (so that its spaces survive). */
  private static String code(String forest, boolean markdown) {
    return markdown && !forest.isEmpty() ? "`" + forest + "`" : forest;
  }

  private static String pValue(double p) {
    String s = Fmt.p(p);
    return s.startsWith("<") ? "p < " + s.substring(1) : "p = " + s;
  }

  private static void line(StringBuilder sb, String text, boolean markdown) {
    sb.append(text).append(markdown ? "\n\n" : "\n");
  }

  private static String pct(double x) {
    return Double.isFinite(x) ? Fmt.fixed(x, 1) + "%" : Fmt.NE;
  }

  private static String effect(double x, boolean ratio) {
    return Fmt.fixed(ratio ? Math.exp(x) : x, D);
  }

  private static String interval(double lo, double hi, boolean ratio) {
    return ratio ? Fmt.ci(Math.exp(lo), Math.exp(hi), D) : Fmt.ci(lo, hi, D);
  }

  static String measureLabel(MetaSettings.Measure m) {
    return switch (m) {
      case SMD -> "standardized mean difference (Hedges' g)";
      case D -> "standardized mean difference (Cohen's d)";
      case MD -> "mean difference";
      case RR -> "risk ratio";
      case OR -> "odds ratio";
      case RD -> "risk difference";
      case GENERIC -> "effect as given";
    };
  }
}
