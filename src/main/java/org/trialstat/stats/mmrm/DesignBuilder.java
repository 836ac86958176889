package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Intercept;
import org.trialstat.stats.design.Interaction;
import org.trialstat.stats.design.Numeric;
import org.trialstat.stats.design.Term;

/**
 * How a {@link Design} is built from an {@link MmrmInput}: the observations selected
 * ({@link Selection}), the model terms and their design matrix, the subjects grouped by pattern
 * ({@link Patterns}), and the checks that decide whether the data can support the model (magnitudes,
 * numeric covariates, observations against fixed effects, bounded memory, full column rank).
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
final class DesignBuilder {

  private DesignBuilder() {
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

  /**
   * Builds the design, with one covariance group per arm when {@code byArm}, LS means averaging over
   * factor covariates with {@code weights}.
   *
   * @throws NotEstimableException as {@link Design#build(MmrmInput, boolean)}
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
        8.0 * s.nObs * p / 1e6, 8 * Design.MAX_DOUBLES / 1_000_000);
    if ((long) p * p > Design.MAX_DOUBLES / 8) {
      throw new NotEstimableException(tooLarge, cells, s.nObs, nSubjects);
    }
    int groups = byArm ? s.arms.size() : 1;
    List<Pattern> patterns;
    try {
      // the distinct design rows are bounded, not the observations x columns (see Pattern)
      patterns = Patterns.of(bySubject, s.obsVisit, byArm ? s.obsArm : null, x, in.y());
    } catch (DesignRows.TooLarge e) {
      throw new NotEstimableException(tooLarge, cells, s.nObs, nSubjects);
    }
    String never = Patterns.together(patterns, s.visits, byArm ? s.arms : null);
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
      pt.addXtAX(Design.identity(pt.m), xtx);
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
}
