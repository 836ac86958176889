package org.trialstat.model;

/**
 * The stratified analysis of one binary endpoint, treatment versus control, over the randomization
 * strata: Cochran-Mantel-Haenszel test, Mantel-Haenszel common effects and the tests of homogeneity of
 * the odds ratio.
 *
 * <p>As an {@link EffectValue}, its method is the CMH test's, its estimate and interval those of the
 * Mantel-Haenszel odds ratio and its p the continuity-corrected CMH p, as R's {@code mantelhaen.test}
 * prints them; writers show every part.
 *
 * @param strata             number of strata given
 * @param strataUsed         number of strata with both arms, which carry the information
 * @param cmh                CMH test with continuity correction (R's {@code mantelhaen.test} default)
 * @param cmhUncorrected     CMH test without continuity correction
 * @param riskDifference     Mantel-Haenszel risk difference, Sato / Greenland-Robins variance
 * @param riskRatio          Mantel-Haenszel risk ratio, Greenland-Robins variance
 * @param oddsRatio          Mantel-Haenszel odds ratio, Robins-Breslow-Greenland variance
 * @param breslowDay         Breslow-Day test of homogeneity of the odds ratios
 * @param tarone             Breslow-Day test with Tarone's correction
 * @param note               strata left out and why, or null
 */
public record StratifiedBinaryResult(int strata, int strataUsed, ChiSquareTest cmh,
    ChiSquareTest cmhUncorrected, WaldEffect riskDifference, WaldEffect riskRatio, WaldEffect oddsRatio,
    ChiSquareTest breslowDay, ChiSquareTest tarone, String note) implements Headlined {

  /** The Mantel-Haenszel odds ratio (its estimate and interval). */
  @Override
  public WaldEffect headline() {
    return oddsRatio;
  }

  @Override
  public String method() {
    return cmh.method();
  }

  @Override
  public double p() {
    return cmh.p();
  }
}
