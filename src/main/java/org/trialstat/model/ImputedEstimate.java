package org.trialstat.model;

/**
 * One pooled estimate of an imputation analysis.
 *
 * @param kind     "difference" (treatment - control) or "ls_mean"
 * @param arm      the arm (the treatment arm of a difference)
 * @param versus   the control arm of a difference, "" for an LS mean
 * @param visit    the visit
 * @param delta    the tipping-point shift added to imputed values (0 without one)
 * @param estimate the point estimate (from the full data)
 * @param se       the standard error
 * @param lower    lower confidence limit
 * @param upper    upper confidence limit
 * @param level    confidence level
 * @param p        two-sided p value (of 0 for a difference; of 0 for an LS mean, as rbmi prints)
 * @param df       degrees of freedom of the interval and p: Barnard-Rubin df under Rubin's rules,
 *                 infinite for normal-approximation methods, NaN for the percentile bootstrap
 * @param method   the method's name
 * @param reason   why it is not estimable, or null
 */
public record ImputedEstimate(String kind, String arm, String versus, String visit, double delta,
    double estimate, double se, double lower, double upper, double level, double p, double df, String method,
    String reason) {

  /** An estimate with a normal-approximation interval (infinite df), as conditional mean imputation gives. */
  public ImputedEstimate(String kind, String arm, String versus, String visit, double delta, double estimate,
      double se, double lower, double upper, double level, double p, String method, String reason) {
    this(kind, arm, versus, visit, delta, estimate, se, lower, upper, level, p, Double.POSITIVE_INFINITY, method,
        reason);
  }
}
