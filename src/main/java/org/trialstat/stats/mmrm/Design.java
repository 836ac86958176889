package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fixed-effects design of the MMRM, built from an {@link MmrmInput}: column layout, the subjects
 * grouped by missingness pattern, and the checks that decide whether the data can support the model.
 *
 * <p>Columns (0/1 reference coding, covariates unscaled): intercept; one indicator per non-control arm
 * (armOrder order); one per visit after the first (visitOrder order); their products (arm-major);
 * baseline and baseline x visit (when a baseline is given); then each covariate: a numeric one as one
 * column, a categorical one as indicators of all levels but the first in sorted order.
 */
final class Design {

  /** Why the model cannot be fitted, or null. */
  String reason;
  final List<String> visits;
  final List<String> arms;
  final int controlArm;
  final int nVisits;
  int p;
  String[] colNames;
  List<Pattern> patterns = new ArrayList<>();
  int nObs;
  int nSubjects;
  int[][] cellCounts;
  int[] armCol;
  int[] visCol;
  int[][] armVisCol;
  int baseCol = -1;
  int[] baseVisCol;
  double baseMean;
  /** Part of every LS-mean vector contributed by the covariates (equal level weights, numeric means). */
  double[] covariateL;

  private Design(MmrmInput in) {
    this.visits = in.visitOrder();
    this.arms = in.armOrder();
    this.controlArm = arms.indexOf(in.control());
    this.nVisits = visits.size();
  }

  private static boolean missing(String s) {
    return s == null || s.isBlank() || s.equals("NA");
  }

  static Design build(MmrmInput in) {
    Design d = new Design(in);
    d.reason = d.setUp(in);
    return d;
  }

