package org.trialstat.model;

import java.util.List;

/**
 * One entry of the sensitivity block of {@code analyze --sensitivity}: the treatment difference at the
 * endpoint under one estimand (docs/methods.md, "Sensitivity analyses").
 *
 * @param analysis  {@code mmrm} (the primary MMRM), {@code mar}, {@code jump_to_reference} or
 *                  {@code tipping_point}
 * @param estimand  the estimand in words (ICH E9(R1))
 * @param strategy  the assumption after the intercurrent event: MAR, JR, or "MAR + delta"
 * @param method    what was computed
 * @param treatment the treatment arm
 * @param control   the control arm
 * @param visit     the endpoint visit
 * @param delta     tipping point: the first delta of the grid at which p &gt;= 1 - confLevel (NaN when
 *                  significance is not lost over the grid); 0 for the other analyses
 * @param estimate  treatment - control (at {@code delta} for the tipping point), or NaN
 * @param se        standard error, or NaN
 * @param ciLow     lower confidence limit, or NaN
 * @param ciHigh    upper confidence limit, or NaN
 * @param confLevel confidence level
 * @param p         two-sided p value, or NaN
 * @param grid      tipping point: the estimate at every delta of the grid; empty otherwise
 * @param reason    why numbers are missing, or null
 */
public record SensitivityEstimate(String analysis, String estimand, String strategy, String method, String treatment,
    String control, String visit, double delta, double estimate, double se, double ciLow, double ciHigh,
    double confLevel, double p, List<Step> grid, String reason) {

  public SensitivityEstimate {
    grid = List.copyOf(grid);
  }

  /**
   * The tipping-point analysis at one delta.
   *
   * @param delta    the shift added to the imputed values
   * @param estimate treatment - control
   * @param se       standard error
   * @param p        two-sided p value
   */
  public record Step(double delta, double estimate, double se, double p) {
  }
}
