package org.trialstat.model;

import java.util.List;

/**
 * The result of {@code trialstat impute} for one file.
 *
 * @param file       the input's name
 * @param control    the control arm
 * @param baseline   the baseline visit
 * @param visits     the analysed visits
 * @param method     the method's name
 * @param strategies per strategy, how many participants follow it from an intercurrent event
 * @param references per arm, its reference arm
 * @param confLevel  confidence level
 * @param estimates  per delta, per visit: differences (treatment - control) and LS means
 * @param tipping    per treatment arm and visit, the smallest delta at which p &gt;= 1 - confLevel, or
 *                   NaN when significance is not lost over the deltas given (only with several deltas)
 * @param rows       row accounting
 * @param draws      the draws of a random method, null for the deterministic condmean-jackknife
 */
public record ImputeResult(String file, String control, String baseline, List<String> visits, String method,
    java.util.Map<String, Integer> strategies, java.util.Map<String, String> references, double confLevel,
    List<ImputedEstimate> estimates, List<TippingPoint> tipping, RowAccounting rows, Draws draws) {

  /**
   * The settings of a random method.
   *
   * @param draws    bootstrap samples (condmean-bootstrap) or imputations (approx-bayes)
   * @param seed     the seed
   * @param interval the bootstrap interval, null for approx-bayes
   */
  public record Draws(int draws, long seed, BootstrapInterval interval) {
  }

  /**
   * Where a tipping-point analysis loses significance.
   *
   * @param treatment the treatment arm
   * @param visit     the visit
   * @param delta     the first delta (in the order given) at which the p value is at least 1 - confLevel,
   *                  NaN when none is
   */
  public record TippingPoint(String treatment, String visit, double delta) {
  }
}
