package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Proportion;
import org.junit.jupiter.api.Test;

class ProportionIntervalTest {

  /**
   * Newcombe RG, Stat Med 1998;17:857-872, Table I, method 3 (Wilson score without continuity
   * correction), 95% limits printed to 4 decimals: tol 5e-5 absolute (half a unit of the last digit).
   */
  @ParameterizedTest(name = "Newcombe 1998 Table I: {0}/{1} -> [{2}, {3}]")
  @CsvSource({
      "81, 263, 0.2553, 0.3662",
      "15, 148, 0.0624, 0.1605",
      " 0,  20, 0.0000, 0.1611",
      " 1,  29, 0.0061, 0.1718",
  })
  void newcombeTableOne(int x, int n, double low, double high) {
    final Proportion p = ProportionInterval.WILSON.of(x, n, 0.95);
    assertThat(p.ciLow()).isCloseTo(low, within(5e-5));
    assertThat(p.ciHigh()).isCloseTo(high, within(5e-5));
  }

  /**
   * R 4.2.2: {@code prop.test(x, n, correct = FALSE, conf.level = level)$conf.int}, printed with
   * sprintf("%.15g"); tol 1e-13 relative. (Exact-zero lower limits: R prints 0 or -1.9e-17, we give 0.)
   */
  @ParameterizedTest(name = "R prop.test: {0}/{1} at {2} -> [{3}, {4}]")
  @CsvSource({
      "81, 263, 0.95, 0.255288519878274, 0.3662095769828",
      "81, 263, 0.90, 0.263313617188481, 0.356566349608488",
      "81, 263, 0.99, 0.240136902687608, 0.38528250231823",
      "15, 148, 0.95, 0.0623863995307363, 0.160487241723308",
      " 0,  20, 0.95, 0, 0.161125158052819",
      " 1,  29, 0.95, 0.00611321429276266, 0.171755218793203",
      "35,  39, 0.95, 0.764211455371435, 0.959386686553316",
      " 0,   9, 0.95, 0, 0.299145048419544",
      " 9,  12, 0.95, 0.467694665066434, 0.911058331605945",
      " 0,  12, 0.95, 0, 0.242494006655241",
  })
  void matchesRPropTestWithoutCorrection(int x, int n, double level, double low, double high) {
    final Proportion p = ProportionInterval.WILSON.of(x, n, level);
    assertThat(p.events()).isEqualTo(x);
    assertThat(p.n()).isEqualTo(n);
    assertThat(p.rate()).isEqualTo((double) x / n);
    assertThat(p.ciLow()).isCloseTo(low, within(1e-13 * Math.abs(low)));
    assertThat(p.ciHigh()).isCloseTo(high, within(1e-13 * high));
    assertThat(p.confLevel()).isEqualTo(level);
    assertThat(p.method()).isEqualTo("Wilson score");
    assertThat(p.reason()).isNull();
  }

  @Test
  void boundaryCountsGiveExactBoundaryLimits() {
    // Wilson 1927: the score interval's lower root is exactly 0 at x = 0 and upper root exactly 1 at x = n.
    assertThat(ProportionInterval.WILSON.of(0, 9, 0.95).ciLow()).isEqualTo(0.0);
    assertThat(ProportionInterval.WILSON.of(7, 7, 0.95).ciHigh()).isEqualTo(1.0);
    assertThat(ProportionInterval.WILSON.of(7, 7, 0.95).rate()).isEqualTo(1.0);
  }

  @Test
  void emptyDenominatorIsNotEstimable() {
    final Proportion p = ProportionInterval.WILSON.of(0, 0, 0.95);
    assertThat(p.rate()).isNaN();
    assertThat(p.ciLow()).isNaN();
    assertThat(p.ciHigh()).isNaN();
    assertThat(p.reason()).isEqualTo("no participants (n = 0)");
    assertThat(p.method()).isEqualTo("Wilson score");
    assertThat(p.confLevel()).isEqualTo(0.95);
  }

  @ParameterizedTest(name = "events {0}, n {1}, level {2} is a programming error")
  @CsvSource({"-1, 5, 0.95", "6, 5, 0.95", "0, -1, 0.95", "1, 5, 0", "1, 5, 1", "1, 5, NaN", "1, 5, -0.5"})
  void invalidArgumentsThrow(int x, int n, double level) {
    assertThatThrownBy(() -> ProportionInterval.WILSON.of(x, n, level))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Invariants of any two-sided interval: inside [0, 1], contains p, narrower at a lower level. */
  @Property
  void intervalContainsRateAndStaysInUnitRange(@ForAll @IntRange(min = 1, max = 5000) int n,
      @ForAll @IntRange(min = 0, max = 5000) int xRaw) {
    final int x = xRaw % (n + 1);
    final Proportion p95 = ProportionInterval.WILSON.of(x, n, 0.95);
    final Proportion p80 = ProportionInterval.WILSON.of(x, n, 0.80);
    assertThat(p95.ciLow()).isBetween(0.0, p95.rate());
    assertThat(p95.ciHigh()).isBetween(p95.rate(), 1.0);
    assertThat(p80.ciLow()).isGreaterThanOrEqualTo(p95.ciLow());
    assertThat(p80.ciHigh()).isLessThanOrEqualTo(p95.ciHigh());
  }
}
