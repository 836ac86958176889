package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Estimate;

class NumberNeededToTreatTest {

  private static Estimate rd(double est, double low, double high) {
    return Estimate.of(est, low, high, 0.95, "Newcombe hybrid score (method 10)");
  }

  /**
   * Barrowman NJ, CMAJ 2002;166:1676 (worked example after Altman 1998): absolute risk reduction 16.6%,
   * 95% CI 0.9% to 32.2%, gives NNT "approximately 6" with 95% CI "approximately 3.1-111.1"; printed
   * to 1 decimal, tol 0.05 absolute (0.5 for the whole-number point estimate).
   */
  @Test
  void barrowmanExample() {
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd(0.166, 0.009, 0.322));
    assertThat(nnt.estimate()).isCloseTo(6, within(0.5));
    assertThat(nnt.ciLow()).isCloseTo(3.1, within(0.05));
    assertThat(nnt.ciHigh()).isCloseTo(111.1, within(0.05));
    assertThat(nnt.reason()).isNull();
    assertThat(nnt.method()).isEqualTo("1 / risk difference (Altman 1998)");
    assertThat(nnt.confLevel()).isEqualTo(0.95);
  }

  /**
   * Altman DG, BMJ 1998;317:1309, as summarised by Newcombe's rapid response (BMJ, 5 January 1999): an
   * ARR interval from -5% to +25% inverts to "NNTB 4 through infinity to NNTH 20". Our wording and
   * 3-significant-digit rounding are documented in NumberNeededToTreat.
   */
  @Test
  void altmanExampleIntervalThroughInfinity() {
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd(0.10, -0.05, 0.25));
    assertThat(nnt.estimate()).isCloseTo(10, within(1e-12));
    assertThat(nnt.ciLow()).isNaN();
    assertThat(nnt.ciHigh()).isNaN();
    assertThat(nnt.reason()).isEqualTo("RD CI includes 0: NNTB 4.00 to infinity to NNTH 20.0");
  }

  /**
   * shared/oracles (R 4.2.2, nnt = 1 / RD, 15 significant digits), tol 1e-12 relative; the RD limits are
   * the same oracles' Newcombe limits. The NNT limits are not in the oracles: they are 1 / the RD limits
   * by definition (Altman 1998), so they are checked against that formula on the oracle values.
   * Rows: mapp1_like response; mapp1_like loss of diagnosis; dose_response_caps4 125 mg vs 40 mg
   * remission; small_pilot_caps4 response.
   */
  @ParameterizedTest(name = "oracle RD {0} [{1}, {2}] -> NNT {3}")
  @CsvSource({
      "0.278388278388278, 0.0915782243620946, 0.441516719276591, 3.59210526315789",
      "0.282051282051282, 0.0645590647310287, 0.465341522773177, 3.54545454545454",
      "-0.0897435897435897, -0.491582828949919, 0.20061834486433, -11.1428571428571",
      "0.5, 0.0575188879485666, 0.740435974137186, 2",
  })
  void oracleValues(double est, double low, double high, double nntValue) {
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd(est, low, high));
    assertThat(nnt.estimate()).isCloseTo(nntValue, within(1e-12 * Math.abs(nntValue)));
    if (low > 0) {
      assertThat(nnt.ciLow()).isCloseTo(1 / high, within(1e-15));
      assertThat(nnt.ciHigh()).isCloseTo(1 / low, within(1e-12 / low));
      assertThat(nnt.ciLow()).isLessThan(nnt.estimate()).isGreaterThan(0);
      assertThat(nnt.ciHigh()).isGreaterThan(nnt.estimate());
    } else {
      assertThat(nnt.ciLow()).isNaN();
      assertThat(nnt.reason()).startsWith("RD CI includes 0: NNTB ");
    }
  }

  /** Harm with an interval that excludes 0: limits stay ordered (arithmetic: 1/-0.1 = -10, 1/-0.5 = -2). */
  @Test
  void harmIntervalIsOrdered() {
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd(-0.25, -0.5, -0.1));
    assertThat(nnt.estimate()).isEqualTo(-4.0);
    assertThat(nnt.ciLow()).isCloseTo(-10, within(1e-12));
    assertThat(nnt.ciHigh()).isCloseTo(-2, within(1e-12));
    assertThat(nnt.reason()).isNull();
  }

  /** Altman's form for intervals that touch 0 or contain it; numbers 3 significant digits, plain. */
  @ParameterizedTest(name = "RD {0} [{1}, {2}] -> {3}")
  @CsvSource(delimiter = '|', value = {
      "0.1   | -0.05   | 0.25   | RD CI includes 0: NNTB 4.00 to infinity to NNTH 20.0",
      "0.1   | 0       | 0.3    | RD CI includes 0: NNTB 3.33 to infinity",
      "-0.1  | -0.2    | 0      | RD CI includes 0: NNTH 5.00 to infinity",
      "-0.01 | -0.0009 | 0.0009 | RD CI includes 0: NNTB 1111 to infinity to NNTH 1111",
      "0.001 | -0.5    | 0.0010004 | RD CI includes 0: NNTB 1000 to infinity to NNTH 2.00",
      "0.02  | -0.3    | 0.8    | RD CI includes 0: NNTB 1.25 to infinity to NNTH 3.33",
  })
  void altmanWording(double est, double low, double high, String reason) {
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd(est, low, high));
    assertThat(nnt.estimate()).isEqualTo(1 / est);
    assertThat(nnt.ciLow()).isNaN();
    assertThat(nnt.ciHigh()).isNaN();
    assertThat(nnt.reason()).isEqualTo(reason);
  }

  @Test
  void zeroRiskDifferenceIsNotEstimable() {
    // small_pilot_caps4 remission: RD 0 [-0.324, 0.242]; the oracle lists no nnt.
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(rd(0, -0.32440756488388, 0.242494006655241));
    assertThat(nnt.estimable()).isFalse();
    assertThat(nnt.ciLow()).isNaN();
    assertThat(nnt.reason()).isEqualTo("risk difference is 0");
    assertThat(nnt.confLevel()).isEqualTo(0.95);
  }

  @Test
  void notEstimableRiskDifferencePassesItsReasonOn() {
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(
        Estimate.notEstimable(0.9, "Newcombe hybrid score (method 10)", "no participants in the control arm"));
    assertThat(nnt.estimable()).isFalse();
    assertThat(nnt.reason()).isEqualTo("no participants in the control arm");
    assertThat(nnt.confLevel()).isEqualTo(0.9);
    assertThat(NumberNeededToTreat.fromRiskDifference(new Estimate(Double.NaN, Double.NaN, Double.NaN, 0.95, "x",
        null)).reason()).isEqualTo("risk difference not estimable");
  }

  @Test
  void missingRiskDifferenceLimitsKeepThePointEstimate() {
    final Estimate nnt = NumberNeededToTreat.fromRiskDifference(
        new Estimate(0.25, Double.NaN, Double.NaN, 0.95, "x", "no CI"));
    assertThat(nnt.estimate()).isEqualTo(4.0);
    assertThat(nnt.ciLow()).isNaN();
    assertThat(nnt.reason()).isEqualTo("risk difference CI not available");
  }

  @Test
  void nullThrows() {
    assertThatThrownBy(() -> NumberNeededToTreat.fromRiskDifference(null)).isInstanceOf(NullPointerException.class);
  }
}
