package org.trialstat.model;

/**
 * Where the REML optimisation of an MMRM stops.
 */
public enum Convergence {
  /**
   * The REML optimum, to rounding: Newton-Raphson / Fisher scoring on the log-Cholesky parametrisation
   * until g' H^-1 g / |-2 l_R| &lt; 1e-20 (or three Newton steps past 1e-8). Agrees with R (nlme::gls,
   * mmrm, a direct numDeriv fit) to about 1e-10. The default.
   */
  OPTIMUM("REML optimum"),
  /**
   * SAS PROC MIXED's default path, to reproduce its printed numbers: MIVQUE0 starting values (Rao 1971,
   * 1972), Newton-Raphson with the observed Hessian on the covariance elements sigma_ab themselves,
   * stopping after the first iteration whose relative Hessian criterion g' H^-1 g / |f| is below 1e-8
   * (SAS CONVH=1E-8; f is -2 l_R without the (n - p) log(2 pi) constant, as SAS prints it). SAS's
   * estimates then lie slightly before the optimum (on fev_data -2 l_R is 6.1e-6 above it and
   * estimates move by up to 1.2e-4); this rule lands on the same point.
   */
  SAS("SAS PROC MIXED stopping rule (MIVQUE0 start, Newton-Raphson on the covariance elements, "
      + "relative Hessian criterion < 1e-8)");

  private final String label;

  Convergence(String label) {
    this.label = label;
  }

  /** Human-readable name used in method strings. */
  public String label() {
    return label;
  }
}
