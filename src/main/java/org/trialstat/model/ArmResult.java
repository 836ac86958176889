package org.trialstat.model;

import java.util.List;

/**
 * Per-arm results.
 *
 * @param arm       the arm's name
 * @param baseline  every participant with a baseline score
 * @param endpoint  every participant with an endpoint score
 * @param change    endpoint - baseline, participants with both (completers), with SE and t CI
 * @param binary    event rates of the binary endpoints that the data and settings define
 * @param quantiles median, quartiles and range of baseline, endpoint and change, or null
 * @param lsmeans   the arm's LS means from the ANCOVA and the MMRM, or null
 */
public record ArmResult(String arm, MeanSummary baseline, MeanSummary endpoint, MeanSummary change,
    List<Proportion> binaryRates, List<BinaryEndpoint> binaryEndpoints, Quantiles quantiles, LsMeans lsmeans) {

  public ArmResult {
    binaryRates = List.copyOf(binaryRates);
    binaryEndpoints = List.copyOf(binaryEndpoints);
  }

  /** Per-arm results without quantiles and LS means. */
  public ArmResult(String arm, MeanSummary baseline, MeanSummary endpoint, MeanSummary change,
      List<Proportion> binaryRates, List<BinaryEndpoint> binaryEndpoints) {
    this(arm, baseline, endpoint, change, binaryRates, binaryEndpoints, null, null);
  }

  /** The rate of one endpoint, or null when it is not defined for this analysis. */
  public Proportion rate(BinaryEndpoint endpoint) {
    int i = binaryEndpoints.indexOf(endpoint);
    return i < 0 ? null : binaryRates.get(i);
  }

  /** This result with the given LS means. */
  public ArmResult withLsMeans(LsMeans means) {
    return new ArmResult(arm, baseline, endpoint, change, binaryRates, binaryEndpoints, quantiles, means);
  }

  /** Median, quartiles and range of the three samples of an arm. */
  public record Quantiles(QuantileSummary baseline, QuantileSummary endpoint, QuantileSummary change) {
  }

  /**
   * The arm's LS means of the change at the endpoint.
   *
   * @param ancova from the ANCOVA fitted to all arms, or null when there is none (single arm)
   * @param mmrm   from the MMRM at the endpoint visit, or null when there is no MMRM
   */
  public record LsMeans(ArmLsMean ancova, ArmLsMean mmrm) {
  }
}
