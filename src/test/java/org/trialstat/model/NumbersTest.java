package org.trialstat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

  /**
   * Reference: JDK 25's {@code Double.toString} (Giulietti's Schubfach, shortest round-trip, nearest among
   * the shortest) of every power of two, made by src/test/resources/numbers/MakePowersOfTwo.java. Exact:
   * same decimal value. The one allowed difference is the JDK's own rule of at least two significant
   * digits ({@code 4.9E-324} for 2^-1074), where our one-digit {@code 5e-324} must round-trip too.
   * Before the fix 46 powers of two (2^-1017 among them) came out one digit longer.
   */
  @ParameterizedTest(name = "2^{0}")
  @CsvFileSource(resources = "/numbers/powers_of_two_jdk.csv")
  void powersOfTwoAgreeWithSchubfach(int k, long bits, String jdk) {
    double x = Double.longBitsToDouble(bits);
    assertThat(x).isEqualTo(Math.scalb(1.0, k));
    String ours = Numbers.shortest(x);
    assertThat(Double.parseDouble(ours)).isEqualTo(x);
    BigDecimal ref = new BigDecimal(jdk);
    if (new BigDecimal(ours).precision() == 1 && ref.stripTrailingZeros().precision() == 2) {
      return; // the JDK never prints fewer than two digits
    }
    assertThat(new BigDecimal(ours).compareTo(ref)).as("%s vs %s", ours, jdk).isZero();
  }

  /**
   * Minimality against BigDecimal (exact on Java 17, whose Double.toString is not the reference): the
   * output round-trips, neither (p-1)-digit neighbour of x round-trips, and no p-digit decimal that
   * round-trips is nearer to x. Powers of two and their neighbours are drawn as often as random doubles.
   */
  @Property(tries = 3000)
  void shortestAndNearestAmongShortest(@ForAll double random, @ForAll @IntRange(min = -1074, max = 1023) int k,
      @ForAll @IntRange(min = -1, max = 1) int step, @ForAll boolean power) {
    double x = power ? Math.scalb(1.0, k) : random;
    if (power && step != 0) {
      x = step < 0 ? Math.nextDown(x) : Math.nextUp(x);
    }
    if (!Double.isFinite(x) || x == 0) {
      return;
    }
    String s = Numbers.shortest(x);
    assertThat(Double.parseDouble(s)).isEqualTo(x);
    BigDecimal exact = new BigDecimal(x);
    BigDecimal ours = new BigDecimal(s);
    int p = ours.stripTrailingZeros().precision();
    if (p > 1) {
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
        assertThat(exact.round(new MathContext(p - 1, mode)).doubleValue()).as("%s %s", s, mode).isNotEqualTo(x);
      }
    }
    BigDecimal distance = ours.subtract(exact).abs();
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
      BigDecimal other = exact.round(new MathContext(p, mode));
      if (other.doubleValue() == x) {
        assertThat(other.subtract(exact).abs()).as("%s vs %s", s, other).isGreaterThanOrEqualTo(distance);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"NaN", "Infinity", "-Infinity"})
  void refusesNonFinite(double x) {
    assertThatThrownBy(() -> Numbers.shortest(x)).isInstanceOf(IllegalArgumentException.class);
  }
}
