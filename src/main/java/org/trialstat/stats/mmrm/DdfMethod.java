package org.trialstat.stats.mmrm;

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
  RESIDUAL("residual df");

  private final String label;

  DdfMethod(String label) {
    this.label = label;
  }

  /** Human-readable name used in method strings, for example "Satterthwaite df". */
  public String label() {
    return label;
  }
}
