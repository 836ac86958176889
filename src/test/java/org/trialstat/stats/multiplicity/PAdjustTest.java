package org.trialstat.stats.multiplicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PAdjust} against R 4.2.2 {@code p.adjust} (src/test/resources/sap/multiarm.R, multiarm.out,
 * "p.adjust x/y/z"): ties, an NA, which does not count in n, m = 2 Hommel. Exact arithmetic: 1e-12.
 */
class PAdjustTest {
  private static final double[] X = {0.01, 0.04, 0.03, 0.04, 0.2};
  private static final double[] Y = {0.02, Double.NaN, 0.011, 0.5};
  private static final double[] Z = {0.03, 0.02};

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "BONFERRONI; 0.05 0.20 0.15 0.20 1.00; 0.060 NaN 0.033 1.000; 0.06 0.04",
      "HOLM;       0.05 0.12 0.12 0.12 0.20; 0.040 NaN 0.033 0.500; 0.04 0.04",
      "HOCHBERG;   0.05 0.08 0.08 0.08 0.20; 0.040 NaN 0.033 0.500; 0.03 0.03",
      "HOMMEL;     0.05 0.08 0.06 0.08 0.20; 0.04 NaN 0.03 0.50; 0.03 0.03"})
  void matchesRPAdjust(PAdjust method, String x, String y, String z) {
    check(method.adjust(X), x);
    check(method.adjust(Y), y);
    check(method.adjust(Z), z);
  }

  private static void check(double[] actual, String expected) {
    double[] e = Arrays.stream(expected.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    assertThat(actual).hasSameSizeAs(e);
    for (int i = 0; i < e.length; i++) {
      if (Double.isNaN(e[i])) {
        assertThat(actual[i]).isNaN();
      } else {
        assertThat(actual[i]).as("index %d", i).isCloseTo(e[i], within(1e-12));
      }
    }
  }
}
