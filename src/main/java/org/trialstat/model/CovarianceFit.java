package org.trialstat.model;

import java.util.List;

/**
 * The within-subject covariance of an MMRM fit: the structure used, its estimates in SAS's
 * parametrisation, the information criteria as SAS PROC MIXED prints them, and the structures tried
 * before it (the fallback order).
 *
 * @param structure  the structure used ({@code un}, {@code cs}, {@code csh}, {@code ar1}, {@code ar1h},
 *                   {@code toep}, {@code toeph}, {@code adh}), or null when none could be fitted
 * @param byArm      true for a separate matrix per arm (SAS {@code GROUP=})
 * @param estimation {@code REML} or {@code ML}
 * @param names      SAS's parameter names ({@code Var(1)}, {@code AR(1)}, {@code Residual}, ...), each
 *                   followed by {@code " "} and the arm when by arm
 * @param estimates  the estimates, in the order of {@code names}
 * @param aic        AIC (smaller is better), or NaN
 * @param aicc       AICC, or NaN
 * @param bic        BIC, or NaN
 * @param tried      every structure tried, in order, the last one the structure used when it was fitted
 */
public record CovarianceFit(String structure, boolean byArm, String estimation, List<String> names,
    List<Double> estimates, double aic, double aicc, double bic, List<Attempt> tried) {

  /** Defensive copies. */
  public CovarianceFit {
    names = List.copyOf(names);
    estimates = List.copyOf(estimates);
    tried = List.copyOf(tried);
  }

  /**
   * One structure tried.
   *
   * @param structure the structure's key
   * @param status    {@code fitted}, {@code not_estimable} (refused before fitting) or {@code failed}
   * @param reason    why it was not used, or null for the structure used
   */
  public record Attempt(String structure, String status, String reason) {
  }
}
