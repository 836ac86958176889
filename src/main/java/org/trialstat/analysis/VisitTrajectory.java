package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.Observation;
import org.trialstat.model.TrialData;
import org.trialstat.model.VisitContrast;
import org.trialstat.model.VisitResult;
import org.trialstat.stats.SampleStatistics;

/**
 * The {@code visits[]} block of {@code analyze}: for every visit after the baseline, each arm's observed
 * change from baseline (participants with a baseline score and a score at that visit; mean with a t CI,
 * as the endpoint's change), and, where the MMRM used the visit, its LS means and differences. The
 * figures take their numbers from here, never recomputing them.
 */
final class VisitTrajectory {

  private VisitTrajectory() {
  }

  static List<VisitResult> of(TrialData data, List<Participant> participants, String baseline, MmrmResult mmrm,
      double level) {
    Map<String, Double> baselineScore = new HashMap<>();
    for (Participant p : participants) {
      if (p.hasBaselineScore()) {
        baselineScore.put(p.id, p.baselineScore());
      }
    }
    List<String> visits = data.visits();
    int from = visits.indexOf(baseline) + 1;
    // (visit, arm) -> changes
    Map<String, Map<String, List<Double>>> changes = new LinkedHashMap<>();
    for (int i = from; i < visits.size(); i++) {
      Map<String, List<Double>> byArm = new LinkedHashMap<>();
      for (String arm : data.arms()) {
        byArm.put(arm, new ArrayList<>());
      }
      changes.put(visits.get(i), byArm);
    }
    for (Observation o : data.observations()) {
      Map<String, List<Double>> byArm = changes.get(o.visit());
      Double b = baselineScore.get(o.participant());
      if (byArm != null && b != null && o.hasScore()) {
        byArm.get(o.arm()).add(o.score() - b);
      }
    }
    List<VisitResult> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Double>>> v : changes.entrySet()) {
      String visit = v.getKey();
      List<VisitResult.Arm> arms = new ArrayList<>();
      for (Map.Entry<String, List<Double>> a : v.getValue().entrySet()) {
        double[] x = a.getValue().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(x); // row order does not change a digit
        arms.add(new VisitResult.Arm(a.getKey(), TrialEstimation.changeSummary(x, level), lsmean(mmrm, a.getKey(), visit)));
      }
      List<VisitContrast> contrasts = new ArrayList<>();
      if (mmrm != null && mmrm.converged()) {
        for (VisitContrast c : mmrm.comparisons()) {
          if (c.visit().equals(visit)) {
            contrasts.add(c);
          }
        }
      }
      out.add(new VisitResult(visit, data.week(visit), arms, contrasts));
    }
    return out;
  }

  /** The MMRM's LS mean of {@code arm} at {@code visit}, or null without a converged MMRM using the visit. */
  static LsMean lsmean(MmrmResult mmrm, String arm, String visit) {
    if (mmrm == null || !mmrm.converged()) {
      return null;
    }
    for (LsMean m : mmrm.lsmeans()) {
      if (m.arm().equals(arm) && m.visit().equals(visit)) {
        return m;
      }
    }
    return null;
  }
}
