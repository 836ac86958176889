package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Comparison;
import org.trialstat.model.Difference;
import org.trialstat.model.Effect;
import org.trialstat.model.EffectValue;
import org.trialstat.model.Estimate;
import org.trialstat.model.LsMean;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.MmrmAnalysisResult;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.Scale;
import org.trialstat.model.Statistic;
import org.trialstat.model.VisitResult;
import org.trialstat.report.Fmt;

/**
 * Plot data from today's result objects: every plotted estimate and limit is the number of the result
 * (the same as in {@code --format json}), never recomputed. The participant-level figures (waterfall,
 * flow) live in {@link ParticipantFigures}.
 *
 * <p>The trajectory of {@code analyze} takes each visit's week from {@code visits[]}; where a file has no
 * week column (and for {@code mmrm}'s results), {@link #week(String, int)} derives it from the visit label.
 */
public final class ResultFigures {
  private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");

  private ResultFigures() {
  }

  /** The trajectory of {@code trialstat mmrm}: LS means per arm and visit. */
  public static TrajectoryPlot trajectory(MmrmAnalysisResult r) {
    boolean change = "change".equals(r.settings().outcome());
    return trajectory(r.file(), r.fit(), r.settings().scale(), change, r.settings().visits());
  }

  /**
   * The trajectory of {@code analyze}: the MMRM LS means of {@code visits[]} when the MMRM was fitted,
   * else the observed mean change of {@code visits[]}; null when the file has no post-baseline visit
   * after the baseline with an estimate.
   */
  public static TrajectoryPlot trajectory(AnalysisResult r) {
    return trajectory(r, r.mmrm() == null);
  }

  /**
   * The trajectory of {@code analyze} from its {@code visits[]} block: per arm and visit the MMRM LS mean
   * ({@code mmrm_lsmean}) or, with {@code observed}, the observed mean change ({@code observed_change}),
   * with its CI, at the visit's {@code week} (from the label when the file has no week column, as
   * {@link #week}). Null when there is nothing to draw: no MMRM (LS means) or no post-baseline visit.
   */
  public static TrajectoryPlot trajectory(AnalysisResult r, boolean observed) {
    if (r.visits().isEmpty() || (!observed && r.mmrm() == null)) {
      return null;
    }
    Map<String, List<TrajectoryPlot.Point>> byArm = new LinkedHashMap<>();
    double level = Double.NaN;
    for (int i = 0; i < r.visits().size(); i++) {
      VisitResult v = r.visits().get(i);
      double week = Double.isFinite(v.week()) ? v.week() : week(v.visit(), i + 1);
      for (VisitResult.Arm a : v.arms()) {
        List<TrajectoryPlot.Point> points = byArm.computeIfAbsent(a.arm(), k -> new ArrayList<>());
        if (observed && a.observedChange() != null) {
          MeanSummary m = a.observedChange();
          points.add(new TrajectoryPlot.Point(v.visit(), week, m.mean(), m.ciLow(), m.ciHigh()));
          level = m.confLevel();
        } else if (!observed && a.mmrmLsmean() != null) {
          LsMean m = a.mmrmLsmean();
          points.add(new TrajectoryPlot.Point(v.visit(), week, m.estimate(), m.ciLow(), m.ciHigh()));
          level = m.confLevel();
        }
      }
    }
    if (!observed) {
      return trajectory(r.file(), r.mmrm(), r.settings().scale(), true, byArm, level);
    }
    List<TrajectoryPlot.Series> series = new ArrayList<>();
    byArm.forEach((arm, points) -> series.add(new TrajectoryPlot.Series(arm, points)));
    String what = "Change from baseline in " + r.settings().scale().label();
    String caption = String.format(Locale.ROOT, "Observed mean change with %s t confidence intervals (participants "
        + "with a baseline score and a score at the visit). Source: %s.", Fmt.level(level), r.file());
    return new TrajectoryPlot(new FigureText(what + " by visit and arm", "Week", what + " (points)", caption), series);
  }

  private static TrajectoryPlot trajectory(String file, MmrmResult fit, Scale scale, boolean change,
      List<String> visits) {
    Map<String, List<TrajectoryPlot.Point>> byArm = new LinkedHashMap<>();
    double level = Double.NaN;
    for (LsMean m : fit.lsmeans()) {
      int index = visits.indexOf(m.visit());
      byArm.computeIfAbsent(m.arm(), a -> new ArrayList<>()).add(new TrajectoryPlot.Point(m.visit(),
          week(m.visit(), index < 0 ? visits.size() : index + 1), m.estimate(), m.ciLow(), m.ciHigh()));
      level = m.confLevel();
    }
    return trajectory(file, fit, scale, change, byArm, level);
  }

