package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.SubgroupTest;
import org.trialstat.report.Fmt;
import org.trialstat.report.MetaWriter;

/**
 * The forest plot of {@code trialstat meta}: a row per study (effect, CI and percent weight, as
 * {@code --format json} gives them in {@code studies[]}), grouped by subgroup with {@code --subgroup},
 * the pooled estimate as a diamond, the prediction interval, and the heterogeneity in the caption
 * (tau^2, I^2, Q with df and p; the test for subgroup differences). Ratio measures (RR, OR) are drawn
 * back-transformed on a log axis ({@code exp} of the log-scale {@code yi}, limits and pooled values),
 * as metafor's {@code forest(..., atransf = exp)} does; nothing else is recomputed.
 */
public final class MetaFigures {

  private MetaFigures() {
  }

  /** The forest plot of a meta-analysis. */
  public static ForestPlot forest(MetaResult r) {
    MetaSettings.Measure m = r.settings().measure();
    boolean ratio = m.ratio();
    MetaPooled p = r.pooled();
    boolean subgroups = !r.subgroups().isEmpty();
    Map<String, List<ForestPlot.Row>> groups = new LinkedHashMap<>();
    for (MetaResult.Study s : r.studies()) {
      groups.computeIfAbsent(subgroups && s.subgroup() != null ? s.subgroup() : "", g -> new ArrayList<>())
          .add(new ForestPlot.Row(s.study(), back(s.yi(), ratio), back(s.ciLow(), ratio), back(s.ciHigh(), ratio),
              s.weight()));
    }
    List<ForestPlot.Group> list = new ArrayList<>();
    groups.forEach((g, rows) -> list.add(new ForestPlot.Group(g.isEmpty() ? null : g, Double.NaN, rows)));
    ForestPlot.Row pooled = p.estimable()
        ? ForestPlot.Row.of("Pooled (k = " + p.k() + ")", back(p.estimate(), ratio), back(p.ciLow(), ratio),
            back(p.ciHigh(), ratio)) : null;
    ForestPlot.Row prediction = p.estimable() && Double.isFinite(p.piLow()) && Double.isFinite(p.piHigh())
        ? ForestPlot.Row.of("Prediction interval", Double.NaN, back(p.piLow(), ratio), back(p.piHigh(), ratio)) : null;
    String name = MetaWriter.measureLabel(m);
    String title = "Meta-analysis: " + name + ", " + (r.outcome().equals("effect") ? "per-study effects" : words(r.outcome()));
    String direction = ratio ? "treatment / control, log scale" : "treatment - control";
    String level = Fmt.level(p.confLevel());
    String caption = String.format(Locale.ROOT, "Study effects with %s confidence intervals (square area: weight); "
            + "pooled %s (diamond: its %s CI)%s. %s Source: %s.", level, p.method(), level,
        prediction != null ? ", bar: the prediction interval" : "", heterogeneity(p, r.between()),
        String.join(", ", r.files()));
    if (p.reason() != null) {
      caption += " Note: " + p.reason();
    }
    String left = null;
    String right = null;
    if (m != MetaSettings.Measure.GENERIC) {
      // Lower severity is better for the change; the binary endpoints are good events.
      boolean binary = m.binary();
      left = binary ? "Favours control" : "Favours treatment";
      right = binary ? "Favours treatment" : "Favours control";
    }
    String effect = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return new ForestPlot(new FigureText(title, effect + " (" + direction + ")", "", caption),
        ratio ? ForestPlot.Scale.RATIO : ForestPlot.Scale.DIFFERENCE, "Study", "Effect (" + level + " CI)", 2, list,
        pooled, prediction, left, right);
  }

  /** The heterogeneity sentence of the caption, numbers rounded as the text table rounds them. */
  static String heterogeneity(MetaPooled p, SubgroupTest between) {
    if (!p.estimable()) {
      return "";
    }
    String s = String.format(Locale.ROOT, "Heterogeneity: tau^2 = %s, I^2 = %s%%, Q = %s (df = %d), p = %s.",
        Fmt.fixed(p.tau2(), 4), Fmt.fixed(p.i2(), 1), Fmt.fixed(p.q(), 2), p.qDf(), Fmt.p(p.qP()));
    if (between != null && Double.isFinite(between.q())) {
      s += String.format(Locale.ROOT, " Test for subgroup differences: Q = %s (df = %d), p = %s.",
          Fmt.fixed(between.q(), 2), between.df(), Fmt.p(between.p()));
    }
    return s;
  }

  private static double back(double x, boolean ratio) {
    return ratio ? Math.exp(x) : x;
  }

  private static String words(String outcome) {
    return outcome.equals("change") ? "change from baseline" : ResultFigures.outcomeLabel(outcome).toLowerCase(Locale.ROOT);
  }
}
