package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.model.LsMeansWeights;
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
 * order; last, {@code visit:COL} for each covariate {@link Covariate#byVisit() by visit}, in covariate
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
  /** How LS means average over factor covariates. */
  private final LsMeansWeights lsWeights;

  /**
   * Memory bound of a design, in doubles (8 bytes each): the design rows (observations x columns) and
   * each p x p matrix of the fit. 2e7 doubles = 160 MB.
   */
  static final long MAX_DOUBLES = 20_000_000L;

  private Design(Selection s, DesignMatrix x, Factor arm, Factor visit, List<Pattern> patterns, int nSubjects,
      int groups, String neverTogether, LsMeansWeights lsWeights) {
    this(s.visits, s.arms, s.controlArm, x, arm, visit, patterns, s.nObs, nSubjects, s.cellCounts, groups,
        neverTogether, lsWeights);
  }

  /**
   * The same design with other patterns, cell counts and totals: a subsample of the subjects
   * ({@link LeaveOneOut}); the covariance is not by arm.
   */
  Design(Design d, List<Pattern> patterns, int[][] cellCounts, int nObs, int nSubjects) {
    this(d.visits, d.arms, d.controlArm, d.x, d.arm, d.visit, patterns, nObs, nSubjects, cellCounts, 1,
        together(patterns, d.visits, null), d.lsWeights);
  }

  private Design(List<String> visits, List<String> arms, int controlArm, DesignMatrix x, Factor arm, Factor visit,
      List<Pattern> patterns, int nObs, int nSubjects, int[][] cellCounts, int groups, String neverTogether,
      LsMeansWeights lsWeights) {
    this.lsWeights = lsWeights;
    this.visits = visits;
    this.arms = arms;
    this.controlArm = controlArm;
    this.nVisits = visits.size();
    this.x = x;
    this.p = x.columns();
    this.arm = arm;
    this.visit = visit;
    this.patterns = List.copyOf(patterns);
    this.nObs = nObs;
    this.nSubjects = nSubjects;
    this.cellCounts = cellCounts;
    this.groups = groups;
    this.neverTogether = neverTogether;
    this.groupSubjects = new int[groups];
    for (Pattern pt : patterns) {
      groupSubjects[pt.group] += pt.n;
    }
  }

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
    return build(in, byArm, LsMeansWeights.EQUAL);
  }

  /**
   * Builds the design, with one covariance group per arm when {@code byArm}, LS means averaging over
   * factor covariates with {@code weights}.
   *
   * @throws NotEstimableException as {@link #build(MmrmInput, boolean)}
   */
  static Design build(MmrmInput in, boolean byArm, LsMeansWeights weights) throws NotEstimableException {
    Selection s = Selection.of(in);
    Selection.Subjects bySubject = s.subjects(in);
    int nSubjects = bySubject.count();
    int[][] cells = s.cellCounts;
    String magnitude = magnitudeProblem(in);
    if (magnitude != null) {
      throw new NotEstimableException(magnitude, cells, s.nObs, nSubjects);
    }

    Factor arm = Factor.of("arm", s.arms, s.controlArm, s.obsArm);
    Factor visit = Factor.of("visit", s.visits, 0, s.obsVisit);
    List<Term> terms = new ArrayList<>(List.of(new Intercept(), arm, visit, new Interaction(visit, arm)));
    List<Term> interactions = new ArrayList<>();
    if (in.baseline() != null) {
      Numeric base = new Numeric("baseline", in.baseline());
      terms.add(base);
      terms.add(new Interaction(visit, base));
    }
    for (Covariate c : in.covariates()) {
      Term term = c.categorical() ? Factor.sorted(c.name(), c.values(), s.rows)
          : new Numeric(c.name(), numeric(c, s.rows, cells, s.nObs, nSubjects));
      terms.add(term);
      if (c.byVisit()) {
        interactions.add(new Interaction(visit, term));
      }
    }
    terms.addAll(interactions);
    DesignMatrix x = DesignMatrix.of(terms, s.rows);
    int p = x.columns();
    if (s.nObs <= p) {
      throw new NotEstimableException(String.format(Locale.ROOT, "too few observations (%d) for %d fixed effects",
          s.nObs, p), cells, s.nObs, nSubjects);
    }
    String tooLarge = String.format(Locale.ROOT, "the model is too large to fit: %d observations "
        + "x %d fixed effects (design rows %.0f MB, limit %d MB); use fewer visits or arms", s.nObs, p,
        8.0 * s.nObs * p / 1e6, 8 * MAX_DOUBLES / 1_000_000);
    if ((long) p * p > MAX_DOUBLES / 8) {
      throw new NotEstimableException(tooLarge, cells, s.nObs, nSubjects);
    }
    int groups = byArm ? s.arms.size() : 1;
    List<Pattern> patterns;
    try {
      // the distinct design rows are bounded, not the observations x columns (see Pattern)
      patterns = patterns(bySubject, s.obsVisit, byArm ? s.obsArm : null, x, in.y());
    } catch (DesignRows.TooLarge e) {
      throw new NotEstimableException(tooLarge, cells, s.nObs, nSubjects);
    }
    String never = together(patterns, s.visits, byArm ? s.arms : null);
    String why = never == null ? aliased(patterns, x) : null;
    if (why != null) {
      throw new NotEstimableException(why, cells, s.nObs, nSubjects);
    }
    return new Design(s, x, arm, visit, patterns, nSubjects, groups, never, weights);
  }

  /**
   * Why the fixed effects are not of full column rank (sequential Cholesky of X'X in column order names
   * the first aliased column), or null.
   */
  static String aliased(List<Pattern> patterns, DesignMatrix x) {
    int p = x.columns();
    double[] xtx = new double[p * p];
    for (Pattern pt : patterns) {
      pt.addXtAX(identity(pt.m), xtx);
    }
    String aliased = x.firstAliased(xtx);
    return aliased == null ? null
        : "fixed effects are not estimable: " + aliased + " is collinear with the preceding terms";
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
    return patterns(new Selection.Subjects(all, start), obsVisit, obsGroup, x, y);
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
   * @throws DesignRows.TooLarge when the distinct rows would pass {@link #MAX_DOUBLES}
   */
  static List<Pattern> patterns(Selection.Subjects bySubject, int[] obsVisit, int[] obsGroup, DesignMatrix x,
      double[] y) {
    int p = x.columns();
    int[] obs = bySubject.obs(); // sorted by visit within each subject, in place
    int[] start = bySubject.start();
    Map<Key, Integer> index = new HashMap<>();
    List<Key> keys = new ArrayList<>();
    List<int[]> members = new ArrayList<>(); // subjects of each pattern: [count, s0, s1, ...]
    for (int s = 0; s < bySubject.count(); s++) {
      int from = start[s];
      int to = start[s + 1];
      sortByVisit(obs, from, to, obsVisit);
      int[] pv = new int[to - from];
      for (int a = 0; a < pv.length; a++) {
        pv[a] = obsVisit[obs[from + a]];
      }
      Key key = new Key(obsGroup == null ? 0 : obsGroup[obs[from]], pv);
      Integer t = index.get(key);
      if (t == null) {
        t = keys.size();
        index.put(key, t);
        keys.add(key);
        members.add(new int[] {0, 0, 0, 0});
      }
      int[] mem = members.get(t);
      if (mem[0] + 1 == mem.length) {
        mem = Arrays.copyOf(mem, mem.length * 2);
        members.set(t, mem);
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

  static double[] identity(int m) {
    double[] id = new double[m * m];
    for (int a = 0; a < m; a++) {
      id[a * m + a] = 1;
    }
    return id;
  }

  /**
   * The coefficient vector L of the LS mean of arm {@code a} at visit {@code v}, factor covariates
   * averaged with the design's LS-means weights.
   */
  double[] lsMeanVector(int a, int v) {
    return x.at(Map.of(arm, a, visit, v), lsWeights);
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
