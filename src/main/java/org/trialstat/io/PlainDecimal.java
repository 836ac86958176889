package org.trialstat.io;

/**
 * The plain decimal numbers of {@link Cells} (optional sign, digits with an optional fraction, optional
 * exponent; with {@code decimalComma} one comma for the point) read from a range of characters, such as
 * a cell in a reader's buffer, without a {@code String} in the common case. No regular expressions: a
 * hand-written scan.
 *
 * <p>The value is exactly {@link Double#parseDouble}'s (the correctly rounded double, JLS 17 section
 * 3.10.2 / IEEE 754): a number of at most 15 significant digits without an exponent is computed by
 * Clinger's exact fast path (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990,
 * section 5): the digits as an integer below 10^15 < 2^53 and the power of ten 10^k, k &lt;= 15 &lt;= 22,
 * are both exact doubles, so the one correctly rounded IEEE division m / 10^k is the correctly rounded
 * value of the decimal. Everything else (more digits, an exponent) goes through
 * {@code Double.parseDouble}.
 */
final class PlainDecimal {

  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  private PlainDecimal() {
  }

  /** Whether {@code b[from, to)} (a trimmed cell) is a missing value: empty, {@code NA} (any case) or {@code .}. */
  static boolean isMissing(char[] b, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return true;
    }
    if (n == 1) {
      return b[from] == '.';
    }
    return n == 2 && (b[from] == 'N' || b[from] == 'n') && (b[from + 1] == 'A' || b[from + 1] == 'a');
  }

  /**
   * Parses the plain decimal number {@code b[from, to)}.
   *
   * @return the value (possibly infinite when the exponent overflows), or NaN when the text is not a
   *         plain decimal number
   */
  static double parse(char[] b, int from, int to, boolean decimalComma) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '+' || b[i] == '-')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    while (i < to && isDigit(b[i])) {
      mantissa = mantissa * 10 + (b[i] - '0'); // overflow only matters below 16 digits
      i++;
      digits++;
    }
    int commaAt = -1;
    if (i < to && (b[i] == '.' || (decimalComma && b[i] == ','))) {
      if (b[i] == ',') {
        commaAt = i;
      }
      i++;
      while (i < to && isDigit(b[i])) {
        mantissa = mantissa * 10 + (b[i] - '0');
        i++;
        digits++;
        fractionDigits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    boolean exponent = false;
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      exponent = true;
      i++;
      if (i < to && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < to && isDigit(b[i])) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
    }
    if (i != to) {
      return Double.NaN;
    }
    if (!exponent && digits <= 15) {
      double v = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
      return negative ? -v : v;
    }
    char[] text = java.util.Arrays.copyOfRange(b, from, to);
    if (commaAt >= 0) {
      text[commaAt - from] = '.';
    }
    return Double.parseDouble(new String(text));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
