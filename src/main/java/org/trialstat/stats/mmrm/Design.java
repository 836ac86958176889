package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Intercept;
import org.trialstat.stats.design.Interaction;
import org.trialstat.stats.design.Numeric;
import org.trialstat.stats.design.Term;

/**
 * The fixed-effects design of the MMRM, built from an {@link MmrmInput}: the model terms, the subjects
 * grouped by missingness pattern, and the checks that decide whether the data can support the model.
 * Immutable once built.
 *
 * <p>Terms (0/1 reference coding, covariates unscaled; R {@code model.matrix} column names):
 * {@code (Intercept)}; {@code arm} (control the reference, armOrder order); {@code visit} (the first
 * visit the reference, visitOrder order); {@code visit:arm} (arm-major: the visit varies fastest);
 * {@code baseline} and {@code visit:baseline} (when a baseline is given); then each covariate: a
 * numeric one as one column, a categorical one as indicators of all levels but the first in sorted
 * order. The names are those of R's {@code model.matrix(~ visit * arm + visit * baseline + ...)}, the
 * column order is trialstat's (R puts all main effects before the interactions).
 */
final class Design {

  final List<String> visits;
  final List<String> arms;
  final int controlArm;
  final int nVisits;
  final int p;
  final DesignMatrix x;
  final List<Pattern> patterns;
  final int nObs;
  final int nSubjects;
  final int[][] cellCounts;
  /** Number of covariance groups: the arms with a matrix per arm, else 1. */
  final int groups;
  /** Subjects per covariance group. */
  final int[] groupSubjects;
  /**
   * Why an unstructured matrix cannot be estimated (two visits never observed in one subject of a
   * group), or null.
   */
  final String neverTogether;
  private final Factor arm;
  private final Factor visit;

  /**
   * Memory bound of a design, in doubles (8 bytes each): the design rows (observations x columns) and
   * each p x p matrix of the fit. 2e7 doubles = 160 MB.
   */
  static final long MAX_DOUBLES = 20_000_000L;

  private Design(Selection s, DesignMatrix x, Factor arm, Factor visit, List<Pattern> patterns, int nSubjects,
      int groups, String neverTogether) {
    this.visits = s.visits;
    this.arms = s.arms;
    this.controlArm = s.controlArm;
    this.nVisits = visits.size();
    this.x = x;
    this.p = x.columns();
    this.arm = arm;
    this.visit = visit;
    this.patterns = List.copyOf(patterns);
    this.nObs = s.nObs;
    this.nSubjects = nSubjects;
    this.cellCounts = s.cellCounts;
    this.groups = groups;
    this.neverTogether = neverTogether;
    this.groupSubjects = new int[groups];
    for (Pattern pt : patterns) {
      groupSubjects[pt.group] += pt.n;
    }
  }

  /**
   * Builds the design.
   *
   * @throws NotEstimableException naming the visit, arm, subject or term when the data cannot support
   *                               the model
   */
  /**
   * Largest |outcome| or |baseline| the model is fitted to: 2^400 (about 2.6e120), so that the squares
   * and cross-products of the REML iterations stay finite.
   */
  static final double MAX_MAGNITUDE = 0x1p400;

  /**
   * Why outcomes or baselines are outside the range the model can be fitted in, or null: a change
   * (score - baseline) that overflowed to infinity, or a value beyond {@link #MAX_MAGNITUDE}.
   */
  static String magnitudeProblem(MmrmInput in) {
    double max = 0;
    for (double[] values : new double[][] {in.y(), in.baseline() == null ? new double[0] : in.baseline()}) {
      for (double v : values) {
        if (Double.isInfinite(v)) { // NaN is a missing value, dropped by Selection
          return "an outcome (change = score - baseline) is beyond the range of double-precision numbers "
              + "(|x| > 1.8e308)";
        }
        max = Math.max(max, Math.abs(v));
      }
    }
    if (max > MAX_MAGNITUDE) {
      return String.format(Locale.ROOT, "scores as large as %.4g are beyond the range the model is fitted in "
          + "(|value| up to 2^400, about 2.6e120): rescale them (for example to other units)", max);
    }
    return null;
  }

  static Design build(MmrmInput in) throws NotEstimableException {
    return build(in, false);
  }

