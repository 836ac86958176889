package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The observations an MMRM uses, their arm and visit indices, and the counts per arm and visit. */
final class Selection {
  final List<String> visits;
  final List<String> arms;
  final int controlArm;
  final int[] obsVisit;
  final int[] obsArm;
  /** Indices of the observations used, ascending. */
  final int[] rows;
  final int nObs;
  final int[][] cellCounts;

  private Selection(MmrmInput in, int[] obsVisit, int[] obsArm, int[] rows) {
    this.visits = in.visitOrder();
    this.arms = in.armOrder();
    this.controlArm = arms.indexOf(in.control());
    this.obsVisit = obsVisit;
    this.obsArm = obsArm;
    this.rows = rows;
    this.nObs = rows.length;
    this.cellCounts = new int[arms.size()][visits.size()];
    for (int i : rows) {
      cellCounts[obsArm[i]][obsVisit[i]]++;
    }
  }

  private static boolean missing(String s) {
    return s == null || s.isBlank() || s.equals("NA");
  }

  private static boolean missingCovariate(MmrmInput in, int i) {
    for (Covariate c : in.covariates()) {
      if (missing(c.values().get(i))) {
        return true;
      }
    }
    return false;
  }

  static Selection of(MmrmInput in) throws NotEstimableException {
    int nIn = in.y().length;
    Map<String, Integer> visitIdx = index(in.visitOrder());
    Map<String, Integer> armIdx = index(in.armOrder());
    double[] base = in.baseline();
    int[] obsVisit = new int[nIn];
    int[] obsArm = new int[nIn];
    int[] rows = new int[nIn];
    int used = 0;
    for (int i = 0; i < nIn; i++) {
      if (Double.isNaN(in.y()[i]) || (base != null && Double.isNaN(base[i]))
          || in.subject().get(i) == null || missing(in.visit().get(i)) || missing(in.arm().get(i))
          || missingCovariate(in, i)) {
        continue;
      }
      if (!Double.isFinite(in.y()[i]) || (base != null && !Double.isFinite(base[i]))) {
        throw new NotEstimableException("observation " + (i + 1) + " has an infinite outcome or baseline");
      }
      Integer v = visitIdx.get(in.visit().get(i));
      if (v == null) {
        throw new NotEstimableException("visit " + in.visit().get(i) + " is not one of the visits "
            + in.visitOrder());
      }
      Integer a = armIdx.get(in.arm().get(i));
      if (a == null) {
        throw new NotEstimableException("arm " + in.arm().get(i) + " is not one of the arms " + in.armOrder());
      }
      obsVisit[i] = v;
      obsArm[i] = a;
      rows[used++] = i;
    }
    Selection s = new Selection(in, obsVisit, obsArm, Arrays.copyOf(rows, used));
    String why = s.emptyCell();
    if (why != null) {
      throw new NotEstimableException(why, s.cellCounts, s.nObs, 0);
    }
    return s;
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> idx = new HashMap<>();
    for (int k = 0; k < names.size(); k++) {
      idx.put(names.get(k), k);
    }
    return idx;
  }

  /** Reasons name every arm (sorted by name) and visit concerned, so they do not depend on row order. */
  private String emptyCell() {
    List<String> emptyArms = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      if (Arrays.stream(cellCounts[a]).sum() == 0) {
        emptyArms.add(arms.get(a));
      }
    }
    if (!emptyArms.isEmpty()) {
      Collections.sort(emptyArms);
      return emptyArms.size() == 1 ? "arm " + emptyArms.get(0) + " has no observations"
          : "arms " + String.join(", ", emptyArms) + " have no observations";
    }
    for (int v = 0; v < visits.size(); v++) {
      int tot = 0;
      for (int[] armCells : cellCounts) {
        tot += armCells[v];
      }
      if (tot == 0) {
        return "visit " + visits.get(v) + " has no observations";
      }
    }
    for (int v = 0; v < visits.size(); v++) {
      List<String> missing = new ArrayList<>();
      for (int a = 0; a < arms.size(); a++) {
        if (cellCounts[a][v] == 0) {
          missing.add(arms.get(a));
        }
      }
      if (!missing.isEmpty()) {
        Collections.sort(missing);
        return "visit " + visits.get(v) + " has no observations in arm" + (missing.size() == 1 ? " " : "s ")
            + String.join(", ", missing);
      }
    }
    return null;
  }

  /** The observations of each subject, subjects in order of first appearance; one arm, one per visit. */
  Map<String, List<Integer>> subjects(MmrmInput in) throws NotEstimableException {
    Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
    for (int i : rows) {
      bySubject.computeIfAbsent(in.subject().get(i), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> e : bySubject.entrySet()) {
      boolean[] seen = new boolean[visits.size()];
      int arm0 = obsArm[e.getValue().get(0)];
      for (int i : e.getValue()) {
        String why = seen[obsVisit[i]]
            ? "subject " + e.getKey() + " has more than one observation at visit " + visits.get(obsVisit[i])
            : obsArm[i] != arm0 ? "subject " + e.getKey() + " appears in arms " + arms.get(arm0) + " and "
            + arms.get(obsArm[i]) : null;
        if (why != null) {
          throw new NotEstimableException(why, cellCounts, nObs, bySubject.size());
        }
        seen[obsVisit[i]] = true;
      }
    }
    return bySubject;
  }
}
