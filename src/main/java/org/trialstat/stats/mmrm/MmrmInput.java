package org.trialstat.stats.mmrm;

import java.util.List;
import java.util.Objects;

/**
 * Long-format data for an MMRM: one entry per observation, all lists and arrays of the same length.
 *
 * <p>Observations with a NaN outcome, a NaN baseline or a missing covariate value are dropped (the
 * model uses all remaining observations, that is it assumes data missing at random).
 *
 * @param subject    subject identifier of each observation
 * @param visit      visit of each observation; every visit must be listed in {@code visitOrder}
 * @param arm        arm of each observation; every arm must be listed in {@code armOrder}
 * @param y          outcome (for example change from baseline); NaN = missing
 * @param baseline   baseline value of each observation's subject, or null for a model without a
 *                   baseline covariate
 * @param covariates further covariates (may be empty)
 * @param visitOrder the visits in time order: the rows and columns of the unstructured covariance
 * @param armOrder   the arms in order of first appearance; LS means and comparisons follow this order
 * @param control    the reference arm, one of {@code armOrder}; comparisons are each other arm minus it
 */
public record MmrmInput(List<String> subject, List<String> visit, List<String> arm, double[] y,
    double[] baseline, List<Covariate> covariates, List<String> visitOrder, List<String> armOrder,
    String control) {

  /**
   * Checks the shape of the input.
   *
   * @throws IllegalArgumentException when lengths differ, control is not in armOrder, or armOrder /
   *                                  visitOrder are empty or repeat a name (programming errors, not data
   *                                  conditions)
   */
  public MmrmInput {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(visit, "visit");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(visitOrder, "visitOrder");
    Objects.requireNonNull(armOrder, "armOrder");
    Objects.requireNonNull(control, "control");
    covariates = covariates == null ? List.of() : List.copyOf(covariates);
    int n = y.length;
    if (subject.size() != n || visit.size() != n || arm.size() != n
        || (baseline != null && baseline.length != n)) {
      throw new IllegalArgumentException("subject, visit, arm, y and baseline must have the same length");
    }
    for (Covariate c : covariates) {
      if (c.values().size() != n) {
        throw new IllegalArgumentException("covariate " + c.name() + " has " + c.values().size()
            + " values for " + n + " observations");
      }
    }
    if (!armOrder.contains(control)) {
      throw new IllegalArgumentException("control arm " + control + " is not in armOrder " + armOrder);
    }
    if (visitOrder.isEmpty()) {
      throw new IllegalArgumentException("visitOrder is empty");
    }
    if (armOrder.isEmpty()) {
      throw new IllegalArgumentException("armOrder is empty");
    }
    if (new java.util.HashSet<>(armOrder).size() != armOrder.size()
        || new java.util.HashSet<>(visitOrder).size() != visitOrder.size()) {
      throw new IllegalArgumentException("armOrder and visitOrder must not repeat a name");
    }
  }
}
