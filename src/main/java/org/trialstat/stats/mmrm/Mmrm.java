package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceFit;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimation;
import org.trialstat.model.LsMean;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;

/**
 * Mixed model for repeated measures (MMRM) with an unstructured within-subject covariance, fitted by
 * REML, as recommended for the primary analysis of longitudinal clinical trials by Mallinckrodt et al.
 * (2008), "Recommendations for the primary analysis of continuous endpoints in longitudinal clinical
 * trials", Drug Information Journal 42:303-319.
 *
 * <h2>Model</h2>
 * y_ij = x_ij' beta + e_ij for subject i at visit j, e_i ~ N(0, Sigma_i), Sigma_i the rows and columns
 * of one T x T unstructured matrix Sigma at the visits subject i has (subjects are independent; missing
 * visits are simply absent, i.e. missing at random). Fixed effects, 0/1 reference coding, covariates
 * unscaled: intercept + arm + visit + arm:visit (+ baseline + baseline:visit when a baseline is given)
 * + covariates. The control arm and the first visit are the reference levels; a categorical covariate's
 * reference level is its first level in sorted ({@link String#compareTo}) order, as R's
 * {@code contr.treatment} (SAS uses the last level; the choice changes neither LS means, contrasts nor
 * the REML likelihood). This is SAS {@code PROC MIXED; CLASS ...; MODEL y = arm visit arm*visit
 * [base base*visit] covariates / DDFM=SATTERTH; REPEATED visit / SUBJECT=id TYPE=UN;} and R
 * {@code nlme::gls(y ~ arm * visit [+ base * visit] + ..., correlation = corSymm(), weights =
 * varIdent(~ 1 | visit), method = "REML")} or {@code mmrm::mmrm(... + us(visit | id))}.
 *
 * <h2>Estimation</h2>
 * -2 REML log-likelihood (Patterson &amp; Thompson 1971; Harville 1977), including the (n - p) log(2 pi)
 * constant so that it equals SAS "-2 Res Log Like" and -2 * logLik of R's gls/mmrm:
 * (n - p) log(2 pi) + sum_i log|Sigma_i| + log|X' V^-1 X| + r' V^-1 r. Sigma = L L' with L lower
 * triangular and log-diagonal (the log-Cholesky parametrisation of Pinheiro &amp; Bates 1996), so every
 * iterate is positive definite. Newton-Raphson with the analytic gradient and observed Hessian of the
 * REML criterion (Jennrich &amp; Schluchter 1986, Biometrics 42:805-820; Lindstrom &amp; Bates 1988, JASA
 * 83:1014-1022), falling back to Fisher scoring (expected information) when the Hessian is not positive
 * definite, with step halving; if that stalls, a Nelder-Mead simplex (commons-math3) restarts it.
 * Starting values: the pairwise covariance of the OLS residuals, correlations shrunk toward 0 until
 * positive definite. Convergence: g' H^-1 g / |-2 l_R| &lt; 1e-20, or at most three further Newton steps
 * once it is below 1e-8 (SAS's default relative-Hessian criterion, which stops there). Subjects sharing a missingness pattern share one factorisation, and the
 * pattern sums X_i' A X_i come from per-pattern sufficient statistics, so the cost per iteration does
 * not grow with the number of subjects.
 *
 * <h2>SAS-compatible stopping ({@link Convergence#SAS})</h2>
 * SAS PROC MIXED stops earlier, and its printed results are those of that stopping point, slightly
 * before the optimum. With {@link Convergence#SAS} the fit follows SAS's documented default path
 * (SAS/STAT User's Guide, PROC MIXED, "Computational Issues" and "Iteration History"):
 * <ol>
 * <li>Starting values: MIVQUE0 (Rao 1971, J Multivariate Anal 1:445-456 and 1972, JASA 67:112-115;
 * Giesbrecht 1989), the minimum-variance quadratic unbiased estimator at the prior V0 = I. With only
 * R-side parameters, V = sum_k sigma_k V_k (V_k the 0/1 pattern of sigma_ab), and the MIVQUE0
 * equations are sum_l tr(M V_k M V_l) sigma_l = r' V_k r, with M = I - X (X'X)^- X' and r = M y
 * the OLS residuals: a moment estimator from the OLS residuals corrected for their leverage. Since
 * M is the REML projection P at V = I, the matrix is the expected information F(I) of -2 l_R there
 * and r' V_k r = (F(I) sigma_I)_k - g_k(I), so MIVQUE0 is one Fisher-scoring step from V = I.</li>
 * <li>Newton-Raphson on the covariance elements sigma_ab themselves, with the observed Hessian H
 * (no log-Cholesky parametrisation); a step that leaves Sigma not positive definite or raises
 * -2 l_R is retried with a ridge H + lambda I, lambda growing tenfold (SAS's "ridge-stabilized"
 * Newton-Raphson; SAS's exact ridge rule is not documented, so paths that need it may differ).</li>
 * <li>After each iteration (at least one), stop when g' H^-1 g / |f| &lt; 1e-8 (SAS CONVH default), g
 * and H at the new iterate and f = -2 l_R minus its (n - p) log(2 pi) constant (g' g / |f| when H
 * is not positive definite); at most 50 iterations (SAS MAXITER default).</li>
 * </ol>
 * On fev_data this gives SAS's iteration history exactly: -2 l_R 3386.46126144 after iteration 1
 * (criterion 9.27e-6) and 3386.44987722 after iteration 2 (5.0e-9), and with it every printed LS
 * mean, SE and contrast. The reported criterion is SAS's (without the constant). If the path cannot
 * start (MIVQUE0 not positive definite) or does not converge within 50 iterations, the fit falls back
 * to the {@link Convergence#OPTIMUM} optimiser and the method string says so.
 *
 * <h2>LS means, contrasts and df</h2>
 * The LS mean of arm a at visit v is L beta with categorical covariate levels weighted equally (SAS
 * LSMEANS and emmeans defaults) or, with {@link LsMeansWeights#PROPORTIONAL}, by their share of the
 * observations used (SAS OM, emmeans {@code weights = "proportional"}), and numeric covariates
 * (baseline) at their mean over the observations used. Contrasts are treatment minus control at each visit. SE = sqrt(L C L'), C = (X' V^-1 X)^-1
 * (the model-based, not bias-corrected, covariance), or with {@link DdfMethod#KENWARD_ROGER}
 * sqrt(L Phi_A L') with Kenward &amp; Roger's adjusted covariance (package-private class {@code KenwardRoger}). Denominator df:
 * {@link DdfMethod#SATTERTHWAITE} (Satterthwaite 1946, Biometrics Bulletin 2:110-114; as SAS
 * DDFM=SATTERTH and R mmrm): df = 2 (L C L')^2 / (g' A g), g_k = L (dC/d sigma_k) L', A = 2 H^-1 with H
 * the observed Hessian of -2 l_R in the sigma parametrisation (the df is invariant to the
 * parametrisation at the optimum); or {@link DdfMethod#RESIDUAL}: n - rank(X). CI: estimate +/- t(df)
 * SE; p two-sided from t(df). {@link DdfMethod#KENWARD_ROGER} (Kenward &amp; Roger 1997,
 * Biometrics 53:983-997; SAS DDFM=KR): the Satterthwaite df above (for a single-row contrast KR's m
 * equals it and lambda = 1) with the adjusted SE.
 *
 * <h2>Other covariance structures</h2>
 * {@link #fit(MmrmInput, DdfMethod, double, Convergence, CovarianceSettings)} fits any
 * {@link org.trialstat.model.CovarianceStructure} (CS, CSH, AR(1), ARH(1), TOEP, TOEPH, ANTE(1) as SAS
 * names them), by REML or ML, optionally one matrix per arm (SAS {@code GROUP=}), with a fallback order:
 * {@link Estimability} answers data that cannot support a structure at once, {@link StructuredFit}
 * fits the others, {@link CovarianceSelection} records what was tried; AIC, AICC and BIC as SAS prints
 * them ({@link InformationCriteria}). The model terms come from {@link org.trialstat.stats.design}.
 *
 * <h2>Data conditions</h2>
 * Never throws for data problems: an arm without observations at a visit (rank-deficient design), a
 * visit without observations, two visits never observed in the same subject, a collinear covariate, too
 * few observations, a duplicate subject-visit, a covariance matrix or Hessian that is not positive
 * definite at convergence, or non-convergence all give {@code converged = false}, NaN numbers and a
 * reason naming the visit, arm or term.
 */
