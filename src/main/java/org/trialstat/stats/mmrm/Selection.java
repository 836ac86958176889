package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.StringDictionary;

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
    Lookup visitIdx = new Lookup(in.visitOrder());
    Lookup armIdx = new Lookup(in.armOrder());
    double[] base = in.baseline();
    int[] obsVisit = new int[nIn];
    int[] obsArm = new int[nIn];
    int[] rows = new int[nIn];
    int used = 0;
    for (int i = 0; i < nIn; i++) {
      String visit = in.visit().get(i);
      String arm = in.arm().get(i);
      int v = visitIdx.index(visit);
      int a = armIdx.index(arm);
      if (Double.isNaN(in.y()[i]) || (base != null && Double.isNaN(base[i]))
          || in.subject().get(i) == null || v == Lookup.MISSING || a == Lookup.MISSING
          || missingCovariate(in, i)) {
        continue;
      }
      if (!Double.isFinite(in.y()[i]) || (base != null && !Double.isFinite(base[i]))) {
        throw new NotEstimableException("observation " + (i + 1) + " has an infinite outcome or baseline");
      }
      if (v == Lookup.UNKNOWN) {
        throw new NotEstimableException("visit " + visit + " is not one of the visits " + in.visitOrder());
      }
      if (a == Lookup.UNKNOWN) {
        throw new NotEstimableException("arm " + arm + " is not one of the arms " + in.armOrder());
      }
      obsVisit[i] = v;
      obsArm[i] = a;
      rows[used++] = i;
    }
    Selection s = new Selection(in, obsVisit, obsArm, Arrays.copyOf(rows, used));
    String why = emptyCell(s.arms, s.visits, s.cellCounts);
    if (why != null) {
      throw new NotEstimableException(why, s.cellCounts, s.nObs, 0);
    }
    return s;
  }

  /**
   * The index of a name in a list, {@link #MISSING} for a missing value (null, blank, "NA") and
   * {@link #UNKNOWN} for a name not in the list; remembering the answers for the last few string objects
   * asked about, since views over a table hand out the same objects row after row (a visit or arm name
   * then costs a comparison of references instead of a hash look-up).
   */
  private static final class Lookup {
    static final int MISSING = -1;
    static final int UNKNOWN = -2;
    private static final int RECENT = 8;
    private final Map<String, Integer> index;
    private final String[] seen = new String[RECENT];
    private final int[] answer = new int[RECENT];
    private int next;

    Lookup(List<String> names) {
      index = Selection.index(names);
    }

    int index(String name) {
      if (name == null) {
        return MISSING;
      }
      for (int k = 0; k < RECENT; k++) {
        if (seen[k] == name) {
          return answer[k];
        }
      }
      int found = missing(name) ? MISSING : index.getOrDefault(name, UNKNOWN);
      seen[next] = name;
      answer[next] = found;
      next = (next + 1) % RECENT;
      return found;
    }
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> idx = new HashMap<>();
    for (int k = 0; k < names.size(); k++) {
      idx.put(names.get(k), k);
    }
    return idx;
  }

  /**
   * Why some arm, visit or arm x visit cell has no observations, or null. Reasons name every arm (sorted
   * by name) and visit concerned, so they do not depend on row order.
   */
  static String emptyCell(List<String> arms, List<String> visits, int[][] cellCounts) {
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

  /**
   * The observations of each subject without an object per subject: subject k's observation indices are
   * {@code obs[start[k] .. start[k + 1])}, in row order; subjects in order of first appearance.
   */
  record Subjects(int[] obs, int[] start) {
    int count() {
      return start.length - 1;
    }
  }

  /** The observations of each subject, subjects in order of first appearance; one arm, one per visit. */
  Subjects subjects(MmrmInput in) throws NotEstimableException {
    int[] subjectOf = new int[rows.length];
    int ns = ascendingRuns(in, subjectOf);
    if (ns < 0) {
      ns = dictionaryCodes(in, subjectOf);
    }
    int[] count = new int[ns];
    for (int c : subjectOf) {
      count[c]++;
    }
    int[] start = new int[ns + 1];
    for (int k = 0; k < ns; k++) {
      start[k + 1] = start[k] + count[k];
    }
    int[] fill = Arrays.copyOf(start, ns);
    int[] obs = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      obs[fill[subjectOf[r]]++] = rows[r];
    }
    int[] seenBy = new int[visits.size()]; // subject + 1 that last had the visit
    for (int k = 0; k < ns; k++) {
      int arm0 = obsArm[obs[start[k]]];
      for (int t = start[k]; t < start[k + 1]; t++) {
        int i = obs[t];
        boolean twice = seenBy[obsVisit[i]] == k + 1;
        if (twice || obsArm[i] != arm0) {
          String name = in.subject().get(obs[start[k]]);
          throw new NotEstimableException(twice
              ? "subject " + name + " has more than one observation at visit " + visits.get(obsVisit[i])
              : "subject " + name + " appears in arms " + arms.get(arm0) + " and " + arms.get(obsArm[i]),
              cellCounts, nObs, ns);
        }
        seenBy[obsVisit[i]] = k + 1;
      }
    }
    return new Subjects(obs, start);
  }

  /**
   * Each row's subject code when every subject's rows are consecutive and the subjects ascend in
   * {@link String#compareTo} order (a table sorted by participant): then the runs are distinct subjects,
   * so the run index is the code in order of first appearance, with no hash table of a million names;
   * -1 otherwise.
   */
  private int ascendingRuns(MmrmInput in, int[] subjectOf) {
    String last = null;
    int c = -1;
    for (int r = 0; r < rows.length; r++) {
      String name = in.subject().get(rows[r]);
      if (name != last && !name.equals(last)) {
        if (last != null && last.compareTo(name) >= 0) {
          return -1;
        }
        c++;
        last = name;
      }
      subjectOf[r] = c;
    }
    return c + 1;
  }

  /** Each row's subject code in order of first appearance, by a dictionary of the names; their number. */
  private int dictionaryCodes(MmrmInput in, int[] subjectOf) {
    StringDictionary names = new StringDictionary();
    for (int r = 0; r < rows.length; r++) {
      subjectOf[r] = names.code(in.subject().get(rows[r]));
    }
    return names.size();
  }
}
