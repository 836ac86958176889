package org.trialstat.stats;

import org.trialstat.model.MeanSummary;

/**
 * Accurate descriptive statistics of one sample: mean, sample standard deviation, and the t-based
 * confidence interval of the mean.
 *
 * <p>The algorithms are chosen for accuracy, not speed; they reach the certified values of all NIST
 * StRD univariate data sets to 13 or more significant digits, except the standard deviations of
 * NumAcc3 and NumAcc4, where the decimal data themselves cannot be represented in binary closely
 * enough (the same limit as R's {@code sd}).
 *
 * <p>Input arrays must hold finite numbers only: missing values are removed by the caller, so a NaN
 * or infinite value is a programming error and raises {@link IllegalArgumentException}.
 */
public final class SampleStatistics {

  /** The method name carried by every {@link MeanSummary} of this class. */
  public static final String METHOD = "mean, t-based CI (n - 1 df)";

  /**
   * The reason for a number whose magnitude exceeds the largest double, for example "SD beyond the range
   * of double-precision numbers (|x| > 1.8e308)".
   *
   * @param what the number, for example "SD"
   */
  public static String beyondDouble(String what) {
    return what + " beyond the range of double-precision numbers (|x| > 1.8e308)";
  }

  private SampleStatistics() {
  }

  /**
   * The arithmetic mean by two passes: m = sum(x) / n, then the correction m + sum(x - m) / n, which
   * removes most of the rounding error of the first sum (the algorithm of R's {@code mean.default},
   * which uses long double for the first pass).
   *
   * @param x the values (finite)
   * @return the mean, or NaN when x is empty
   */
  public static double mean(double[] x) {
    checkFinite(x);
    if (x.length == 0) {
      return Double.NaN;
    }
    double f = Scaling.factor(x);
    return scaledMean(x, f) / f;
  }

  /**
   * The mean of {@code f x} (f a power of two from {@link Scaling}, 1 for ordinary data), so that the sum
   * of values near the largest double does not overflow.
   */
  private static double scaledMean(double[] x, double f) {
    int n = x.length;
    double sum = 0;
    for (double v : x) {
      sum += v * f;
    }
    double m = sum / n;
    double correction = 0;
    for (double v : x) {
      correction += v * f - m;
    }
    return m + correction / n;
  }

  /**
   * The sample standard deviation, denominator n - 1, by the corrected two-pass algorithm of Chan,
   * Golub and LeVeque (1983, "Algorithms for computing the sample variance: analysis and
   * recommendations", The American Statistician 37(3), 242-247, eq. 1.7):
   * {@code SS = sum((x - m)^2) - (sum(x - m))^2 / n}, with m the {@link #mean(double[]) mean}. The
   * second term corrects for the rounding error of m. Values beyond 2^&plusmn;400 in magnitude are first
   * multiplied by a power of two ({@link Scaling}, exact), so that squares neither overflow (an SD of
   * scores near 1e200 is finite) nor underflow (an SD of 1e-300 is not 0); ordinary data are not rescaled.
   *
   * @param x the values (finite)
   * @return the SD, 0 when all values are equal, NaN when n &lt; 2; infinite only when the SD itself
   *         exceeds the largest double
   */
  public static double sd(double[] x) {
    checkFinite(x);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double f = Scaling.factor(x);
    double m = scaledMean(x, f);
    double sumDev = 0;
    double sumSq = 0;
    for (double v : x) {
      double d = v * f - m;
      sumDev += d;
      sumSq += d * d;
    }
    double ss = sumSq - sumDev * sumDev / n;
    // ss >= 0 in exact arithmetic; guard the impossible rounding case.
    return Math.sqrt(Math.max(ss, 0) / (n - 1)) / f;
  }

  /**
   * n, mean, SD, standard error of the mean (SD / sqrt(n)) and the t-based confidence interval
   * {@code mean +/- t(1 - (1 - level) / 2, n - 1) * SE}, as R's {@code t.test(x)$conf.int}.
   *
   * <ul>
   *   <li>n = 0: every number NaN, reason "n = 0: no values".
   *   <li>n = 1: the mean; SD, SE and the interval NaN, reason "n = 1: no SD".
   *   <li>An SD or a confidence limit beyond the largest double (values near &plusmn;1e308): that number
   *       and those after it NaN, with the reason {@link #beyondDouble}.
   *   <li>All values equal: SD 0, SE 0 and the degenerate interval [mean, mean], reason null (R's
   *       {@code t.test} refuses such data with "data are essentially constant"; we report the
   *       zero-width interval because the descriptive numbers are still exact).
   * </ul>
   *
   * @param x         the values (finite)
   * @param confLevel confidence level in (0, 1)
   * @return the summary
   */
  public static MeanSummary summarize(double[] x, double confLevel) {
    Arguments.checkConfLevel(confLevel);
    return build(x.length, mean(x), sd(x), confLevel);
  }

  /**
   * The same summary as {@link #summarize(double[], double)} from summary statistics.
   *
   * @param n         number of values (at least 0)
   * @param mean      their mean (ignored when n is 0)
   * @param sd        their sample SD (ignored when n &lt; 2); must not be negative
   * @param confLevel confidence level in (0, 1)
   * @return the summary; when n &ge; 2 but mean or SD is NaN, NaN numbers with a reason
   */
  public static MeanSummary fromSummary(int n, double mean, double sd, double confLevel) {
    Arguments.checkConfLevel(confLevel);
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    if (sd < 0) {
      throw new IllegalArgumentException("sd must not be negative: " + sd);
    }
    return build(n, n == 0 ? Double.NaN : mean, n < 2 ? Double.NaN : sd, confLevel);
  }

  private static MeanSummary build(int n, double mean, double sd, double confLevel) {
    double nan = Double.NaN;
    if (n == 0) {
      return new MeanSummary(0, nan, nan, nan, nan, nan, confLevel, METHOD, "n = 0: no values");
    }
    if (Double.isNaN(mean)) {
      return new MeanSummary(n, nan, nan, nan, nan, nan, confLevel, METHOD, "mean not available");
    }
    if (n == 1) {
      return new MeanSummary(1, mean, nan, nan, nan, nan, confLevel, METHOD, "n = 1: no SD");
    }
    if (Double.isNaN(sd)) {
      return new MeanSummary(n, mean, nan, nan, nan, nan, confLevel, METHOD, "SD not available");
    }
    if (Double.isInfinite(sd)) {
      return new MeanSummary(n, mean, nan, nan, nan, nan, confLevel, METHOD, beyondDouble("SD"));
    }
    double se = sd / Math.sqrt(n);
    double half = Arguments.tTwoSided(confLevel, n - 1) * se;
    double low = mean - half;
    double high = mean + half;
    if (Double.isInfinite(low) || Double.isInfinite(high)) {
      return new MeanSummary(n, mean, sd, se, nan, nan, confLevel, METHOD, beyondDouble("confidence limit"));
    }
    return new MeanSummary(n, mean, sd, se, low, high, confLevel, METHOD, null);
  }

  private static void checkFinite(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("value " + i + " is not finite: " + x[i]);
      }
    }
  }
}
