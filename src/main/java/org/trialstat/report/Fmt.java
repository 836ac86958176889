package org.trialstat.report;

import java.util.Locale;

/** Fixed-precision formatting for human-readable tables, always in {@link Locale#ROOT}. */
public final class Fmt {
  /** Printed in a table cell for a number that is not estimable. */
  public static final String NE = "n/e";

  private Fmt() {
  }

  /** Fixed decimals, never "-0.00"; "n/e" for a non-finite value. */
  public static String fixed(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return NE;
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
    return s.matches("-0\\.?0*") ? s.substring(1) : s; // no "-0.00"
  }

  static String meanSd(double mean, double sd, int decimals) {
    if (!Double.isFinite(mean)) {
      return NE;
    }
    return fixed(mean, decimals) + " (" + fixed(sd, decimals) + ")";
  }

  /** "low to high", or "n/e". */
  public static String ci(double lo, double hi, int decimals) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      return NE;
    }
    return fixed(lo, decimals) + " to " + fixed(hi, decimals);
  }

  /** A p value as the tables print it: 4 decimals, "<0.0001" below. */
  public static String p(double p) {
    if (!Double.isFinite(p)) {
      return NE;
    }
    return p < 0.0001 ? "<0.0001" : fixed(p, 4);
  }

  /** A rate as a percent with one decimal. */
  public static String percent(double rate) {
    return Double.isFinite(rate) ? fixed(100 * rate, 1) + "%" : NE;
  }

  /** A confidence level as "95%" ("97.5%" with one decimal when not whole; empty when unknown). */
  public static String level(double confLevel) {
    if (!Double.isFinite(confLevel)) {
      return "";
    }
    double pct = 100 * confLevel;
    return (pct == Math.rint(pct) ? Long.toString((long) pct) : fixed(pct, 1)) + "%";
  }

  /** An NNT as Altman (1998) writes it: "NNTB 3.6" for a positive 1 / RD, "NNTH 9.8" for a negative one. */
  static String nnt(double nnt) {
    return Double.isFinite(nnt) ? (nnt > 0 ? "NNTB " : "NNTH ") + fixed(Math.abs(nnt), 1) : NE;
  }

  /** The interval of an NNT whose risk-difference interval excludes 0, as magnitudes in increasing order. */
  static String nntCi(double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      return NE;
    }
    return ci(Math.min(Math.abs(lo), Math.abs(hi)), Math.max(Math.abs(lo), Math.abs(hi)), 1);
  }
}
