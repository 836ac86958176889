package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.trialstat.model.Estimate;

class RatioMeasureTest {

  /**
   * R 4.2.2, metafor 3.8.1:
   * {@code e <- escalc(measure, ai = eT, n1i = nT, ci = eC, n2i = nC, drop00 = TRUE);
   * z <- qnorm((1 + level) / 2); exp(c(e$yi, e$yi - z * sqrt(e$vi), e$yi + z * sqrt(e$vi)))},
   * sprintf("%.15g"); tol 1e-12 relative. escalc adds 1/2 to every cell of a table with a zero cell
   * (add = 1/2, to = "only0"), as RatioMeasure does. The 0/9 vs 1/6 rows are also the
   * dose_response_caps4 oracle (remission, 100 mg vs 40 mg); 13/19 vs 16/41 RR is the brief's textbook
   * example 1.753289 [1.074537, 2.860789].
   */
  @ParameterizedTest(name = "R escalc: {0} {1}/{2} vs {3}/{4} at {5} -> {6} [{7}, {8}]")
  @CsvSource({
      "RISK_RATIO, 13, 19, 16, 41, 0.95, 1.75328947368421, 1.07453709179371, 2.8607890802545",
      "ODDS_RATIO, 13, 19, 16, 41, 0.95, 3.38541666666667, 1.06869906666297, 10.7242968244856",
      "RISK_RATIO, 13, 19, 16, 41, 0.90, 1.75328947368421, 1.16253770181609, 2.64423594497597",
      "ODDS_RATIO, 13, 19, 16, 41, 0.99, 3.38541666666667, 0.74388580538656, 15.4069965093483",
      "RISK_RATIO,  0,  9,  1,  6, 0.95, 0.233333333333333, 0.0110350960417427, 4.9337535657593",
      "ODDS_RATIO,  0,  9,  1,  6, 0.95, 0.192982456140351, 0.00664664874230219, 5.60315879804759",
      "RISK_RATIO,  5,  5,  2,  8, 0.95, 3.3, 1.11985710544989, 9.72445497465954",
      "ODDS_RATIO,  5,  5,  2,  8, 0.95, 28.6, 1.11812916275672, 731.543391626903",
      "RISK_RATIO,  0,  5,  5,  5, 0.95, 0.0909090909090909, 0.00632881274580837, 1.30584726422677",
      "ODDS_RATIO,  0,  5,  5,  5, 0.95, 0.00826446280991735, 0.000137756657631969, 0.495811576083539",
      "RISK_RATIO, 45, 52, 29, 42, 0.95, 1.25331564986737, 0.996686004124065, 1.57602305209751",
      "ODDS_RATIO, 45, 52, 29, 42, 0.95, 2.88177339901478, 1.02821094852279, 8.07676472926132",
  })
  void matchesMetaforEscalc(RatioMeasure measure, int eT, int nT, int eC, int nC, double level, double est,
      double low, double high) {
    final Estimate e = measure.compute(eT, nT, eC, nC, level);
    assertThat(e.estimate()).isCloseTo(est, within(1e-12 * est));
    assertThat(e.ciLow()).isCloseTo(low, within(1e-12 * low));
    assertThat(e.ciHigh()).isCloseTo(high, within(1e-12 * high));
    assertThat(e.confLevel()).isEqualTo(level);
    final boolean zeroCell = eT == 0 || eT == nT || eC == 0 || eC == nC;
    if (zeroCell) {
      assertThat(e.reason()).isEqualTo("0.5 added to every cell (zero cell)");
    } else {
      assertThat(e.reason()).isNull();
    }
  }

  @Test
  void methodNames() {
    assertThat(RatioMeasure.RISK_RATIO.methodName()).isEqualTo("Risk ratio, log (Katz) CI");
    assertThat(RatioMeasure.ODDS_RATIO.methodName()).isEqualTo("Odds ratio, Woolf logit CI");
    assertThat(RatioMeasure.RISK_RATIO.compute(3, 10, 4, 10, 0.95).method()).isEqualTo("Risk ratio, log (Katz) CI");
    assertThat(RatioMeasure.ODDS_RATIO.compute(3, 10, 4, 10, 0.95).method()).isEqualTo("Odds ratio, Woolf logit CI");
  }

  /**
   * Double-zero tables: not estimable, as Cochrane RevMan (and escalc(drop00 = TRUE), which returns NA
   * for 0/12 vs 0/8 and 12/12 vs 8/8 in R 4.2.2, metafor 3.8.1).
   */
  @ParameterizedTest(name = "{0}: {1}/{2} vs {3}/{4} -> {5}")
  @CsvSource({
      "RISK_RATIO,  0, 12, 0, 8, no events in either arm",
      "ODDS_RATIO,  0, 12, 0, 8, no events in either arm",
      "RISK_RATIO, 12, 12, 8, 8, all participants had the event in both arms",
      "ODDS_RATIO, 12, 12, 8, 8, all participants had the event in both arms",
      "RISK_RATIO,  0,  0, 3, 8, no participants in the treatment arm",
      "ODDS_RATIO,  2,  5, 0, 0, no participants in the control arm",
  })
  void notEstimable(RatioMeasure measure, int eT, int nT, int eC, int nC, String reason) {
    final Estimate e = measure.compute(eT, nT, eC, nC, 0.95);
    assertThat(e.estimable()).isFalse();
    assertThat(e.ciLow()).isNaN();
    assertThat(e.ciHigh()).isNaN();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.confLevel()).isEqualTo(0.95);
  }

  @ParameterizedTest
  @EnumSource(RatioMeasure.class)
  void swappingArmsInvertsTheRatio(RatioMeasure measure) {
    // ratio(C over T) = 1 / ratio(T over C), limits inverted and swapped (follows from the formulas).
    final Estimate tc = measure.compute(7, 13, 2, 6, 0.95);
    final Estimate ct = measure.compute(2, 6, 7, 13, 0.95);
    assertThat(ct.estimate()).isCloseTo(1 / tc.estimate(), within(1e-14));
    assertThat(ct.ciLow()).isCloseTo(1 / tc.ciHigh(), within(1e-14));
    assertThat(ct.ciHigh()).isCloseTo(1 / tc.ciLow(), within(1e-14));
  }

  @ParameterizedTest
  @EnumSource(RatioMeasure.class)
  void invalidArgumentsThrow(RatioMeasure measure) {
    assertThatThrownBy(() -> measure.compute(-1, 5, 1, 5, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> measure.compute(1, 5, 1, -5, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> measure.compute(1, 5, 1, 5, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
