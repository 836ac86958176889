package org.trialstat.stats;

/**
 * Standard deviations recovered from the spread a paper reports for a mean: a standard error, or a
 * confidence interval (Cochrane Handbook for Systematic Reviews of Interventions, version 6.4, section
 * 6.5.2.2, "Obtaining standard deviations from standard errors and confidence intervals for group
 * means").
 *
 * <ul>
 *   <li>{@link #sdFromSe(double, int)}: {@code SD = SE * sqrt(n)}, exact by definition of the SE of a
 *       mean.
 *   <li>{@link #seFromCi(double, double, int, double)}: {@code SE = (upper - lower) / (2 t)} with
 *       {@code t = t(1 - (1 - L) / 2, n - 1)} the two-sided critical value of Student's t at the CI's
 *       level L. The Handbook uses 3.92 (normal, 95%) for large samples and the t quantile for small
 *       ones; here the t quantile is always used, which inverts the t interval of a mean exactly.
 * </ul>
 *
 * <p>When the published interval came from a model (least-squares means of an MMRM or ANCOVA), its
 * half-width is the model's SE times a t quantile with the model's df, not {@code SD / sqrt(n)} of the
 * raw changes: the SD recovered here is then approximate (the SD that would give the model's SE with
 * n participants).
 *
 * <p>Data conditions give NaN, never an exception: n &lt; 2 for a CI (no t quantile with 0 df), or a
 * NaN input. R equivalent: {@code (upper - lower) / (2 * qt(1 - (1 - L) / 2, n - 1)) * sqrt(n)}.
 */
public final class SpreadConversion {

  private SpreadConversion() {
  }

  /**
   * SD from the standard error of a mean.
   *
   * @param se the SE (not negative), or NaN
   * @param n  the number of values behind the mean, at least 1
   * @return {@code se * sqrt(n)}, or NaN when se is NaN
   * @throws IllegalArgumentException for n &lt; 1 or a negative se
   */
  public static double sdFromSe(double se, int n) {
    checkN(n);
    if (se < 0) {
      throw new IllegalArgumentException("se must not be negative: " + se);
    }
    return se * Math.sqrt(n);
  }

  /**
   * The two-sided critical value {@code t(1 - (1 - L) / 2, n - 1)} used to convert a CI of a mean.
   *
   * @param n       the number of values behind the mean
   * @param ciLevel the CI's level L in (0, 1)
   * @return the quantile, or NaN when n &lt; 2
   */
  public static double tCritical(int n, double ciLevel) {
    checkN(n);
    Arguments.checkConfLevel(ciLevel);
    if (n < 2) {
      return Double.NaN;
    }
    return Arguments.tTwoSided(ciLevel, n - 1.0);
  }

  /**
   * SE of a mean from its confidence interval.
   *
   * @param lower   lower limit
   * @param upper   upper limit, at least {@code lower}
   * @param n       the number of values behind the mean
   * @param ciLevel the CI's level in (0, 1)
   * @return {@code (upper - lower) / (2 t(1 - (1 - L) / 2, n - 1))}, or NaN when n &lt; 2 or a limit is NaN
   * @throws IllegalArgumentException for n &lt; 1, a level outside (0, 1) or {@code lower > upper}
   */
  public static double seFromCi(double lower, double upper, int n, double ciLevel) {
    if (lower > upper) {
      throw new IllegalArgumentException("lower limit above upper limit: " + lower + " > " + upper);
    }
    return (upper - lower) / (2 * tCritical(n, ciLevel));
  }

  /**
   * SD from the confidence interval of a mean: {@link #seFromCi} times {@code sqrt(n)}.
   *
   * @return the SD, or NaN when n &lt; 2 or a limit is NaN
   */
  public static double sdFromCi(double lower, double upper, int n, double ciLevel) {
    return seFromCi(lower, upper, n, ciLevel) * Math.sqrt(n);
  }

  private static void checkN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
  }
}
