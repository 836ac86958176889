package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.ArmResult;
import org.trialstat.model.Observation;
import org.trialstat.model.ResponseRule;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;

/**
 * Plot data that needs the participants: the waterfall (each participant's change) and the flow (how many
 * were randomized). The counts after randomization come from the result ({@link ArmResult}'s n), the
 * row accounting from {@link RowAccounting}; only the per-participant change, which no result carries,
 * is taken from the data: endpoint minus baseline score, as {@code analyze} defines it
 * (docs/methods.md), so the bars of an arm are exactly the values behind its mean change.
 */
public final class ParticipantFigures {

  private ParticipantFigures() {
  }

  /**
   * A waterfall of the change from the result's baseline to its endpoint visit: in points, or in percent
   * of the baseline score when the responder rule is a percent drop (a baseline of 0 has no percent
   * change and is left out); the responder threshold drawn at minus its value.
   */
  public static WaterfallPlot waterfall(TrialData data, AnalysisResult r) {
    AnalysisSettings s = r.settings();
    boolean percent = s.response().kind() == ResponseRule.Kind.PERCENT;
    Map<String, double[]> scores = new LinkedHashMap<>();
    Map<String, String> arms = new HashMap<>();
    for (Observation o : data.observations()) {
      boolean base = o.visit().equals(s.baseline());
      if ((base || o.visit().equals(s.endpoint())) && o.hasScore()) {
        double[] be = scores.computeIfAbsent(o.participant(), k -> new double[] {Double.NaN, Double.NaN});
        be[base ? 0 : 1] = o.score();
        arms.put(o.participant(), o.arm());
      }
    }
    List<WaterfallPlot.ParticipantChange> changes = new ArrayList<>();
    int zeroBaseline = 0;
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      double b = e.getValue()[0];
      double en = e.getValue()[1];
      if (Double.isNaN(b) || Double.isNaN(en)) {
        continue;
      }
      if (percent && b == 0) {
        zeroBaseline++;
        continue;
      }
      double change = percent ? 100 * (en - b) / b : en - b;
      changes.add(new WaterfallPlot.ParticipantChange(e.getKey(), arms.get(e.getKey()), change));
    }
    String scale = s.scale().label();
    String unit = percent ? "% of baseline" : "points";
    String caption = String.format(Locale.ROOT,
        "Each bar is one participant with %s and %s scores (n = %d): %s minus %s%s, sorted from the largest "
            + "increase to the largest decrease. Dashed line: responder threshold (%s).%s Source: %s.",
        s.baseline(), s.endpoint(), changes.size(), s.endpoint(), s.baseline(), percent ? ", in percent of baseline"
            : "", s.response().describe(), zeroBaseline == 0 ? ""
            : " " + zeroBaseline + " participant(s) with a baseline score of 0 have no percent change and are not drawn.",
        r.file());
    List<String> armNames = r.arms().stream().map(ArmResult::arm).toList();
    return new WaterfallPlot(new FigureText("Change from baseline in " + scale + " per participant",
        "Participants, ranked by change", "Change from baseline (" + unit + ")", caption), armNames, changes,
        -s.response().threshold(), "Responder: " + s.response().describe());
  }

  /**
   * The participant flow per arm: randomized (participants of the arm in the file) -> with a baseline
   * score -> analysed (baseline and endpoint scores: the change-score analyses), with the losses between,
   * and the row accounting and endpoint-specific exclusions as notes.
   */
  public static FlowPlot flow(TrialData data, AnalysisResult r) {
    Map<String, Set<String>> participants = new LinkedHashMap<>();
    for (Observation o : data.observations()) {
      participants.computeIfAbsent(o.arm(), a -> new LinkedHashSet<>()).add(o.participant());
    }
    AnalysisSettings s = r.settings();
    List<FlowPlot.Arm> arms = new ArrayList<>();
    for (ArmResult a : r.arms()) {
      int randomized = participants.getOrDefault(a.arm(), Set.of()).size();
      int withBaseline = a.baseline().n();
      int analysed = a.change().n();
      arms.add(new FlowPlot.Arm(a.arm(), List.of(
          new FlowPlot.Stage("randomized", randomized, List.of()),
          new FlowPlot.Stage("With a " + s.baseline() + " score", withBaseline,
              lost("no " + s.baseline() + " score", randomized - withBaseline)),
          new FlowPlot.Stage("Analysed: " + s.baseline() + " and " + s.endpoint() + " scores", analysed,
              lost("no " + s.endpoint() + " score", withBaseline - analysed)))));
    }
    List<String> notes = new ArrayList<>();
    notes.add(rows(r.rows()));
    for (AnalysisResult.ParticipantExclusion e : r.participantExclusions()) {
      notes.add(String.format(Locale.ROOT, "%s, %s: %d participant(s) left out (%s).", e.arm(),
          ResultFigures.words(e.outcome()), e.count(), ResultFigures.words(e.reason())));
    }
    String caption = "Participant flow computed from the data (randomized: participants of the arm in the file) "
        + "and the analysis: baseline and analysed counts are the n of the per-arm baseline and change results; "
        + "the change-score analyses (t tests, ANCOVA, effect sizes) use the analysed participants. Source: "
        + r.file() + ".";
    return new FlowPlot(new FigureText("Participant flow", "", "", caption), arms, notes);
  }

  /** The row accounting in words: "340 data rows read, 337 used; excluded: missing score 3". */
  public static String rows(RowAccounting rows) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d data rows read, %d used", rows.read(),
        rows.used()));
    if (!rows.excluded().isEmpty()) {
      sb.append("; excluded:");
      String sep = " ";
      for (RowAccounting.Exclusion e : rows.excluded()) {
        sb.append(sep).append(ResultFigures.words(e.reason())).append(' ').append(e.count());
        sep = ", ";
      }
    }
    return sb.append('.').toString();
  }

  private static List<FlowPlot.Exclusion> lost(String reason, int count) {
    return count > 0 ? List.of(new FlowPlot.Exclusion(reason, count)) : List.of();
  }
}
