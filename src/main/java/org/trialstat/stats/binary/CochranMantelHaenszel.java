package org.trialstat.stats.binary;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.trialstat.model.ChiSquareTest;

/**
 * The Cochran-Mantel-Haenszel test of no association between arm and a binary endpoint, conditional
 * on the strata, computed exactly as R's {@code mantelhaen.test} for 2 x 2 x K tables.
 *
 * <p>With, in stratum k, {@code a_k} treatment-arm events, arm sizes {@code nT_k, nC_k}, event totals
 * {@code m1_k = a_k + c_k}, {@code m2_k = N_k - m1_k}:
 *
 * <pre>
 *   Delta = sum_k (a_k - nT_k m1_k / N_k)
 *   V     = sum_k nT_k nC_k m1_k m2_k / (N_k^2 (N_k - 1))      (hypergeometric variance)
 *   X^2   = (|Delta| - c)^2 / V,   chi-squared on 1 df
 * </pre>
 *
 * with {@code c = 1/2} for {@link #CONTINUITY_CORRECTED} when {@code |Delta| >= 1/2} (else 0, as R) and
 * {@code c = 0} for {@link #UNCORRECTED}.
 *
 * <p><b>Exact deviation.</b> Delta is a sum of fractions {@code (a_k N_k - nT_k m1_k) / N_k}; it is
 * accumulated exactly (Commons Numbers {@code BigFraction}) and only {@code |Delta| - c} is rounded to
 * a double. The correction makes the statistic jump at {@code |Delta| = 1/2} (from
 * {@code 1 / (4V)} just below to 0 at it), so the comparison must be exact: R's
 * {@code mantelhaen.test} sums the terms in floating point and, for strata (2/2 vs 0/1) and
 * (0/7 vs 5/23), where Delta is exactly -1/2, gives 0 (p = 1) with the arms in one order and 0.2517
 * (p = 0.616) with them swapped, because the rounded sum falls just below 1/2
 * (src/test/resources/binary/make_cmh_boundary.R). This class gives 0 (p = 1) for both orders, R's
 * value for the first; away from the boundary the two agree to rounding.
 *
 * <p>References: Cochran WG. Some methods for strengthening the common chi-squared tests. Biometrics
 * 1954;10:417-451. Mantel N, Haenszel W. Statistical aspects of the analysis of data from retrospective
 * studies of disease. J Natl Cancer Inst 1959;22:719-748. Agresti A. Categorical Data Analysis, 3rd ed.
 * 2013, sec. 6.4.
 *
 * <p><b>Edge cases.</b> Strata with one arm only are left out with a note (they add 0 to Delta and V,
 * see {@link Strata}; R keeps them with the same result but refuses a stratum of one participant). With
 * no events or no non-events in any stratum V = 0 and the test is not estimable (R returns NaN). No
 * correction is made for zero cells: none is needed.
 *
 * <p><b>Defaults elsewhere.</b> R's default is {@code correct = TRUE}; SAS PROC FREQ's CMH statistic
 * ("nonzero correlation") has no continuity correction and equals {@link #UNCORRECTED}.
 */
public enum CochranMantelHaenszel {

  /** With Yates' continuity correction of 1/2, R's default. */
  CONTINUITY_CORRECTED("Cochran-Mantel-Haenszel chi-squared test with continuity correction") {
    @Override
    BigFraction excess(BigFraction absDelta) {
      return absDelta.compareTo(HALF) >= 0 ? absDelta.subtract(HALF) : absDelta;
    }
  },

  /** Without continuity correction (SAS PROC FREQ's CMH statistic). */
  UNCORRECTED("Cochran-Mantel-Haenszel chi-squared test without continuity correction") {
    @Override
    BigFraction excess(BigFraction absDelta) {
      return absDelta;
    }
  };

  private static final BigFraction HALF = BigFraction.of(1, 2);

  private final String methodName;

  CochranMantelHaenszel(String methodName) {
    this.methodName = methodName;
  }

  /**
   * The test over the given strata.
   *
   * @param tables one 2x2 table per stratum
   * @return the test; NaN numbers and a reason when not estimable; the note on left-out strata as
   *     reason otherwise (null when none was left out)
   */
  public ChiSquareTest test(List<StratumTable> tables) {
    Strata strata = Strata.of(tables);
    if (strata.used().isEmpty()) {
      return ChiSquareTest.notEstimable(methodName, "no stratum with both arms");
    }
    BigFraction delta = BigFraction.ZERO;
    double variance = 0;
    for (StratumTable t : strata.used()) {
      double n = t.total();
      delta = delta.add(BigFraction.of((long) t.eventsT() * (t.nT() + (long) t.nC())
          - (long) t.nT() * (t.eventsT() + (long) t.eventsC()), t.nT() + (long) t.nC()));
      variance += t.nT() * (double) t.nC() * t.events() * t.nonEvents() / (n * n * (n - 1));
    }
    if (!(variance > 0)) {
      return ChiSquareTest.notEstimable(methodName, "no events, or only events, in every stratum");
    }
    double excess = excess(delta.abs()).doubleValue();
    double statistic = excess * excess / variance;
    return new ChiSquareTest(methodName, statistic, 1, Wald.chiSquaredUpper(statistic, 1), strata.note());
  }

  /** {@code |Delta| - c}, exact: the deviation the statistic squares. */
  abstract BigFraction excess(BigFraction absDelta);
}
