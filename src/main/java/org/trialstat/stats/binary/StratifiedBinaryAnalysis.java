package org.trialstat.stats.binary;

import java.util.List;
import org.trialstat.model.StratifiedBinaryResult;

/**
 * The stratified analysis of one binary endpoint as a statistical analysis plan reports it: the
 * Cochran-Mantel-Haenszel test with and without continuity correction
 * ({@link CochranMantelHaenszel}), the Mantel-Haenszel risk difference, risk ratio and odds ratio
 * ({@link MantelHaenszelEstimator}) and the Breslow-Day test without and with Tarone's correction
 * ({@link BreslowDay}). One-arm strata are left out of all of them, with a note ({@link Strata}).
 */
public final class StratifiedBinaryAnalysis {

  private StratifiedBinaryAnalysis() {
  }

  /**
   * All stratified statistics of one comparison.
   *
   * @param tables    one 2x2 table per stratum (treatment and control arm of that stratum)
   * @param confLevel confidence level of the intervals, in (0, 1)
   * @return the result; each part carries its own reason when not estimable
   * @throws IllegalArgumentException for a level outside (0, 1)
   */
  public static StratifiedBinaryResult analyze(List<StratumTable> tables, double confLevel) {
    Strata strata = Strata.of(tables);
    return new StratifiedBinaryResult(strata.given(), strata.used().size(),
        CochranMantelHaenszel.CONTINUITY_CORRECTED.test(tables), CochranMantelHaenszel.UNCORRECTED.test(tables),
        MantelHaenszelEstimator.RISK_DIFFERENCE.estimate(tables, confLevel),
        MantelHaenszelEstimator.RISK_RATIO.estimate(tables, confLevel),
        MantelHaenszelEstimator.ODDS_RATIO.estimate(tables, confLevel),
        BreslowDay.UNCORRECTED.test(tables), BreslowDay.TARONE.test(tables), strata.note());
  }
}
