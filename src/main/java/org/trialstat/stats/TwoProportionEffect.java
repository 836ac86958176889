package org.trialstat.stats;

import org.trialstat.model.Estimate;

/**
 * An effect measure of two independent proportions, treatment versus control, with its confidence
 * interval: the risk difference ({@link RiskDifferenceInterval}) and the ratios ({@link RatioMeasure}).
 */
public interface TwoProportionEffect {

  /**
   * The method's name as it appears in results.
   *
   * @return the method name carried by every result of this method
   */
  String methodName();

  /**
   * The effect of treatment versus control with its confidence interval: the argument checks, the
   * answer for an empty arm, then the method's own {@link #ofNonEmptyArms}.
   *
   * @param eventsT   events in the treatment arm
   * @param nT        participants in the treatment arm
   * @param eventsC   events in the control arm
   * @param nC        participants in the control arm
   * @param confLevel confidence level in (0, 1)
   * @return the estimate; NaN numbers and a reason when not estimable (always when an arm is empty)
   * @throws IllegalArgumentException for a negative count, events above n or a level outside (0, 1)
   */
  default Estimate compute(int eventsT, int nT, int eventsC, int nC, double confLevel) {
    Arguments.checkCounts(eventsT, nT, "treatment arm");
    Arguments.checkCounts(eventsC, nC, "control arm");
    Arguments.checkConfLevel(confLevel);
    if (nT == 0 && nC == 0) {
      return Estimate.notEstimable(confLevel, methodName(), "no participants in either arm");
    }
    if (nT == 0 || nC == 0) {
      return Estimate.notEstimable(confLevel, methodName(),
          nT == 0 ? "no participants in the treatment arm" : "no participants in the control arm");
    }
    return ofNonEmptyArms(eventsT, nT, eventsC, nC, confLevel);
  }

  /**
   * The method's own computation, which {@link #compute} calls once the counts and the level are valid
   * and both arms have participants. Callers use {@link #compute}: this one does not check its arguments.
   *
   * @return the estimate, as {@link #compute}
   */
  Estimate ofNonEmptyArms(int eventsT, int nT, int eventsC, int nC, double confLevel);
}
