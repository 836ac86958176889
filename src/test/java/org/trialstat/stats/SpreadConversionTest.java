package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** SD from SE and from a CI (Cochrane Handbook 6.5.2.2), against R 4.2.2. */
class SpreadConversionTest {

  @Test
  void mapp2ConfidenceIntervalsGiveTheSdsOfTrialsMd() {
    // R 4.2.2: (-20.44 - -26.94) / (2 * qt(0.975, 51)) * sqrt(52) = 11.6737760272035533, tol 1e-12
    assertThat(SpreadConversion.sdFromCi(-26.94, -20.44, 52, 0.95)).isCloseTo(11.6737760272035533, within(1e-12));
    // R 4.2.2: (-11.28 - -18.28) / (2 * qt(0.975, 41)) * sqrt(42) = 11.2315584464078420, tol 1e-12
    assertThat(SpreadConversion.sdFromCi(-18.28, -11.28, 42, 0.95)).isCloseTo(11.2315584464078420, within(1e-12));
  }

  @Test
  void tCriticalIsRsQt() {
    // R 4.2.2: qt(0.975, 51) = 2.0075837703158359; qt(0.975, 41) = 2.0195409704413754; qt(0.95, 9) = 1.8331129326562365
    assertThat(SpreadConversion.tCritical(52, 0.95)).isCloseTo(2.0075837703158359, within(1e-13));
    assertThat(SpreadConversion.tCritical(42, 0.95)).isCloseTo(2.0195409704413754, within(1e-13));
    assertThat(SpreadConversion.tCritical(10, 0.90)).isCloseTo(1.8331129326562365, within(1e-13));
  }

  @Test
  void otherLevels() {
    // R 4.2.2: (3 - 1) / (2 * qt(0.95, 9)) * sqrt(10) = 1.7250861110810796, tol 1e-12
    assertThat(SpreadConversion.sdFromCi(1, 3, 10, 0.90)).isCloseTo(1.7250861110810796, within(1e-12));
  }

  @Test
  void sdFromSeIsSeTimesRootN() {
    // Definition SE = SD / sqrt(n): 1.66 * sqrt(52) = 11.970317..., exact arithmetic check, tol 1e-12
    assertThat(SpreadConversion.sdFromSe(1.66, 52)).isCloseTo(1.66 * Math.sqrt(52), within(1e-12));
    assertThat(SpreadConversion.sdFromSe(0, 5)).isZero();
  }

  @Test
  void dataConditionsGiveNaNAndProgrammingErrorsThrow() {
    assertThat(SpreadConversion.sdFromCi(1, 3, 1, 0.95)).isNaN();
    assertThat(SpreadConversion.sdFromCi(Double.NaN, 3, 10, 0.95)).isNaN();
    assertThatThrownBy(() -> SpreadConversion.sdFromCi(3, 1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpreadConversion.sdFromSe(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpreadConversion.tCritical(10, 1.0)).isInstanceOf(IllegalArgumentException.class);
  }
}