  private static TrajectoryPlot trajectory(String file, MmrmResult fit, Scale scale, boolean change,
      Map<String, List<TrajectoryPlot.Point>> byArm, double level) {
    List<TrajectoryPlot.Series> series = new ArrayList<>();
    byArm.forEach((arm, points) -> series.add(new TrajectoryPlot.Series(arm, points)));
    String what = change ? "Change from baseline in " + scale.label() : scale.label() + " score";
    String caption = String.format(Locale.ROOT,
        "LS means with %s confidence intervals from %s (%d subjects, %d observations). Source: %s.",
        Fmt.level(level), fit.method(), fit.subjects(), fit.observations(), file);
    if (fit.reason() != null) {
      caption += " Note: " + fit.reason();
    }
    return new TrajectoryPlot(new FigureText(what + " by visit and arm", "Week",
        what + " (points)", caption), series);
  }

  /**
   * A forest plot of one statistic over the comparisons of one or more files: a row per comparison (and
   * file, when there are several), grouped by binary endpoint for the binary statistics (RD, RR, OR).
   *
   * @throws IllegalArgumentException for a statistic without an interval (NNT, Fisher's p)
   */
  public static ForestPlot forest(List<AnalysisResult> results, Statistic statistic) {
    boolean binary = statistic.kind() == Statistic.Kind.BINARY;
    if (!binary && statistic.kind() != Statistic.Kind.DIFFERENCE && statistic.kind() != Statistic.Kind.STANDARDIZED) {
      throw new IllegalArgumentException("no forest plot of " + statistic.key()
          + "; expected a difference, d, g, risk difference, risk ratio or odds ratio");
    }
    Map<String, List<ForestPlot.Row>> groups = new LinkedHashMap<>();
    String method = null;
    double level = Double.NaN;
    Scale scale = null;
    for (AnalysisResult r : results) {
      scale = r.settings().scale();
      for (Comparison c : r.comparisons()) {
        for (Effect e : c.effects()) {
          if (e.statistic() != statistic) {
            continue;
          }
          EffectValue v = e.value();
          String label = (results.size() > 1 ? stem(r.file()) + ": " : "") + c.treatment() + " vs " + c.control();
          groups.computeIfAbsent(binary ? outcomeLabel(e.outcome()) : "", g -> new ArrayList<>())
              .add(ForestPlot.Row.of(label, v.estimate(), v.ciLow(), v.ciHigh()));
          method = method == null ? v.method() : method;
          level = v instanceof Estimate est ? est.confLevel() : v instanceof Difference d ? d.confLevel() : level;
        }
      }
    }
    List<ForestPlot.Group> list = new ArrayList<>();
    String all = results.stream().anyMatch(r -> r.subgroups() != null) ? "All participants" : null;
    groups.forEach((g, rows) -> list.add(new ForestPlot.Group(g.isEmpty() ? all : g, Double.NaN, rows)));
    String subgroupNote = "";
    for (AnalysisResult r : results) {
      if (r.subgroups() != null) {
        list.addAll(SubgroupForest.groups(r.subgroups(), statistic, results.size() > 1 ? stem(r.file()) + ": " : ""));
        subgroupNote = SubgroupForest.caption(statistic);
      }
    }
    boolean ratio = statistic == Statistic.RISK_RATIO || statistic == Statistic.ODDS_RATIO;
    String units = statistic.kind() == Statistic.Kind.DIFFERENCE ? ", " + (scale == null ? "" : scale.label() + " ")
        + "points" : "";
    String direction = ratio ? "treatment / control, log scale" : "treatment - control";
    String name = statistic.kind() == Statistic.Kind.DIFFERENCE ? "Mean difference in change (" + statistic.label()
        + ")" : statistic.label();
    String caption = String.format(Locale.ROOT, "%s with %s confidence intervals: %s. Effects are %s.%s", name,
        Fmt.level(level), method == null ? "no estimate" : method, direction, subgroupNote);
    // Lower severity is better; the binary endpoints (response, loss of diagnosis, remission) are good events.
    String left = binary ? "Favours control" : "Favours treatment";
    String right = binary ? "Favours treatment" : "Favours control";
    return new ForestPlot(new FigureText(name + " by comparison", name + " (" + direction + units + ")", "", caption),
        ratio ? ForestPlot.Scale.RATIO : ForestPlot.Scale.DIFFERENCE, "Comparison",
        statistic.label() + " (" + Fmt.level(level) + " CI)", statistic.decimals(), list, null, null, left, right);
  }

  /** The table label of an outcome key: "Loss of diagnosis" for loss_of_diagnosis. */
  static String outcomeLabel(String key) {
    for (BinaryEndpoint b : BinaryEndpoint.values()) {
      if (b.key().equals(key)) {
        return b.label();
      }
    }
    return words(key);
  }

  /**
   * The numeric week of a visit, from its label: the last number in it ("week6" is 6, "Week 12" is 12,
   * "Month 3" is 3), 0 for a label starting with "baseline" or "screening" (any case), else the visit's
   * 1-based position in the analysis order.
   */
  public static double week(String visit, int position) {
    String v = visit.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("baseline") || v.startsWith("screening")) {
      return 0;
    }
    Matcher m = NUMBER.matcher(v);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last == null ? position : Double.parseDouble(last);
  }

  /** A file name without folders and extension, for row labels. */
  static String stem(String file) {
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** A reason code in words: "missing_score" is "missing score". */
  static String words(String code) {
    return code.replace('_', ' ');
  }
}
