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
  UNCORRECTED("Breslow-Day test of homogeneity of odds ratios") {
    @Override
    double corrected(double bd, double sumDeviation, double sumVariance) {
      return bd;
    }
  },

  /** The Breslow-Day statistic with Tarone's (1985) correction. */
  TARONE("Breslow-Day test of homogeneity of odds ratios, Tarone's correction") {
    @Override
    double corrected(double bd, double sumDeviation, double sumVariance) {
      return bd - sumDeviation * sumDeviation / sumVariance;
    }
  };

  private final String methodName;

  BreslowDay(String methodName) {
    this.methodName = methodName;
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
      if (!(t.events() > 0 && t.nonEvents() > 0)) {
        continue;
      }
      double[] cell = expectedCells(t.nT(), t.nC(), t.events(), psi);
      if (!(Math.min(Math.min(cell[0], cell[1]), Math.min(cell[2], cell[3])) > 0)) {
        continue;
      }
      informative++;
      double v = 1 / (1 / cell[0] + 1 / cell[1] + 1 / cell[2] + 1 / cell[3]);
      double deviation = deviation(t, cell);
      bd += deviation * deviation / v;
      sumDeviation += deviation;
      sumVariance += v;
    }
    if (informative < 2) {
      return ChiSquareTest.notEstimable(methodName,
          "fewer than two strata with both events and non-events");
    }
    double statistic = Math.max(0, corrected(bd, sumDeviation, sumVariance));
    double df = informative - 1;
    return new ChiSquareTest(methodName, statistic, df, Wald.chiSquaredUpper(statistic, df), strata.note());
  }

  /**
   * The statistic from {@code BD = sum_k (a_k - A_k)^2 / v_k}, {@code sum_k (a_k - A_k)} and
   * {@code sum_k v_k}, before the truncation at 0.
   */
  abstract double corrected(double bd, double sumDeviation, double sumVariance);

  /**
   * The four expected cells {A, B, C, D} (treatment events and non-events, control events and
   * non-events) of a stratum under the common odds ratio psi, each to full relative precision: the
   * smallest cell is solved for directly (the table re-oriented so that it is the root of
   * {@link #expectedEvents}), its row and column mates are margin minus it (at least half their
   * margin, so no cancellation), and the diagonal cell comes from {@code A D = psi B C}. Solving for A
   * alone and subtracting lost digits whenever a cell was much smaller than its margins (a stratum such
   * as 29/29 vs 0/1, whose expected control events are near 0), and with them the symmetry of the
   * statistic under swapping the arms.
   */
  static double[] expectedCells(double nT, double nC, double m1, double psi) {
    double m2 = nT + nC - m1;
    double a = expectedEvents(nT, nC, m1, psi);
    double[] cells = {a, nT - a, m1 - a, nC - m1 + a};
    int k = smallest(cells);
    // cell k = (row i, column j); rows (T, C) with margins (nT, nC), columns (event, non-event) (m1, m2)
    int i = k / 2;
    int j = k % 2;
    double[] row = {nT, nC};
    double[] col = {m1, m2};
    boolean diagonal = i == j; // A or D: the odds ratio of the re-oriented table is psi, else 1 / psi
    double s = expectedEvents(row[i], row[1 - i], col[j], diagonal ? psi : 1 / psi);
    double rowMate = row[i] - s;
    double colMate = col[j] - s;
    double opposite = diagonal ? psi * rowMate * colMate / s : rowMate * colMate / (psi * s);
    double[] out = new double[4];
    out[k] = s;
    out[2 * i + (1 - j)] = rowMate;
    out[2 * (1 - i) + j] = colMate;
    out[2 * (1 - i) + (1 - j)] = opposite;
    return out;
  }

  /**
   * {@code a - A}, taken at the smallest expected cell, where it is free of cancellation: with fixed
   * margins {@code a - A = B - b = C - c = d - D}.
   */
  private static double deviation(StratumTable t, double[] cell) {
    double[] observed = {t.a(), t.b(), t.c(), t.d()};
    int k = smallest(cell);
    double sign = k == 0 || k == 3 ? 1 : -1;
    return sign * (observed[k] - cell[k]);
  }

  private static int smallest(double[] cells) {
    int k = 0;
    for (int j = 1; j < cells.length; j++) {
      k = cells[j] < cells[k] ? j : k;
    }
    return k;
  }

  /** The expected treatment-arm events of a stratum under the common odds ratio psi. */
  static double expectedEvents(double nT, double nC, double m1, double psi) {
    double u = psi * (nT + m1) + nC - m1;
    double root = Math.sqrt(u * u - 4 * nT * m1 * psi * (psi - 1));
    return u >= 0 ? 2 * nT * m1 * psi / (u + root) : (u - root) / (2 * (psi - 1));
  }
}