  private String setUp(MmrmInput in) {
    int nIn = in.y().length;
    Map<String, Integer> visitIdx = new HashMap<>();
    for (int v = 0; v < nVisits; v++) {
      visitIdx.put(visits.get(v), v);
    }
    Map<String, Integer> armIdx = new HashMap<>();
    for (int a = 0; a < arms.size(); a++) {
      armIdx.put(arms.get(a), a);
    }
    List<Covariate> covs = in.covariates();
    double[] base = in.baseline();

    // 1. observations used
    boolean[] use = new boolean[nIn];
    int[] obsVisit = new int[nIn];
    int[] obsArm = new int[nIn];
    for (int i = 0; i < nIn; i++) {
      if (Double.isNaN(in.y()[i]) || (base != null && Double.isNaN(base[i]))
          || in.subject().get(i) == null || missing(in.visit().get(i)) || missing(in.arm().get(i))) {
        continue;
      }
      boolean ok = true;
      for (Covariate c : covs) {
        if (missing(c.values().get(i))) {
          ok = false;
          break;
        }
      }
      if (!ok) {
        continue;
      }
      if (!Double.isFinite(in.y()[i]) || (base != null && !Double.isFinite(base[i]))) {
        return "observation " + (i + 1) + " has an infinite outcome or baseline";
      }
      Integer v = visitIdx.get(in.visit().get(i));
      if (v == null) {
        return "visit " + in.visit().get(i) + " is not one of the visits " + visits;
      }
      Integer a = armIdx.get(in.arm().get(i));
      if (a == null) {
        return "arm " + in.arm().get(i) + " is not one of the arms " + arms;
      }
      use[i] = true;
      obsVisit[i] = v;
      obsArm[i] = a;
    }

    // 2. cells
    cellCounts = new int[arms.size()][nVisits];
    for (int i = 0; i < nIn; i++) {
      if (use[i]) {
        cellCounts[obsArm[i]][obsVisit[i]]++;
        nObs++;
      }
    }
    // Reasons name every arm (sorted by name) and visit concerned, so they do not depend on row order.
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
    for (int v = 0; v < nVisits; v++) {
      int tot = 0;
      for (int a = 0; a < arms.size(); a++) {
        tot += cellCounts[a][v];
      }
      if (tot == 0) {
        return "visit " + visits.get(v) + " has no observations";
      }
    }
    for (int v = 0; v < nVisits; v++) {
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

    // 3. subjects: one arm, one observation per visit
    Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
    for (int i = 0; i < nIn; i++) {
      if (use[i]) {
        bySubject.computeIfAbsent(in.subject().get(i), k -> new ArrayList<>()).add(i);
      }
    }
    nSubjects = bySubject.size();
    for (Map.Entry<String, List<Integer>> e : bySubject.entrySet()) {
      boolean[] seen = new boolean[nVisits];
      int arm0 = obsArm[e.getValue().get(0)];
      for (int i : e.getValue()) {
        if (seen[obsVisit[i]]) {
          return "subject " + e.getKey() + " has more than one observation at visit "
              + visits.get(obsVisit[i]);
        }
        seen[obsVisit[i]] = true;
        if (obsArm[i] != arm0) {
          return "subject " + e.getKey() + " appears in arms " + arms.get(arm0) + " and " + arms.get(obsArm[i]);
        }
      }
    }

    // 4. columns
    List<String> names = new ArrayList<>();
    names.add("(Intercept)");
    armCol = new int[arms.size()];
    for (int a = 0; a < arms.size(); a++) {
      armCol[a] = -1;
      if (a != controlArm) {
        armCol[a] = names.size();
        names.add("arm " + arms.get(a));
      }
    }
    visCol = new int[nVisits];
    visCol[0] = -1;
    for (int v = 1; v < nVisits; v++) {
      visCol[v] = names.size();
      names.add("visit " + visits.get(v));
    }
    armVisCol = new int[arms.size()][nVisits];
    for (int a = 0; a < arms.size(); a++) {
      Arrays.fill(armVisCol[a], -1);
      if (a == controlArm) {
        continue;
      }
      for (int v = 1; v < nVisits; v++) {
        armVisCol[a][v] = names.size();
        names.add("arm " + arms.get(a) + " x visit " + visits.get(v));
      }
    }
    baseVisCol = new int[nVisits];
    Arrays.fill(baseVisCol, -1);
    if (base != null) {
      baseCol = names.size();
      names.add("baseline");
      for (int v = 1; v < nVisits; v++) {
        baseVisCol[v] = names.size();
        names.add("baseline x visit " + visits.get(v));
      }
      double s = 0;
      for (int i = 0; i < nIn; i++) {
        if (use[i]) {
          s += base[i];
        }
      }
      baseMean = s / nObs;
    }
    int nc = covs.size();
    int[] covCol = new int[nc];
    List<Map<String, Integer>> levelCols = new ArrayList<>();
    double[][] numeric = new double[nc][];
    List<double[]> covLParts = new ArrayList<>();
    for (int c = 0; c < nc; c++) {
      Covariate cov = covs.get(c);
      covCol[c] = names.size();
      if (cov.categorical()) {
        TreeSet<String> levels = new TreeSet<>();
        for (int i = 0; i < nIn; i++) {
          if (use[i]) {
            levels.add(cov.values().get(i));
          }
        }
        Map<String, Integer> cols = new HashMap<>();
        int k = 0;
        for (String level : levels) {
          cols.put(level, k == 0 ? -1 : names.size());
          if (k > 0) {
            names.add(cov.name() + " " + level);
          }
          k++;
        }
        levelCols.add(cols);
        covLParts.add(new double[] {levels.size()});
      } else {
        levelCols.add(null);
        numeric[c] = new double[nIn];
        double s = 0;
        for (int i = 0; i < nIn; i++) {
          if (use[i]) {
            try {
              numeric[c][i] = Double.parseDouble(cov.values().get(i).trim());
            } catch (NumberFormatException ex) {
              return "covariate " + cov.name() + " has a non-numeric value '" + cov.values().get(i) + "'";
            }
            if (!Double.isFinite(numeric[c][i])) {
              return "covariate " + cov.name() + " has a non-finite value '" + cov.values().get(i) + "'";
            }
            s += numeric[c][i];
          }
        }
        names.add(cov.name());
        covLParts.add(new double[] {s / nObs});
      }
    }
    p = names.size();
    colNames = names.toArray(new String[0]);
    covariateL = new double[p];
    for (int c = 0; c < nc; c++) {
      if (covs.get(c).categorical()) {
        double w = 1.0 / covLParts.get(c)[0];
        for (int col : levelCols.get(c).values()) {
          if (col >= 0) {
            covariateL[col] = w;
          }
        }
      } else {
        covariateL[covCol[c]] = covLParts.get(c)[0];
      }
    }
    if (nObs <= p) {
      return String.format(Locale.ROOT, "too few observations (%d) for %d fixed effects", nObs, p);
    }

    // 5. patterns
    Map<String, List<String>> patternSubjects = new LinkedHashMap<>();
    Map<String, int[]> patternVisits = new HashMap<>();
    for (Map.Entry<String, List<Integer>> e : bySubject.entrySet()) {
      List<Integer> obs = e.getValue();
      obs.sort((i, j) -> Integer.compare(obsVisit[i], obsVisit[j]));
      int[] pv = obs.stream().mapToInt(i -> obsVisit[i]).toArray();
      String key = Arrays.toString(pv);
      patternSubjects.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
      patternVisits.putIfAbsent(key, pv);
    }
    for (Map.Entry<String, List<String>> e : patternSubjects.entrySet()) {
      int[] pv = patternVisits.get(e.getKey());
      int m = pv.length;
      int n = e.getValue().size();
      double[] x = new double[n * m * p];
      double[] y = new double[n * m];
      int s = 0;
      for (String subj : e.getValue()) {
        List<Integer> obs = bySubject.get(subj);
        for (int a = 0; a < m; a++) {
          int i = obs.get(a);
          int o = (s * m + a) * p;
          y[s * m + a] = in.y()[i];
          int arm = obsArm[i];
          int v = obsVisit[i];
          x[o] = 1;
          if (armCol[arm] >= 0) {
            x[o + armCol[arm]] = 1;
          }
          if (visCol[v] >= 0) {
            x[o + visCol[v]] = 1;
          }
          if (armVisCol[arm][v] >= 0) {
            x[o + armVisCol[arm][v]] = 1;
          }
          if (base != null) {
            x[o + baseCol] = base[i];
            if (baseVisCol[v] >= 0) {
              x[o + baseVisCol[v]] = base[i];
            }
          }
          for (int c = 0; c < nc; c++) {
            if (covs.get(c).categorical()) {
              int col = levelCols.get(c).get(covs.get(c).values().get(i));
              if (col >= 0) {
                x[o + col] = 1;
              }
            } else {
              x[o + covCol[c]] = numeric[c][i];
            }
          }
        }
        s++;
      }
      patterns.add(new Pattern(pv, p, n, x, y));
    }

    // 6. every pair of visits observed together at least once (else their covariance is not estimable)
    boolean[][] together = new boolean[nVisits][nVisits];
    for (Pattern pt : patterns) {
      for (int a : pt.visits) {
        for (int b : pt.visits) {
          together[a][b] = true;
        }
      }
    }
    for (int a = 0; a < nVisits; a++) {
      for (int b = 0; b < a; b++) {
        if (!together[a][b]) {
          return "visits " + visits.get(b) + " and " + visits.get(a)
              + " are never observed in the same subject, so their covariance is not estimable";
        }
      }
    }

    // 7. full column rank (sequential Cholesky of X'X in column order names the first aliased column)
    double[] xtx = new double[p * p];
    double[] identity;
    for (Pattern pt : patterns) {
      identity = new double[pt.m * pt.m];
      for (int a = 0; a < pt.m; a++) {
        identity[a * pt.m + a] = 1;
      }
      pt.addXtAX(identity, xtx);
    }
    String aliased = firstAliasedColumn(xtx);
    if (aliased != null) {
      return "fixed effects are not estimable: " + aliased + " is collinear with the preceding terms";
    }
    return null;
  }

  private String firstAliasedColumn(double[] xtx) {
    double[] l = new double[p * p];
    for (int j = 0; j < p; j++) {
      double d = xtx[j * p + j];
      for (int k = 0; k < j; k++) {
        d -= l[j * p + k] * l[j * p + k];
      }
      if (!(d > 1e-10 * xtx[j * p + j])) {
        return colNames[j];
      }
      double ljj = Math.sqrt(d);
      l[j * p + j] = ljj;
      for (int i = j + 1; i < p; i++) {
        double s = xtx[i * p + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * p + k] * l[j * p + k];
        }
        l[i * p + j] = s / ljj;
      }
    }
    return null;
  }

  /** The coefficient vector L of the LS mean of arm {@code a} at visit {@code v}. */
  double[] lsMeanVector(int a, int v) {
    double[] l = covariateL.clone();
    l[0] = 1;
    if (armCol[a] >= 0) {
      l[armCol[a]] = 1;
    }
    if (visCol[v] >= 0) {
      l[visCol[v]] = 1;
    }
    if (armVisCol[a][v] >= 0) {
      l[armVisCol[a][v]] = 1;
    }
    if (baseCol >= 0) {
      l[baseCol] = baseMean;
      if (baseVisCol[v] >= 0) {
        l[baseVisCol[v]] = baseMean;
      }
    }
    return l;
  }
}
