package org.trialstat.stats.mmrm;

/**
 * When a sum may leave out its terms {@code c * 0}: the conditions under which the sparse loops of
 * {@link SubjectRows}, {@link ResidualProducts} and {@link Gram}, which visit only the nonzero entries of
 * the design rows (and of the sufficient statistics), give the bits of the loops over every entry.
 *
 * <p>In IEEE 754 binary64 arithmetic with rounding to nearest (Java's, JLS 15.4), {@code c * 0} is a zero
 * (of either sign) whenever c is finite, and {@code s + z} for a zero z equals s for every s except -0.0
 * ({@code -0.0 + 0.0} is +0.0; IEEE 754-2019 section 6.3). A sum that starts at +0.0 and only ever adds
 * terms is never -0.0: +0.0 plus -0.0 is +0.0, and exact cancellation x + (-x) gives +0.0. So a term
 * {@code c * 0} may be left out of an accumulator when c is finite and the accumulator is not -0.0;
 * for the sums the callers start at zero that holds by construction, and for an accumulator handed in,
 * {@link #hasNegativeZero} checks it. When c is infinite or NaN ({@code c * 0} is NaN), the loops over
 * every entry are taken instead.
 */
final class ZeroSkip {

  private ZeroSkip() {
  }

  /** Whether every entry is finite (no infinity, no NaN). */
  static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** Whether some entry is -0.0. */
  static boolean hasNegativeZero(double[] v) {
    for (double x : v) {
      if (Double.doubleToRawLongBits(x) == Long.MIN_VALUE) {
        return true;
      }
    }
    return false;
  }
}
