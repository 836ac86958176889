package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

  /**
   * Reference: R 4.2.2, labeling::heckbert (package labeling 0.4.2), the published implementation of
   * Heckbert (1990); script and output in src/test/resources/figure/make_heckbert.R and heckbert.csv.
   * Tolerance: 1e-9 absolute relative to the step (the ticks are decimal numbers printed to 10 digits).
   */
  @Test
  void ticksMatchLabelingHeckbert() throws IOException {
    List<String> lines;
    try (InputStream in = NiceTicksTest.class.getResourceAsStream("/figure/heckbert.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
    }
    assertThat(lines).hasSize(15);
    for (String line : lines) {
      String[] f = line.split(",");
      NiceTicks t = NiceTicks.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]));
      double[] expected = Arrays.stream(f[3].split(";")).mapToDouble(Double::parseDouble).toArray();
      List<Double> got = t.values();
      assertThat(got).as(line).hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat(got.get(i)).as(line).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9 * t.step()));
      }
    }
  }

  @Test
  void ticksPrintAsTheirDecimalValue() {
    // 0.1 * 3 is 0.30000000000000004 in binary; the tick must be the double nearest to 0.3.
    assertThat(NiceTicks.of(0, 1, 11).values()).contains(0.3, 0.7);
    assertThat(NiceTicks.of(-0.37, 0.81, 6).decimals()).isEqualTo(1);
  }

  @Test
  void aSingleValueStillGetsAnAxis() {
    NiceTicks t = NiceTicks.of(5, 5, 6);
    assertThat(t.min()).isLessThan(5);
    assertThat(t.max()).isGreaterThan(5);
  }

  @Test
  void logAxisTicksAreOneTwoFiveWithinTwoDecadesElsePowersOfTen() {
    assertThat(Axis.log(0.92, 7.88, 0, 100).ticks()).containsExactly(0.5, 1.0, 2.0, 5.0, 10.0);
    assertThat(Axis.log(0.003, 40, 0, 100).ticks()).containsExactly(0.001, 0.01, 0.1, 1.0, 10.0, 100.0);
    Axis a = Axis.log(0.5, 2, 0, 100);
    // log10 mapping: 1 lies half-way between 0.5 and 2
    assertThat(a.map(1)).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.label(0.5)).isEqualTo("0.5");
    assertThat(a.label(2)).isEqualTo("2");
  }
}
