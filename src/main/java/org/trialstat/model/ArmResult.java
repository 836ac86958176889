package org.trialstat.model;

import java.util.List;

/**
 * Per-arm results.
 *
 * @param arm      the arm's name
 * @param baseline every participant with a baseline score
 * @param endpoint every participant with an endpoint score
 * @param change   endpoint - baseline, participants with both (completers), with SE and t CI
 * @param binary   event rates of the binary endpoints that the data and settings define
 */
public record ArmResult(String arm, MeanSummary baseline, MeanSummary endpoint, MeanSummary change,
    List<Proportion> binaryRates, List<BinaryEndpoint> binaryEndpoints) {

  public ArmResult {
    binaryRates = List.copyOf(binaryRates);
    binaryEndpoints = List.copyOf(binaryEndpoints);
  }

  /** The rate of one endpoint, or null when it is not defined for this analysis. */
  public Proportion rate(BinaryEndpoint endpoint) {
    int i = binaryEndpoints.indexOf(endpoint);
    return i < 0 ? null : binaryRates.get(i);
  }
}
