package org.trialstat.stats;

import java.util.Objects;
import org.trialstat.model.BinaryComparison;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.Estimate;
import org.trialstat.model.Proportion;

/**
 * Every statistic of one binary endpoint for one treatment-versus-control comparison, in one call:
 *
 * <ul>
 *   <li>each arm's rate with its {@link ProportionInterval#WILSON Wilson score} interval;</li>
 *   <li>risk difference (treatment - control) with
 *       {@link RiskDifferenceInterval#NEWCOMBE_HYBRID_SCORE Newcombe's hybrid score} interval;</li>
 *   <li>{@link RatioMeasure#RISK_RATIO risk ratio} (Katz log interval) and
 *       {@link RatioMeasure#ODDS_RATIO odds ratio} (Woolf logit interval), treatment over control, with
 *       0.5 added to every cell when a cell is 0;</li>
 *   <li>{@link NumberNeededToTreat NNT} = 1 / RD (Altman 1998);</li>
 *   <li>{@link FisherExact Fisher's exact} two-sided p.</li>
 * </ul>
 *
 * <p>These are the definitions of the project's R reference values ({@code prop.test(correct = FALSE)},
 * Newcombe method 10, {@code fisher.test}). Nothing here throws for data conditions; see each class for
 * what is NaN when and why.
 */
public final class BinaryEndpointComparison {

  private BinaryEndpointComparison() {
  }

  /**
   * Compares one binary endpoint between a treatment arm and a control arm.
   *
   * @param endpoint  which endpoint the counts are for
   * @param eventsT   participants with the event in the treatment arm
   * @param nT        participants in the treatment arm (the endpoint's denominator)
   * @param eventsC   participants with the event in the control arm
   * @param nC        participants in the control arm
   * @param confLevel confidence level in (0, 1) of every interval, for example 0.95
   * @return the comparison, never null
   * @throws NullPointerException     if {@code endpoint} is null
   * @throws IllegalArgumentException for a negative count, events above n or a level outside (0, 1)
   */
  public static BinaryComparison compare(BinaryEndpoint endpoint, int eventsT, int nT, int eventsC, int nC,
      double confLevel) {
    Objects.requireNonNull(endpoint, "endpoint");
    final Proportion treatment = ProportionInterval.WILSON.of(eventsT, nT, confLevel);
    final Proportion control = ProportionInterval.WILSON.of(eventsC, nC, confLevel);
    final Estimate rd = RiskDifferenceInterval.NEWCOMBE_HYBRID_SCORE.compute(eventsT, nT, eventsC, nC, confLevel);
    final Estimate rr = RatioMeasure.RISK_RATIO.compute(eventsT, nT, eventsC, nC, confLevel);
    final Estimate or = RatioMeasure.ODDS_RATIO.compute(eventsT, nT, eventsC, nC, confLevel);
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd);
    final double p = FisherExact.twoSidedP(eventsT, nT, eventsC, nC);
    return new BinaryComparison(endpoint, treatment, control, rd, rr, or, nnt, p);
  }
}