public final class Mmrm {

  private Mmrm() {
  }

  /**
   * Fits the MMRM and returns LS means and treatment - control contrasts at every visit.
   *
   * @param input     the long-format data
   * @param ddf       denominator degrees-of-freedom method
   * @param confLevel confidence level of the intervals, in (0, 1)
   * @return the fit; {@code reason} non-null when it could not be estimated or did not converge.
   *         LS means are ordered by visit (visitOrder), then arm (armOrder); comparisons by treatment
   *         arm (armOrder, control skipped), then visit
   * @throws IllegalArgumentException if confLevel is outside (0, 1) or an argument is null
   */
  public static MmrmResult fit(MmrmInput input, DdfMethod ddf, double confLevel) {
    return fit(input, ddf, confLevel, Convergence.OPTIMUM);
  }

  /**
   * Fits the MMRM with the given stopping rule; {@link #fit(MmrmInput, DdfMethod, double)} uses
   * {@link Convergence#OPTIMUM}.
   *
   * @param input       the long-format data
   * @param ddf         denominator degrees-of-freedom method
   * @param confLevel   confidence level of the intervals, in (0, 1)
   * @param convergence where the REML optimisation stops
   * @return as {@link #fit(MmrmInput, DdfMethod, double)}
   * @throws IllegalArgumentException if confLevel is outside (0, 1) or an argument is null
   */
  public static MmrmResult fit(MmrmInput input, DdfMethod ddf, double confLevel, Convergence convergence) {
    return fit(input, ddf, confLevel, convergence, CovarianceSettings.DEFAULT);
  }

