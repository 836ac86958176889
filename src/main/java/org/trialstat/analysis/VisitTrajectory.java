package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.trialstat.model.LsMean;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.ObservationTable;
import org.trialstat.model.TrialData;
import org.trialstat.model.VisitContrast;
import org.trialstat.model.VisitResult;

/**
 * The {@code visits[]} block of {@code analyze}: for every visit after the baseline, each arm's observed
 * change from baseline (participants with a baseline score and a score at that visit; mean with a t CI,
 * as the endpoint's change), and, where the MMRM used the visit, its LS means and differences. The
 * figures take their numbers from here, never recomputing them.
 */
final class VisitTrajectory {

  private VisitTrajectory() {
  }

  /**
   * The visits after the baseline with each arm's observed change, computed now; the MMRM's estimates
   * are attached when the function is applied to the MMRM's result (null: none), so that the observed
   * changes can be computed while the MMRM is being fitted. Reads the table's columns by participant,
   * arm and visit code (no boxed value or observation object per row): a million participants'
   * trajectories take one pass over the rows.
   */
  static Function<MmrmResult, List<VisitResult>> observed(TrialData data, List<Participant> participants,
      String baseline, double level) {
    ObservationTable table = data.table();
    // baseline score by participant code (a participant's rows all carry its code), NaN: none
    double[] baselineScore = new double[table.participantCount()];
    Arrays.fill(baselineScore, Double.NaN);
    for (Participant p : participants) {
      if (p.hasBaselineScore()) {
        baselineScore[table.participantCode(p.baselineRow)] = p.baselineScore();
      }
    }
    List<String> visits = data.visits();
    List<String> arms = data.arms();
    int from = visits.indexOf(baseline) + 1;
    List<String> after = visits.subList(from, visits.size());
    int[] visitIndex = new int[table.visitCount()]; // visit code -> index in after, -1 for the others
    for (int c = 0; c < visitIndex.length; c++) {
      visitIndex[c] = after.indexOf(table.visitName(c));
    }
    Doubles[][] changes = new Doubles[after.size()][arms.size()]; // (visit, arm) -> changes
    for (Doubles[] byArm : changes) {
      for (int a = 0; a < byArm.length; a++) {
        byArm[a] = new Doubles();
      }
    }
    int[] armIndex = new int[table.armCount()]; // arm code -> index in arms
    for (int c = 0; c < armIndex.length; c++) {
      armIndex[c] = arms.indexOf(table.armName(c));
    }
    for (int i = 0, n = table.size(); i < n; i++) {
      int v = visitIndex[table.visitCode(i)];
      int who = table.participantCode(i);
      if (v < 0 || Double.isNaN(baselineScore[who]) || !table.hasScore(i)) {
        continue;
      }
      changes[v][armIndex[table.armCode(i)]].add(table.score(i) - baselineScore[who]);
    }
    MeanSummary[][] observed = new MeanSummary[after.size()][arms.size()];
    for (int v = 0; v < after.size(); v++) {
      for (int a = 0; a < arms.size(); a++) {
        double[] x = changes[v][a].sorted(); // row order does not change a digit
        observed[v][a] = TrialEstimation.changeSummary(x, level);
      }
    }
    return mmrm -> {
      List<VisitResult> out = new ArrayList<>();
      for (int v = 0; v < after.size(); v++) {
        String visit = after.get(v);
        List<VisitResult.Arm> armResults = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
          armResults.add(new VisitResult.Arm(arms.get(a), observed[v][a], lsmean(mmrm, arms.get(a), visit)));
        }
        List<VisitContrast> contrasts = new ArrayList<>();
        if (mmrm != null && mmrm.converged()) {
          for (VisitContrast c : mmrm.comparisons()) {
            if (c.visit().equals(visit)) {
              contrasts.add(c);
            }
          }
        }
        out.add(new VisitResult(visit, data.week(visit), armResults, contrasts));
      }
      return out;
    };
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
