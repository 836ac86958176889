package org.trialstat.model;

/**
 * How the denominator degrees of freedom of MMRM LS means and contrasts are computed.
 */
public enum DdfMethod {
  /**
   * Satterthwaite (1946) approximation, df = 2 (L C L')^2 / (g' A g), where C = cov(beta_hat), g is the
   * gradient of L C L' with respect to the covariance parameters and A = 2 H^-1 is the asymptotic
   * covariance of the REML covariance parameters (H = observed Hessian of -2 REML log-likelihood), as
   * SAS PROC MIXED DDFM=SATTERTHWAITE and R mmrm / emmeans(mode = "satterthwaite").
   */
  SATTERTHWAITE("Satterthwaite df"),
  /**
   * Residual df: number of observations minus rank of the fixed-effects design (SAS DDFM=RESIDUAL).
   * Note: R emmeans(mode = "df.error") on a gls fit additionally subtracts the number of covariance
   * parameters other than sigma.
   */
  RESIDUAL("residual df"),
  /**
   * Kenward &amp; Roger (1997, Biometrics 53:983-997), as SAS PROC MIXED DDFM=KR: the covariance of beta_hat
   * is the adjusted Phi_A = Phi + 2 Lambda (Kackar-Harville bias correction plus the variability of the
   * estimated covariance parameters; linear parametrisation by the elements sigma_ab of the unstructured
   * matrix, so KR's second-derivative terms vanish and DDFM=KR equals DDFM=KR(FIRSTORDER); W = 2 H^-1
   * from the observed Hessian, as SAS), and standard errors are sqrt(L Phi_A L'). For the single-row
   * contrasts and LS means reported here KR's F scaling is lambda = 1 and its df m equals the
   * Satterthwaite df computed from the unadjusted Phi (SAS and R mmrm do the same). R mmrm:
   * {@code mmrm(..., method = "Kenward-Roger", vcov = "Kenward-Roger-Linear")}; its default
   * {@code vcov = "Kenward-Roger"} keeps second-derivative terms of its Cholesky parametrisation and
   * differs slightly from SAS. Structured covariances, one matrix or one per arm (SAS {@code GROUP=}), use
   * SAS's own parameters with KR's second-order term (docs/methods.md has the coverage table). REML only:
   * under ML the fit is not estimable with the reason (R mmrm also refuses: "Kenward-Roger is only for REML").
   */
  KENWARD_ROGER("Kenward-Roger df and SE");

  private final String label;

  DdfMethod(String label) {
    this.label = label;
  }

  /** Human-readable name used in method strings, for example "Satterthwaite df". */
  public String label() {
    return label;
  }
}
