package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.ArmResult;
import org.trialstat.model.Observation;
import org.trialstat.model.Proportion;
import org.trialstat.model.SubgroupResult;
import org.trialstat.model.TrialData;

/**
 * {@code analyze --subgroup COL}: every comparison repeated within each level of a participant-level
 * column, and the tests of treatment-by-subgroup interaction ({@link SubgroupInteraction}).
 *
 * <p>A participant's level is the column's value on its baseline row, else on its endpoint row (as
 * {@code --strata} and the covariates). Levels are in sorted order (String order of the values). A
 * participant with an empty value (or with neither row) is in no level: counted per arm in
 * {@code missing} and in {@code participants_excluded} with reason {@value #MISSING_SUBGROUP}, never
 * dropped silently. Within a level the estimates are those of {@code analyze} on that level's
 * participants alone (the same as {@code --where 'COL=level'}, except that the repeated-measures model,
 * the dose response, strata and multiplicity adjustment are not repeated per level).
 */
final class SubgroupAnalysis {

  /** Participant exclusion reason: the --subgroup column is empty on the baseline and endpoint rows. */
  static final String MISSING_SUBGROUP = "missing_subgroup";

  /** The {@code outcome} of that exclusion: the subgroup analysis. */
  static final String OUTCOME = "subgroups";

  private SubgroupAnalysis() {
  }

  /** A participant's level of the column, or null when the cell is empty or the participant has no row. */
  static Function<Participant, String> levelOf(TrialData data, String column) {
    int index = data.covariateNames().indexOf(column);
    return p -> {
      Observation o = p.baseline() != null ? p.baseline() : p.endpoint();
      String v = o == null || index < 0 ? "" : o.covariates().get(index);
      return v.isEmpty() ? null : v;
    };
  }

  /**
   * The subgroup results of a prepared trial with a control arm.
   *
   * @param pairs the comparisons of the whole analysis
   */
  static SubgroupResult of(PreparedTrial prepared, List<ComparisonPlan.Pair> pairs) {
    TrialData data = prepared.data();
    String variable = prepared.plan().subgroupColumn();
    Function<Participant, String> levelOf = levelOf(data, variable);
    Map<String, List<Participant>> byLevel = new TreeMap<>();
    Map<String, int[]> missing = new LinkedHashMap<>();
    for (Participant p : prepared.participants()) {
      String level = levelOf.apply(p);
      if (level == null) {
        int[] count = missing.computeIfAbsent(p.arm, k -> new int[2]);
        count[0]++;
        count[1] += p.completer() ? 1 : 0;
      } else {
        byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(p);
      }
    }
    ComparisonPlan plan = new ComparisonPlan(prepared.plan().compare(), null, null);
    List<SubgroupResult.Level> levels = new ArrayList<>();
    List<AnalysisResult> results = new ArrayList<>();
    for (Map.Entry<String, List<Participant>> e : byLevel.entrySet()) {
      PreparedTrial sub = new PreparedTrial(data, prepared.settings(), e.getValue(), prepared.endpoints(),
          prepared.rows(), List.of(), false, prepared.strictness(), List.of(), prepared.covariates(), plan, null);
      AnalysisResult r = TrialEstimation.estimate(sub);
      results.add(r);
      List<SubgroupResult.Count> counts = new ArrayList<>();
      for (String arm : data.arms()) {
        int n = (int) e.getValue().stream().filter(p -> p.arm.equals(arm)).count();
        counts.add(new SubgroupResult.Count(arm, n, arm(r, arm).change().n()));
      }
      levels.add(new SubgroupResult.Level(e.getKey(), counts, r.comparisons()));
    }
    List<SubgroupResult.Interaction> interactions = new ArrayList<>();
    List<Participant> known = prepared.participants().stream().filter(p -> levelOf.apply(p) != null).toList();
    for (ComparisonPlan.Pair pair : pairs) {
      Map<String, ArmData> arms = new LinkedHashMap<>();
      for (String a : List.of(pair.control(), pair.treatment())) {
        arms.put(a, new ArmData(a, data.hasDiagnosis(), p -> null, false));
      }
      for (Participant p : known) {
        ArmData a = arms.get(p.arm);
        if (a != null) {
          a.add(p, prepared.settings(), prepared.endpoints(), prepared.strictness(), data.source());
        }
      }
      interactions.add(SubgroupInteraction.change(pair.treatment(), pair.control(), arms, data,
          prepared.covariates(), variable, levelOf));
      List<List<Proportion>> t = new ArrayList<>();
      List<List<Proportion>> c = new ArrayList<>();
      for (AnalysisResult r : results) {
        t.add(arm(r, pair.treatment()).binaryRates());
        c.add(arm(r, pair.control()).binaryRates());
      }
      interactions.addAll(SubgroupInteraction.binary(pair.treatment(), pair.control(), prepared.endpoints(), t, c));
    }
    List<SubgroupResult.Count> miss = new ArrayList<>();
    missing.forEach((arm, n) -> miss.add(new SubgroupResult.Count(arm, n[0], n[1])));
    return new SubgroupResult(variable, levels, miss, interactions);
  }

  private static ArmResult arm(AnalysisResult r, String arm) {
    return r.arms().stream().filter(a -> a.arm().equals(arm)).findFirst().orElseThrow();
  }
}
