package org.trialstat.stats.mmrm;

/**
 * AIC, AICC and BIC as SAS PROC MIXED prints them under "Fit Statistics" (SAS/STAT User's Guide, PROC
 * MIXED, "Information Criteria"): with f = -2 l (-2 Res Log Likelihood under REML), d the number of
 * covariance parameters under REML and covariance parameters + rank(X) under ML, s the number of
 * subjects and n* = n - rank(X) under REML, n under ML:
 * <pre>
 *   AIC = f + 2d,   AICC = f + 2d n* / (n* - d - 1),   BIC = f + d log(s)
 * </pre>
 * NaN
 * when n* - d - 1 &lt;= 0 for AICC.
 *
 * @param aic  Akaike's criterion
 * @param aicc the small-sample corrected AIC of Hurvich &amp; Tsai (1989)
 * @param bic  Schwarz's Bayesian criterion
 */
record InformationCriteria(double aic, double aicc, double bic) {

  /**
   * @param m2ll         -2 (restricted) log-likelihood, constant included
   * @param covariance   number of covariance parameters
   * @param fixed        rank of X
   * @param observations n
   * @param subjects     s
   * @param ml           true under maximum likelihood
   */
  static InformationCriteria of(double m2ll, int covariance, int fixed, int observations, int subjects, boolean ml) {
    int d = ml ? covariance + fixed : covariance;
    int nStar = ml ? observations : observations - fixed;
    double aicc = nStar - d - 1 > 0 ? m2ll + 2.0 * d * nStar / (nStar - d - 1) : Double.NaN;
    return new InformationCriteria(m2ll + 2.0 * d, aicc, m2ll + d * Math.log(subjects));
  }
}
