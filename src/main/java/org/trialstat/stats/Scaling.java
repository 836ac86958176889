package org.trialstat.stats;

/**
 * Exact rescaling by powers of two, so that squares and sums of squares of very large or very small
 * numbers neither overflow nor underflow (the scaling of LAPACK's {@code dnrm2} and of Higham, Accuracy
 * and Stability of Numerical Algorithms, 2nd ed., sec. 27.8, reduced to its simplest form).
 *
 * <p>Multiplying by 2^k changes only the exponent of a double, so every +, -, *, / and square root of
 * scaled numbers is the exact scaled image of the unscaled operation whenever neither form over- or
 * underflows: a statistic computed on scaled values and scaled back is bit-identical to the unscaled
 * one on ordinary data, and finite where the unscaled one would give infinity, NaN or a false 0.
 *
 * <p>Public only for the {@code analysis} layer's model fits; not part of the statistics' API.
 */
public final class Scaling {

  /**
   * Binary exponent beyond which values are rescaled: 2^400 (about 2.6e120) squared and summed over
   * 2^100 terms stays finite, and 2^-400 squared stays far above the subnormal range.
   */
  static final int SAFE_EXPONENT = 400;

  private Scaling() {
  }

  /**
   * The factor {@code 2^-e}, e the binary exponent of the largest finite |value|, when that value lies
   * outside [2^-400, 2^400]; otherwise 1 (ordinary data are not rescaled at all).
   *
   * @param values the magnitudes to bring near 1 (NaN, infinite and zero values are ignored)
   * @return a power of two
   */
  public static double factor(double... values) {
    double max = 0;
    for (double v : values) {
      double a = Math.abs(v);
      if (Double.isFinite(a) && a > max) {
        max = a;
      }
    }
    if (max == 0) {
      return 1;
    }
    int e = Math.getExponent(max);
    if (e >= -SAFE_EXPONENT && e <= SAFE_EXPONENT) {
      return 1;
    }
    // getExponent of a subnormal is MIN_EXPONENT - 1; 2^1023 is the largest factor a double holds
    return Math.scalb(1.0, Math.min(-e, Double.MAX_EXPONENT));
  }
}