  /**
   * Fits the MMRM with the first covariance structure of {@code covariance.order()} that passes the
   * {@link Estimability} checks, converges and is positive definite; the result's
   * {@link MmrmResult#covariance()} names it and why each one before it was not used, and the method
   * string says so. {@link Convergence#SAS} applies to the unstructured REML matrix shared by all arms;
   * every other covariance is fitted by {@link StructuredFit}. {@link DdfMethod#KENWARD_ROGER} is
   * available for REML covariances shared by all arms (structured ones with KR's second-order term in
   * SAS's parameters, {@code KenwardRogerStructured}, as SAS DDFM=KR) except TOEP; for TOEP, by arm or
   * under ML it fails with that reason (no external reference to test it against).
   *
   * @param input       the long-format data
   * @param ddf         denominator degrees-of-freedom method
   * @param confLevel   confidence level of the intervals, in (0, 1)
   * @param convergence where the optimisation of the unstructured matrix stops
   * @param covariance  structures in fallback order, by arm or not, REML or ML
   * @return as {@link #fit(MmrmInput, DdfMethod, double)}
   * @throws IllegalArgumentException if confLevel is outside (0, 1) or an argument is null
   */
  public static MmrmResult fit(MmrmInput input, DdfMethod ddf, double confLevel, Convergence convergence,
      CovarianceSettings covariance) {
    return fit(input, ddf, confLevel, convergence, covariance, LsMeansWeights.EQUAL);
  }

