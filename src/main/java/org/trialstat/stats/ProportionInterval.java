package org.trialstat.stats;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;
import org.trialstat.model.Proportion;

/**
 * Confidence intervals for a single event rate {@code p = events / n}.
 *
 * <p>Each constant is one method; {@link #of(int, int, double)} returns the rate with its interval as a
 * {@link Proportion}.
 */
public enum ProportionInterval {

  /**
   * Wilson score interval (Wilson 1927), without continuity correction.
   *
   * <p>With {@code p = x / n} and {@code z = qnorm((1 + confLevel) / 2)} the limits are the roots of
   * {@code (p - pi)^2 = z^2 pi (1 - pi) / n}:
   *
   * <pre>
   *   centre   = (p + z^2 / (2n)) / (1 + z^2 / n)
   *   halfWidth = z * sqrt(p (1 - p) / n + z^2 / (4 n^2)) / (1 + z^2 / n)
   *   [centre - halfWidth, centre + halfWidth]
   * </pre>
   *
   * <p>Computed by Commons Statistics {@link BinomialConfidenceInterval#WILSON_SCORE}, which uses this
   * formula. The interval never leaves [0, 1]; when {@code x = 0} the lower limit is set to exactly 0
   * and when {@code x = n} the upper limit to exactly 1 (their exact values; floating point may
   * otherwise leave them a few units in the last place off, R prints for example -1.9e-17).
   *
   * <p>Agrees with R's {@code prop.test(x, n, correct = FALSE)$conf.int} and with SAS PROC FREQ
   * {@code BINOMIAL(CL = WILSON)}, and is Newcombe's (1998a) method 3. <b>Defaults differ</b>: R's
   * {@code prop.test} applies Yates' continuity correction unless {@code correct = FALSE}
   * ({@code binom.test} gives Clopper-Pearson limits), and SAS PROC FREQ's default binomial limits are
   * Wald (asymptotic) and Clopper-Pearson (exact).
   *
   * <p>{@code n = 0}: rate and limits are NaN, with reason "no participants (n = 0)".
   *
   * <p>References: Wilson EB. Probable inference, the law of succession, and statistical inference.
   * J Am Stat Assoc 1927;22:209-212. Newcombe RG. Two-sided confidence intervals for the single
   * proportion: comparison of seven methods. Stat Med 1998;17:857-872.
   */
  WILSON("Wilson score") {
    @Override
    Proportion compute(int events, int n, double confLevel) {
      final Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, events, 1 - confLevel);
      final double low = events == 0 ? 0 : Math.max(0, interval.getLowerBound());
      final double high = events == n ? 1 : Math.min(1, interval.getUpperBound());
      return new Proportion(events, n, (double) events / n, low, high, confLevel, methodName(), null);
    }
  };

  private final String methodName;

  ProportionInterval(String methodName) {
    this.methodName = methodName;
  }

  /**
   * The method's name as it appears in results, for example "Wilson score".
   *
   * @return the method name carried by every result of this constant
   */
  public String methodName() {
    return methodName;
  }

  /**
   * The event rate {@code events / n} with its two-sided confidence interval.
   *
   * @param events    number with the event, {@code 0 <= events <= n}
   * @param n         denominator, {@code n >= 0}; {@code n = 0} gives NaN numbers and a reason
   * @param confLevel confidence level in (0, 1), for example 0.95
   * @return the rate, never null
   * @throws IllegalArgumentException for a negative count, {@code events > n} or a level outside (0, 1)
   */
  public Proportion of(int events, int n, double confLevel) {
    Arguments.checkCounts(events, n, "proportion");
    Arguments.checkConfLevel(confLevel);
    if (n == 0) {
      return new Proportion(events, n, Double.NaN, Double.NaN, Double.NaN, confLevel, methodName,
          "no participants (n = 0)");
    }
    return compute(events, n, confLevel);
  }

  /** The interval for valid arguments with {@code n > 0}. */
  abstract Proportion compute(int events, int n, double confLevel);
}
