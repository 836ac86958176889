package org.trialstat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** The one number formatter: shortest round-trip decimals, independent of the JDK's Double.toString. */
class NumbersTest {

  /**
   * Reference: Python 3.11's repr(float), which prints the shortest decimal that round-trips (Gay's
   * algorithm), for 52 doubles (src/test/resources/numbers/python_repr.csv: tricky values where Java 17's
   * Double.toString is longer, subnormals, extremes, random bit patterns). Exact: same decimal value.
   */
  @ParameterizedTest(name = "{1}")
  @CsvFileSource(resources = "/numbers/python_repr.csv")
  void agreesWithPythonRepr(long bits, String pythonRepr) {
    double x = Double.longBitsToDouble(bits);
    String ours = Numbers.shortest(x);
    assertThat(new BigDecimal(ours).compareTo(new BigDecimal(pythonRepr))).as("%s vs %s", ours, pythonRepr).isZero();
    assertThat(Double.parseDouble(ours)).isEqualTo(x);
  }

  /** Notation: plain for 1e-7 <= |x| < 1e21 (as ECMAScript Number.prototype.toString), else scientific. */
  @ParameterizedTest
  @CsvSource({"2e23, 2e23", "1e21, 1e21", "1e-7, 0.0000001", "1.5e-8, 1.5e-8", "100, 100", "-0.5, -0.5",
      "0, 0", "-0.0, 0", "5e-324, 5e-324", "0.30000000000000004, 0.30000000000000004"})
  void notation(double x, String expected) {
    assertThat(Numbers.shortest(x)).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void roundTripsAndNoShorterDecimalDoes(@ForAll double x) {
    if (!Double.isFinite(x) || x == 0) {
      return;
    }
    String s = Numbers.shortest(x);
    assertThat(Double.parseDouble(s)).isEqualTo(x);
    int digits = new BigDecimal(s).stripTrailingZeros().precision();
    if (digits > 1) {
      BigDecimal shorter = new BigDecimal(x).round(new MathContext(digits - 1, RoundingMode.HALF_EVEN));
      assertThat(shorter.doubleValue()).isNotEqualTo(x);
    }
  }

  @ParameterizedTest
  @CsvSource({"NaN", "Infinity", "-Infinity"})
  void refusesNonFinite(double x) {
    assertThatThrownBy(() -> Numbers.shortest(x)).isInstanceOf(IllegalArgumentException.class);
  }
}