  /**
   * As {@link #fit(MmrmInput, DdfMethod, double, Convergence, CovarianceSettings)}, with the LS means
   * averaging over factor covariates with {@code weights} (contrasts do not depend on them).
   *
   * @param weights equal (SAS LSMEANS, emmeans default) or proportional (SAS OM, emmeans "proportional")
   */
  public static MmrmResult fit(MmrmInput input, DdfMethod ddf, double confLevel, Convergence convergence,
      CovarianceSettings covariance, LsMeansWeights weights) {
    if (input == null || weights == null || ddf == null || convergence == null || covariance == null) {
      throw new IllegalArgumentException("input, ddf, convergence and covariance must not be null");
    }
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confLevel must be in (0, 1): " + confLevel);
    }
    Design d;
    try {
      d = Design.build(input, covariance.byArm(), weights);
    } catch (NotEstimableException e) {
      MmrmResult r = failure(input, e, method(covariance.order().get(0), covariance, ddf, convergence, ""),
          confLevel);
      // under ML the result says so even when nothing was fitted (REML results keep covariance null)
      return covariance.estimation() == Estimation.ML ? r.withCovariance(new CovarianceFit(null,
          covariance.byArm(), Estimation.ML.name(), List.of(), List.of(), Double.NaN, Double.NaN, Double.NaN,
          List.of())) : r;
    }
    return new CovarianceSelection(new FitRequest(d, ddf, confLevel, convergence), covariance).run();
  }

  /**
   * The method string: "MMRM (unstructured covariance, REML), Satterthwaite df" for the default, the
   * structure, "by arm", ML and the structures that failed before it otherwise.
   */
  static String method(CovarianceStructure s, CovarianceSettings cov, DdfMethod ddf, Convergence convergence,
      String fellBack) {
    String method = "MMRM (" + s.label() + " covariance" + (cov.byArm() ? " by arm" : "") + ", "
        + cov.estimation() + fellBack + "), " + ddf.label();
    if (convergence == Convergence.SAS && cov.unstructuredDefault(s)) {
      method += ", " + convergence.label();
    }
    return method;
  }

  /** The result of data the model cannot be fitted to. */
  private static MmrmResult failure(MmrmInput in, NotEstimableException e, String method, double confLevel) {
    return failure(in.armOrder(), in.visitOrder(), in.armOrder().indexOf(in.control()), e.cellCounts, e.subjects,
        e.observations, method, confLevel, Double.NaN, 0, Double.NaN, e.getMessage());
  }

  /** The result of a fit that failed after the design was built. */
  static MmrmResult failure(Design d, String method, double confLevel, double m2ll, int iterations,
      double criterion, String reason) {
    return failure(d.arms, d.visits, d.controlArm, d.cellCounts, d.nSubjects, d.nObs, method, confLevel, m2ll,
        iterations, criterion, reason);
  }

  private static MmrmResult failure(List<String> arms, List<String> visits, int control, int[][] cellCounts,
      int subjects, int observations, String method, double confLevel, double m2ll, int iterations,
      double criterion, String reason) {
    List<LsMean> ls = new ArrayList<>();
    for (int v = 0; v < visits.size(); v++) {
      for (int a = 0; a < arms.size(); a++) {
        int n = cellCounts == null ? 0 : cellCounts[a][v];
        ls.add(new LsMean(arms.get(a), visits.get(v), n, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, confLevel));
      }
    }
    List<VisitContrast> cmp = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      if (a == control) {
        continue;
      }
      for (int v = 0; v < visits.size(); v++) {
        cmp.add(new VisitContrast(arms.get(a), arms.get(control), visits.get(v),
            Difference.notEstimable(contrastMethod(method), confLevel, reason)));
      }
    }
    return new MmrmResult(method, m2ll, false, iterations, criterion, subjects, observations, ls, cmp, reason);
  }

  static String contrastMethod(String method) {
    return "LS-mean difference, " + method;
  }
}
