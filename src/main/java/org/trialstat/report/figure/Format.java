package org.trialstat.report.figure;

import java.util.Locale;

/** Number formatting of the figures and the HTML report, in {@link Locale#ROOT}, as the tables round. */
final class Format {
  /** Printed for a number that is not estimable. */
  static final String NE = "n/e";

  private Format() {
  }

  /** Fixed decimals, never "-0.00"; "n/e" for a non-finite value. */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return NE;
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }

  /** A p value as the tables print it: 4 decimals, "<0.0001" below. */
  static String p(double p) {
    return !Double.isFinite(p) ? NE : p < 0.0001 ? "<0.0001" : fixed(p, 4);
  }

  /** "low to high", or "n/e". */
  static String ci(double lo, double hi, int decimals) {
    return Double.isFinite(lo) && Double.isFinite(hi) ? fixed(lo, decimals) + " to " + fixed(hi, decimals) : NE;
  }

  /** A confidence level as "95%" (empty when unknown). */
  static String level(double level) {
    if (!Double.isFinite(level)) {
      return "";
    }
    double pct = 100 * level;
    return (pct == Math.rint(pct) ? Long.toString((long) pct) : fixed(pct, 1)) + "%";
  }

  /** A rate as a percent with one decimal. */
  static String percent(double rate) {
    return Double.isFinite(rate) ? fixed(100 * rate, 1) + "%" : NE;
  }
}
