package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The designs of the leave-one-subject-out samples of one data set (jackknife resampling of
 * {@link MeanModel}), derived from the full data's {@link Design} instead of built again: the subject's
 * observations leave its missingness pattern, which alone is rebuilt; the terms, the row dictionary and
 * the other patterns are shared. The result equals {@link Design#build} of the input without that subject
 * (the same patterns, possibly in another order, so sums may differ in the last bits) for designs without
 * further covariates, whose means would change with the sample; {@link #of} returns null for those.
 */
final class LeaveOneOut {

  private final Design full;
  /** Per subject name: {pattern index, position in the pattern, arm index}. */
  private final Map<String, int[]> where;

  private LeaveOneOut(Design full, Map<String, int[]> where) {
    this.full = full;
    this.where = where;
  }

  /**
   * The samples of {@code in}, whose design is {@code full} (one covariance group), or null when the
   * input has covariates.
   */
  static LeaveOneOut of(MmrmInput in, Design full) throws NotEstimableException {
    if (!in.covariates().isEmpty() || full.groups != 1) {
      return null;
    }
    Map<String, Integer> patternOf = new HashMap<>();
    for (int t = 0; t < full.patterns.size(); t++) {
      patternOf.put(Arrays.toString(full.patterns.get(t).visits), t);
    }
    Selection s = Selection.of(in);
    Selection.Subjects subjects = s.subjects(in);
    int[] filled = new int[full.patterns.size()];
    Map<String, int[]> where = new HashMap<>();
    for (int k = 0; k < subjects.count(); k++) {
      int from = subjects.start()[k];
      int to = subjects.start()[k + 1];
      int[] visits = new int[to - from];
      for (int i = from; i < to; i++) {
        visits[i - from] = s.obsVisit[subjects.obs()[i]];
      }
      Arrays.sort(visits);
      int t = patternOf.get(Arrays.toString(visits));
      int first = subjects.obs()[from];
      where.put(in.subject().get(first), new int[] {t, filled[t]++, s.obsArm[first]});
    }
    return new LeaveOneOut(full, where);
  }

  /**
   * The design without the subject (the full design when it has no observations).
   *
   * @throws NotEstimableException as {@link Design#build}: an arm or visit left without observations, or
   *                               fixed effects no longer estimable
   */
  Design without(String subject) throws NotEstimableException {
    int[] w = where.get(subject);
    if (w == null) {
      return full;
    }
    List<Pattern> patterns = new ArrayList<>(full.patterns);
    Pattern pt = patterns.get(w[0]);
    Pattern rest = pt.without(w[1]);
    if (rest == null) {
      patterns.remove(w[0]);
    } else {
      patterns.set(w[0], rest);
    }
    int[][] cells = new int[full.cellCounts.length][];
    for (int a = 0; a < cells.length; a++) {
      cells[a] = full.cellCounts[a].clone();
    }
    for (int v : pt.visits) {
      cells[w[2]][v]--;
    }
    int nObs = full.nObs - pt.m;
    String why = Selection.emptyCell(full.arms, full.visits, cells);
    if (why == null && nObs <= full.p) {
      why = "too few observations (" + nObs + ") for " + full.p + " fixed effects";
    }
    if (why == null) {
      why = DesignBuilder.aliased(patterns, full.x);
    }
    if (why != null) {
      throw new NotEstimableException(why, cells, nObs, full.nSubjects - 1);
    }
    return new Design(full, patterns, cells, nObs, full.nSubjects - 1);
  }
}
