package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.stats.design.DesignMatrix;

/**
 * The subjects of a {@link Design} grouped by missingness pattern (covariance group and the visits
 * observed), each pattern holding its subjects' outcomes and dictionary-coded design rows; and the
 * check, on those patterns, that every pair of visits is observed together, which the unstructured
 * covariance needs.
 */
final class Patterns {

  private Patterns() {
  }

  /**
   * The subjects grouped by covariance group and the set of visits they were observed at, in order of
   * first appearance.
   *
   * @param bySubject each subject's observations (indices; sorted here by visit)
   * @param obsVisit  visit index of each observation
   * @param obsGroup  covariance group of each observation, or null for one group
   * @param x         the design
   * @param y         outcome of each observation
   */
  static List<Pattern> of(Map<String, List<Integer>> bySubject, int[] obsVisit, int[] obsGroup,
      DesignMatrix x, double[] y) {
    int total = 0;
    for (List<Integer> obs : bySubject.values()) {
      total += obs.size();
    }
    int[] all = new int[total];
    int[] start = new int[bySubject.size() + 1];
    int k = 0;
    for (List<Integer> obs : bySubject.values()) {
      for (int i : obs) {
        all[start[k + 1]++ + start[k]] = i;
      }
      start[k + 1] += start[k];
      k++;
    }
    return of(new Selection.Subjects(all, start), obsVisit, obsGroup, x, y);
  }

  /** The key of a pattern: its group and visits. */
  private record Key(int group, int[] visits) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.group == group && Arrays.equals(k.visits, visits);
    }

    @Override
    public int hashCode() {
      return 31 * group + Arrays.hashCode(visits);
    }
  }

  /**
   * As above, the subjects' observations compactly; the design rows are coded through one dictionary of
   * distinct rows ({@link DesignRows}) shared by the patterns.
   *
   * @throws DesignRows.TooLarge when the distinct rows would pass {@link Design#MAX_DOUBLES}
   */
  static List<Pattern> of(Selection.Subjects bySubject, int[] obsVisit, int[] obsGroup, DesignMatrix x,
      double[] y) {
    int p = x.columns();
    int[] obs = bySubject.obs(); // sorted by visit within each subject, in place
    int[] start = bySubject.start();
    Map<Key, Integer> index = new HashMap<>();
    List<Key> keys = new ArrayList<>();
    List<int[]> members = new ArrayList<>(); // subjects of each pattern: [count, s0, s1, ...]
    int[] pv = new int[8]; // this subject's visits
    Key last = null; // the previous subject's pattern (most subjects share the one before theirs)
    int lastIndex = -1;
    for (int s = 0; s < bySubject.count(); s++) {
      int from = start[s];
      int to = start[s + 1];
      sortByVisit(obs, from, to, obsVisit);
      if (pv.length < to - from) {
        pv = new int[to - from];
      }
      for (int a = 0; a < to - from; a++) {
        pv[a] = obsVisit[obs[from + a]];
      }
      int group = obsGroup == null ? 0 : obsGroup[obs[from]];
      if (last == null || last.group() != group || !Arrays.equals(last.visits(), 0, last.visits().length, pv, 0,
          to - from)) {
        Key key = new Key(group, Arrays.copyOf(pv, to - from));
        Integer known = index.get(key);
        if (known == null) {
          known = keys.size();
          index.put(key, known);
          keys.add(key);
          members.add(new int[] {0, 0, 0, 0});
        }
        lastIndex = known;
        last = keys.get(lastIndex);
      }
      int[] mem = members.get(lastIndex);
      if (mem[0] + 1 == mem.length) {
        mem = Arrays.copyOf(mem, mem.length * 2);
        members.set(lastIndex, mem);
      }
      mem[++mem[0]] = s;
    }
    DesignRows rows = new DesignRows(p);
    RowCodes rowCodes = new RowCodes(x, rows);
    List<int[]> codes = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    for (int t = 0; t < keys.size(); t++) {
      int m = keys.get(t).visits().length;
      int[] mem = members.get(t);
      int n = mem[0];
      int[] code = new int[n * m];
      double[] yt = new double[n * m];
      for (int subject = 0; subject < n; subject++) {
        int from = start[mem[subject + 1]];
        for (int a = 0; a < m; a++) {
          int i = obs[from + a];
          yt[subject * m + a] = y[i];
          code[subject * m + a] = rowCodes.code(i);
        }
      }
      members.set(t, null);
      codes.add(code);
      ys.add(yt);
    }
    double[] values = rows.values();
    int[][] nonzero = SufficientStatistics.nonzeros(values, p);
    List<Pattern> patterns = new ArrayList<>();
    for (int t = 0; t < keys.size(); t++) {
      Key key = keys.get(t);
      patterns.add(new Pattern(key.visits(), key.group(), p, ys.get(t).length / key.visits().length, codes.get(t),
          values, nonzero, ys.get(t)));
    }
    return patterns;
  }

  /** Sorts {@code obs[from, to)} by visit (a subject's visits are distinct: the order is unique). */
  private static void sortByVisit(int[] obs, int from, int to, int[] obsVisit) {
    for (int k = from + 1; k < to; k++) {
      int o = obs[k];
      int j = k - 1;
      while (j >= from && obsVisit[obs[j]] > obsVisit[o]) {
        obs[j + 1] = obs[j];
        j--;
      }
      obs[j + 1] = o;
    }
  }

  /**
   * Why some pair of visits is never observed in one subject (of one group, when {@code groupNames} is
   * not null), so that their unstructured covariance is not estimable; or null.
   */
  static String together(List<Pattern> patterns, List<String> visits, List<String> groupNames) {
    int t = visits.size();
    int groups = groupNames == null ? 1 : groupNames.size();
    boolean[][][] together = new boolean[groups][t][t];
    for (Pattern pt : patterns) {
      for (int a : pt.visits) {
        for (int b : pt.visits) {
          together[pt.group][a][b] = true;
        }
      }
    }
    for (int g = 0; g < groups; g++) {
      for (int a = 0; a < t; a++) {
        for (int b = 0; b < a; b++) {
          if (!together[g][a][b]) {
            return "visits " + visits.get(b) + " and " + visits.get(a) + " are never observed in the same subject"
                + (groupNames == null ? "" : " of arm " + groupNames.get(g))
                + ", so their covariance is not estimable";
          }
        }
      }
    }
    return null;
  }
}
