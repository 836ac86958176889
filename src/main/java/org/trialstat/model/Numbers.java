package org.trialstat.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one formatter of numbers in machine-readable output (JSON, CSV, TSV) and messages.
 *
 * <p>{@link #shortest(double)} prints the shortest decimal that parses back to the same double
 * (round-trip exact), independent of the JDK version and the locale: Java 17's
 * {@code Double.toString} is not always the shortest form (JDK-4511638, fixed in JDK 19), so output
 * would otherwise change between JDKs. For the smallest p (1..17) for which a p-digit decimal
 * round-trips, the digits are that decimal; when both p-digit neighbours of x (truncated and rounded
 * away from zero) round-trip, the nearer one (ties to even). This is the choice of Ryu / Schubfach
 * (R. Giulietti, "The Schubfach way to render doubles", 2020; JDK 19+ {@code Double.toString}). Trying
 * both neighbours matters at exact powers of two, whose rounding interval is twice as wide above x as
 * below: there the correctly rounded p-digit decimal can miss the interval while the other neighbour
 * lies inside it (2^-1017 is 7.120236347223045e-307, not 7.1202363472230444e-307).
 *
 * <p>Notation: plain for 1e-7 &lt;= |x| &lt; 1e21 (as JavaScript), otherwise scientific with a
 * lower-case {@code e} ({@code 1.5e-17}), which JSON, R, Python and spreadsheets all read.
 */
public final class Numbers {

  private Numbers() {
  }

  /**
   * Shortest round-trip decimal of a finite double; "0" for both zeros.
   *
   * @throws IllegalArgumentException for NaN or infinities (writers print those as null / empty)
   */
  public static String shortest(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not a finite number: " + x);
    }
    if (x == 0) {
      return "0";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    BigDecimal exact = new BigDecimal(x);
    BigDecimal chosen = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
      boolean downOk = down.doubleValue() == x;
      boolean upOk = up.doubleValue() == x;
      if (downOk && upOk) {
        chosen = exact.round(new MathContext(p, RoundingMode.HALF_EVEN)); // the nearer of the two
        break;
      }
      if (downOk || upOk) {
        chosen = downOk ? down : up;
        break;
      }
    }
    chosen = chosen.stripTrailingZeros();
    int exponent = chosen.precision() - chosen.scale() - 1; // x = d.ddd * 10^exponent
    if (exponent >= -7 && exponent < 21) {
      return chosen.toPlainString();
    }
    String digits = chosen.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (chosen.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('e').append(exponent).toString();
  }
}
