package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Estimate;

class RiskDifferenceIntervalTest {

  private static final RiskDifferenceInterval NEWCOMBE = RiskDifferenceInterval.NEWCOMBE_HYBRID_SCORE;

  /**
   * Newcombe RG, Stat Med 1998;17:873-890, Table II, method 10 (score, no continuity correction),
   * examples (a)-(h), 95% limits printed to 4 decimals: tol 5e-5 absolute.
   */
  @ParameterizedTest(name = "Newcombe 1998 Table II: {0}/{1} - {2}/{3} -> [{4}, {5}]")
  @CsvSource({
      "56, 70, 48, 80,  0.0524, 0.3339",
      " 9, 10,  3, 10,  0.1705, 0.8090",
      " 6,  7,  2,  7,  0.0582, 0.8062",
      " 5, 56,  0, 29, -0.0381, 0.1926",
      " 0, 10,  0, 20, -0.1611, 0.2775",
      " 0, 10,  0, 10, -0.2775, 0.2775",
      "10, 10,  0, 20,  0.6791, 1.0000",
      "10, 10,  0, 10,  0.6075, 1.0000",
  })
  void newcombeTableTwo(int eT, int nT, int eC, int nC, double low, double high) {
    final Estimate rd = NEWCOMBE.compute(eT, nT, eC, nC, 0.95);
    assertThat(rd.estimate()).isEqualTo((double) eT / nT - (double) eC / nC);
    assertThat(rd.ciLow()).isCloseTo(low, within(5e-5));
    assertThat(rd.ciHigh()).isCloseTo(high, within(5e-5));
  }

  /**
   * R 4.2.2, hand code from the two Wilson intervals: {@code w <- function(x, n, lev)
   * prop.test(x, n, correct = FALSE, conf.level = lev)$conf.int; rd <- p1 - p2;
   * c(rd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), rd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))},
   * sprintf("%.15g"); tol 1e-12 relative (1e-15 absolute floor). The 35/39 - 26/42 row is also the
   * mapp1_like oracle's response comparison.
   */
  @ParameterizedTest(name = "R: {0}/{1} - {2}/{3} at {4} -> {5} [{6}, {7}]")
  @CsvSource({
      "56, 70, 48, 80, 0.95, 0.2, 0.0524314724023649, 0.333872654036906",
      "56, 70, 48, 80, 0.90, 0.2, 0.0765641915440721, 0.313644583582944",
      " 9, 10,  3, 10, 0.95, 0.6, 0.170522723934503, 0.809017973535488",
      " 6,  7,  2,  7, 0.95, 0.571428571428571, 0.0582279274823123, 0.806249637524228",
      " 5, 56,  0, 29, 0.95, 0.0892857142857143, -0.0381371479035369, 0.192560013855112",
      " 0, 10,  0, 20, 0.95, 0, -0.161125158052819, 0.277532799862889",
      "10, 10,  0, 10, 0.95, 1, 0.607509350430524, 1",
      "35, 39, 26, 42, 0.95, 0.278388278388278, 0.0915782243620946, 0.441516719276591",
  })
  void matchesRHandCode(int eT, int nT, int eC, int nC, double level, double est, double low, double high) {
    final Estimate rd = NEWCOMBE.compute(eT, nT, eC, nC, level);
    assertThat(rd.estimate()).isCloseTo(est, within(Math.max(1e-12 * Math.abs(est), 1e-15)));
    assertThat(rd.ciLow()).isCloseTo(low, within(Math.max(1e-12 * Math.abs(low), 1e-15)));
    assertThat(rd.ciHigh()).isCloseTo(high, within(Math.max(1e-12 * Math.abs(high), 1e-15)));
    assertThat(rd.confLevel()).isEqualTo(level);
    assertThat(rd.method()).isEqualTo("Newcombe hybrid score (method 10)");
    assertThat(rd.reason()).isNull();
  }

  @Test
  void antisymmetricInTheArms() {
    // Swapping the arms negates RD and mirrors its interval (follows from the formula).
    final Estimate ab = NEWCOMBE.compute(7, 13, 2, 6, 0.95);
    final Estimate ba = NEWCOMBE.compute(2, 6, 7, 13, 0.95);
    assertThat(ba.estimate()).isCloseTo(-ab.estimate(), within(1e-15));
    assertThat(ba.ciLow()).isCloseTo(-ab.ciHigh(), within(1e-15));
    assertThat(ba.ciHigh()).isCloseTo(-ab.ciLow(), within(1e-15));
  }

  @ParameterizedTest(name = "n_T {0}, n_C {1}: {2}")
  @CsvSource({
      "0, 5, no participants in the treatment arm",
      "5, 0, no participants in the control arm",
      "0, 0, no participants in either arm",
  })
  void emptyArmIsNotEstimable(int nT, int nC, String reason) {
    final Estimate rd = NEWCOMBE.compute(0, nT, 0, nC, 0.95);
    assertThat(rd.estimable()).isFalse();
    assertThat(rd.ciLow()).isNaN();
    assertThat(rd.ciHigh()).isNaN();
    assertThat(rd.reason()).isEqualTo(reason);
  }

  @Test
  void invalidArgumentsThrow() {
    assertThatThrownBy(() -> NEWCOMBE.compute(-1, 5, 1, 5, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NEWCOMBE.compute(1, 5, 6, 5, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NEWCOMBE.compute(1, 5, 1, 5, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
