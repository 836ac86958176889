package org.trialstat.model;

import java.util.List;
import java.util.Objects;

/**
 * The covariance model of an MMRM fit.
 *
 * @param order      structures to try, in order: the first that can be estimated, converges and is
 *                   positive definite is used (a SAP's fallback order, for example un, toeph, ar1h, cs)
 * @param byArm      a separate matrix per arm (SAS {@code REPEATED / GROUP=arm})
 * @param estimation REML or ML
 */
public record CovarianceSettings(List<CovarianceStructure> order, boolean byArm, Estimation estimation) {

  /** The unstructured matrix, one for all arms, REML: trialstat's default. */
  public static final CovarianceSettings DEFAULT = new CovarianceSettings(List.of(CovarianceStructure.UN), false,
      Estimation.REML);

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException when the order is empty or repeats a structure
   */
  public CovarianceSettings {
    Objects.requireNonNull(estimation, "estimation");
    order = List.copyOf(order);
    if (order.isEmpty() || order.stream().distinct().count() != order.size()) {
      throw new IllegalArgumentException("the covariance order must name each structure once: " + order);
    }
  }

  /** True for the unstructured REML matrix shared by all arms (the default, with its own optimiser). */
  public boolean unstructuredDefault(CovarianceStructure s) {
    return s == CovarianceStructure.UN && !byArm && estimation == Estimation.REML;
  }
}