  /**
   * Builds the design, with one covariance group per arm when {@code byArm}.
   *
   * @throws NotEstimableException naming the visit, arm, subject or term when the data cannot support
   *                               the model, or when it is too large to fit in bounded memory
   */
  static Design build(MmrmInput in, boolean byArm) throws NotEstimableException {
    Selection s = Selection.of(in);
    Map<String, List<Integer>> bySubject = s.subjects(in);
    int nSubjects = bySubject.size();
    int[][] cells = s.cellCounts;
    String magnitude = magnitudeProblem(in);
    if (magnitude != null) {
      throw new NotEstimableException(magnitude, cells, s.nObs, nSubjects);
    }

    Factor arm = Factor.of("arm", s.arms, s.controlArm, s.obsArm);
    Factor visit = Factor.of("visit", s.visits, 0, s.obsVisit);
    List<Term> terms = new ArrayList<>(List.of(new Intercept(), arm, visit, new Interaction(visit, arm)));
    if (in.baseline() != null) {
      Numeric base = new Numeric("baseline", in.baseline());
      terms.add(base);
      terms.add(new Interaction(visit, base));
    }
    for (Covariate c : in.covariates()) {
      terms.add(c.categorical() ? Factor.sorted(c.name(), c.values(), s.rows)
          : new Numeric(c.name(), numeric(c, s.rows, cells, s.nObs, nSubjects)));
    }
    DesignMatrix x = DesignMatrix.of(terms, s.rows);
    int p = x.columns();
    if (s.nObs <= p) {
      throw new NotEstimableException(String.format(Locale.ROOT, "too few observations (%d) for %d fixed effects",
          s.nObs, p), cells, s.nObs, nSubjects);
    }
    if ((long) s.nObs * p > MAX_DOUBLES || (long) p * p > MAX_DOUBLES / 8) {
      throw new NotEstimableException(String.format(Locale.ROOT, "the model is too large to fit: %d observations "
          + "x %d fixed effects (design rows %.0f MB, limit %d MB); use fewer visits or arms", s.nObs, p,
          8.0 * s.nObs * p / 1e6, 8 * MAX_DOUBLES / 1_000_000), cells, s.nObs, nSubjects);
    }
    int groups = byArm ? s.arms.size() : 1;
    List<Pattern> patterns = patterns(bySubject, s.obsVisit, byArm ? s.obsArm : null, x, in.y());
    String never = together(patterns, s.visits, byArm ? s.arms : null);
    String why = null;
    if (never == null) {
      // full column rank (sequential Cholesky of X'X in column order names the first aliased column)
      double[] xtx = new double[p * p];
      for (Pattern pt : patterns) {
        pt.addXtAX(identity(pt.m), xtx);
      }
      String aliased = x.firstAliased(xtx);
      why = aliased == null ? null
          : "fixed effects are not estimable: " + aliased + " is collinear with the preceding terms";
    }
    if (why != null) {
      throw new NotEstimableException(why, cells, s.nObs, nSubjects);
    }
    return new Design(s, x, arm, visit, patterns, nSubjects, groups, never);
  }

  private static double[] numeric(Covariate c, int[] rows, int[][] cells, int nObs, int nSubjects)
      throws NotEstimableException {
    double[] v = new double[c.values().size()];
    for (int i : rows) {
      String text = c.values().get(i);
      try {
        v[i] = Double.parseDouble(text.trim());
      } catch (NumberFormatException ex) {
        throw new NotEstimableException("covariate " + c.name() + " has a non-numeric value '" + text + "'",
            cells, nObs, nSubjects);
      }
      if (!Double.isFinite(v[i])) {
        throw new NotEstimableException("covariate " + c.name() + " has a non-finite value '" + text + "'",
            cells, nObs, nSubjects);
      }
    }
    return v;
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
  static List<Pattern> patterns(Map<String, List<Integer>> bySubject, int[] obsVisit, int[] obsGroup,
      DesignMatrix x, double[] y) {
    int p = x.columns();
    Map<String, List<String>> patternSubjects = new LinkedHashMap<>();
    Map<String, int[]> patternVisits = new HashMap<>();
    Map<String, Integer> patternGroup = new HashMap<>();
    for (Map.Entry<String, List<Integer>> e : bySubject.entrySet()) {
      List<Integer> obs = e.getValue();
      obs.sort((i, j) -> Integer.compare(obsVisit[i], obsVisit[j]));
      int[] pv = obs.stream().mapToInt(i -> obsVisit[i]).toArray();
      int group = obsGroup == null ? 0 : obsGroup[obs.get(0)];
      String key = (obsGroup == null ? "" : group + ":") + Arrays.toString(pv);
      patternSubjects.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
      patternVisits.putIfAbsent(key, pv);
      patternGroup.putIfAbsent(key, group);
    }
    List<Pattern> patterns = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : patternSubjects.entrySet()) {
      int[] pv = patternVisits.get(e.getKey());
      int m = pv.length;
      int n = e.getValue().size();
      double[] xs = new double[n * m * p];
      double[] ys = new double[n * m];
      int subject = 0;
      for (String id : e.getValue()) {
        List<Integer> obs = bySubject.get(id);
        for (int a = 0; a < m; a++) {
          int i = obs.get(a);
          ys[subject * m + a] = y[i];
          x.row(i, xs, (subject * m + a) * p);
        }
        subject++;
      }
      patterns.add(new Pattern(pv, patternGroup.get(e.getKey()), p, n, xs, ys));
    }
    return patterns;
  }

  /**
   * Why some pair of visits is never observed in one subject (of one group, when {@code groupNames} is
   * not null), so that their unstructured covariance is not estimable; or null.
   */
  private static String together(List<Pattern> patterns, List<String> visits, List<String> groupNames) {
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

  static double[] identity(int m) {
    double[] id = new double[m * m];
    for (int a = 0; a < m; a++) {
      id[a * m + a] = 1;
    }
    return id;
  }

  /** The coefficient vector L of the LS mean of arm {@code a} at visit {@code v}. */
  double[] lsMeanVector(int a, int v) {
    return x.at(Map.of(arm, a, visit, v));
  }

  /**
   * The design row of arm {@code a} at visit {@code v} with the baseline at {@code base}, other factors at
   * equal level weights and other numeric covariates at their mean (the mean of a subject with that
   * baseline, for conditional mean imputation).
   */
  double[] rowAt(int a, int v, double base) {
    Term.Point point = new org.trialstat.stats.design.Term.Point() {
      @Override
      public double[] weights(Factor f) {
        return f == arm ? f.at(a) : f == visit ? f.at(v) : f.balanced();
      }

      @Override
      public double value(Numeric n) {
        return "baseline".equals(n.name()) ? base : x.mean(n);
      }
    };
    double[] out = new double[p];
    for (Term t : x.terms()) {
      t.codeAt(point, out, x.offset(t));
    }
    return out;
  }
}
