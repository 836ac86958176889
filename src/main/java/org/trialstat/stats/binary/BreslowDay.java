package org.trialstat.stats.binary;

import java.util.List;
import org.trialstat.model.ChiSquareTest;

/**
 * The Breslow-Day test of homogeneity of the odds ratios across strata, without and with Tarone's
 * correction; {@link #TARONE} is the test {@code metafor::rma.mh(measure = "OR")} prints as "Tarone's
 * Test for Heterogeneity", {@link #UNCORRECTED} its {@code BD} component.
 *
 * <p>With the Mantel-Haenszel common odds ratio {@code psi}, the expected treatment-arm events
 * {@code A_k} of stratum k are the root, within the margins, of
 * {@code A (nC - m1 + A) = psi (nT - A)(m1 - A)}, that is
 * {@code A = 2 nT m1 psi / (u + sqrt(u^2 - 4 nT m1 psi (psi - 1)))} with
 * {@code u = psi (nT + m1) + nC - m1} (the conjugate form of the quadratic root, free of cancellation
 * near {@code psi = 1}; the textbook form {@code (u - sqrt(...)) / (2 (psi - 1))} is used when
 * {@code u < 0}). With {@code v_k = 1 / (1/A + 1/(nT - A) + 1/(m1 - A) + 1/(nC - m1 + A))}:
 *
 * <pre>
 *   BD     = sum_k (a_k - A_k)^2 / v_k
 *   Tarone = BD - (sum_k (a_k - A_k))^2 / sum_k v_k
 * </pre>
 *
 * each chi-squared on {@code K' - 1} df, where K' counts the strata with {@code A > 0}, events and
 * non-events (the others carry no information on the odds ratio; as metafor's {@code k.pos}).
 *
 * <p>References: Breslow NE, Day NE. Statistical Methods in Cancer Research, vol. I. IARC 1980,
 * sec. 4.4. Tarone RE. On heterogeneity tests based on efficient scores. Biometrika 1985;72:91-95.
 *
 * <p><b>Edge cases.</b> Not estimable when the MH odds ratio is not, or when fewer than two strata are
 * informative. One-arm strata are left out with a note ({@link Strata}); metafor 3.8 keeps them and
 * then reports an infinite statistic because one of their expected cells is 0. Both statistics are
 * truncated at 0, as in metafor. The test has low power with few or small strata.
 */
public enum BreslowDay {

  /** The Breslow-Day statistic. */
  UNCORRECTED("Breslow-Day test of homogeneity of odds ratios", false),

  /** The Breslow-Day statistic with Tarone's (1985) correction. */
  TARONE("Breslow-Day test of homogeneity of odds ratios, Tarone's correction", true);

  private final String methodName;
  private final boolean tarone;

  BreslowDay(String methodName, boolean tarone) {
    this.methodName = methodName;
    this.tarone = tarone;
  }

  /** The method's name as it appears in results. */
  public String methodName() {
    return methodName;
  }

  /**
   * The test over the given strata.
   *
   * @param tables one 2x2 table per stratum
   * @return the test; NaN numbers and a reason when not estimable
   */
  public ChiSquareTest test(List<StratumTable> tables) {
    Strata strata = Strata.of(tables);
    List<StratumTable> used = strata.used();
    double r = MantelHaenszelEstimator.commonOddsRatioNumerator(used);
    double s = MantelHaenszelEstimator.commonOddsRatioDenominator(used);
    if (used.isEmpty() || r == 0 || s == 0) {
      return ChiSquareTest.notEstimable(methodName, "the Mantel-Haenszel odds ratio is not estimable");
    }
    double psi = r / s;
    double bd = 0;
    double sumDeviation = 0;
    double sumVariance = 0;
    int informative = 0;
    for (StratumTable t : used) {
      double m1 = t.events();
      double expected = expectedEvents(t.nT(), t.nC(), m1, psi);
      if (!(expected > 0 && m1 > 0 && t.nonEvents() > 0)) {
        continue;
      }
      informative++;
      double v = 1 / (1 / expected + 1 / (t.nT() - expected) + 1 / (m1 - expected)
          + 1 / (t.nC() - m1 + expected));
      double deviation = t.a() - expected;
      bd += deviation * deviation / v;
      sumDeviation += deviation;
      sumVariance += v;
    }
    if (informative < 2) {
      return ChiSquareTest.notEstimable(methodName,
          "fewer than two strata with both events and non-events");
    }
    double statistic = Math.max(0, tarone ? bd - sumDeviation * sumDeviation / sumVariance : bd);
    double df = informative - 1;
    return new ChiSquareTest(methodName, statistic, df, Wald.chiSquaredUpper(statistic, df), strata.note());
  }

  /** The expected treatment-arm events of a stratum under the common odds ratio psi. */
  static double expectedEvents(double nT, double nC, double m1, double psi) {
    double u = psi * (nT + m1) + nC - m1;
    double root = Math.sqrt(u * u - 4 * nT * m1 * psi * (psi - 1));
    return u >= 0 ? 2 * nT * m1 * psi / (u + root) : (u - root) / (2 * (psi - 1));
  }
}
