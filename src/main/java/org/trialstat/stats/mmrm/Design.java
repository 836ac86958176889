package org.trialstat.stats.mmrm;

import java.util.List;
import java.util.Map;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Numeric;
import org.trialstat.stats.design.Term;

/**
 * The fixed-effects design of the MMRM, built from an {@link MmrmInput} by {@link DesignBuilder} (the
 * model terms, their order and R names are listed there): the design matrix, the subjects grouped by
 * missingness pattern ({@link Patterns}) and what the fit and its checks need to know of them.
 * Immutable once built.
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

  Design(Selection s, DesignMatrix x, Factor arm, Factor visit, List<Pattern> patterns, int nSubjects,
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
        Patterns.together(patterns, d.visits, null), d.lsWeights);
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
    return DesignBuilder.build(in, byArm, weights);
  }

  /** The m x m identity matrix, row-major. */
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
