package org.trialstat.model;

import java.util.List;

/**
 * The result of a mixed model for repeated measures (MMRM) fit.
 *
 * @param method               what was fitted, for example "MMRM, unstructured covariance, REML,
 *                             Satterthwaite df"
 * @param minus2RemlLogLik     -2 REML log-likelihood including the (n - p) log(2 pi) constant (as SAS
 *                             PROC MIXED "-2 Res Log Like" and R nlme::gls), or NaN
 * @param converged            true when the optimiser met its convergence criterion at a positive
 *                             definite covariance matrix
 * @param iterations           optimiser iterations used
 * @param convergenceCriterion final relative criterion g' H^-1 g / |-2 l|, or NaN
 * @param subjects             number of subjects contributing observations
 * @param observations         number of observations used
 * @param lsmeans              LS means per arm and visit (empty when not estimable)
 * @param comparisons          treatment minus control at every visit (empty when not estimable)
 * @param reason               why the model could not be estimated or did not converge; null otherwise
 * @param covariance           the covariance structure used and those tried, or null when the design
 *                             itself could not be built under REML (under ML, {@code minus2RemlLogLik}
 *                             holds -2 log-likelihood, and {@link #ml()} says so)
 * @param contrastCovariances  per visit, the covariance of the treatment - control contrasts of
 *                             {@code comparisons} (empty when not estimable)
 */
public record MmrmResult(String method, double minus2RemlLogLik, boolean converged, int iterations,
    double convergenceCriterion, int subjects, int observations, List<LsMean> lsmeans,
    List<VisitContrast> comparisons, String reason, CovarianceFit covariance,
    List<ContrastCovariance> contrastCovariances) {

  /** Defensive copies of the lists. */
  public MmrmResult {
    lsmeans = List.copyOf(lsmeans);
    comparisons = List.copyOf(comparisons);
    contrastCovariances = List.copyOf(contrastCovariances);
  }

  /** A result without covariance details. */
  public MmrmResult(String method, double minus2RemlLogLik, boolean converged, int iterations,
      double convergenceCriterion, int subjects, int observations, List<LsMean> lsmeans,
      List<VisitContrast> comparisons, String reason) {
    this(method, minus2RemlLogLik, converged, iterations, convergenceCriterion, subjects, observations, lsmeans,
        comparisons, reason, null, List.of());
  }

  /** A converged result with the covariance of its contrasts, without covariance details. */
  public MmrmResult(String method, double minus2RemlLogLik, int iterations, double convergenceCriterion,
      int subjects, int observations, List<LsMean> lsmeans, List<VisitContrast> comparisons,
      List<ContrastCovariance> contrastCovariances) {
    this(method, minus2RemlLogLik, true, iterations, convergenceCriterion, subjects, observations, lsmeans,
        comparisons, null, null, contrastCovariances);
  }

  /**
   * True when the covariance parameters were estimated by maximum likelihood: then
   * {@link #minus2RemlLogLik()} holds -2 log-likelihood (JSON {@code minus2_loglik}), not -2 REML
   * log-likelihood.
   */
  public boolean ml() {
    return covariance != null && Estimation.ML.name().equals(covariance.estimation());
  }

  /** "-2 REML log-likelihood", or "-2 log-likelihood (ML)" under ML: words for the text outputs. */
  public String logLikLabel() {
    return ml() ? "-2 log-likelihood (ML)" : "-2 REML log-likelihood";
  }

  /** This result with the covariance details. */
  public MmrmResult withCovariance(CovarianceFit fit) {
    return new MmrmResult(method, minus2RemlLogLik, converged, iterations, convergenceCriterion, subjects,
        observations, lsmeans, comparisons, reason, fit, contrastCovariances);
  }

  /**
   * The covariance of the contrasts of {@code treatments} (each against the control) at {@code visit},
   * or null when the fit has none there.
   */
  public double[][] contrastCovariance(String visit, List<String> treatments) {
    for (ContrastCovariance c : contrastCovariances) {
      if (c.visit().equals(visit)) {
        return c.of(treatments);
      }
    }
    return null;
  }
}
