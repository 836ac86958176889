package org.trialstat.stats;

import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The argument checks and two-sided critical values shared by the routines of this package, written
 * once. Violations are programming errors (counts, n and levels come from our own tallies or from
 * validated input), so they throw {@link IllegalArgumentException}; data conditions such as
 * {@code n = 0}, zero events or zero variance never throw.
 *
 * <p>Public only for the subpackages ({@code stats.binary}); not part of the statistics' API.
 */
public final class Arguments {

  /** The standard normal distribution. */
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Arguments() {
  }

  /**
   * Checks one arm's counts.
   *
   * @param events number with the event
   * @param n      denominator
   * @param what   the arm's name for the message
   * @throws IllegalArgumentException if {@code n < 0}, {@code events < 0} or {@code events > n}
   */
  static void checkCounts(int events, int n, String what) {
    if (n < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: negative n %d", what, n));
    }
    if (events < 0 || events > n) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s: events %d outside [0, n = %d]", what, events, n));
    }
  }

  /**
   * Checks a confidence level.
   *
   * @throws IllegalArgumentException unless {@code 0 < confLevel < 1}
   */
  public static void checkConfLevel(double confLevel) {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1): " + confLevel);
    }
  }

  /**
   * The two-sided normal quantile z with P(|Z| &lt;= z) = confLevel, that is R's
   * {@code qnorm((1 + conf.level) / 2)}; computed as the upper-tail quantile of
   * {@code (1 - confLevel) / 2} so that no precision is lost near 1.
   */
  public static double zTwoSided(double confLevel) {
    return STANDARD_NORMAL.inverseSurvivalProbability(0.5 * (1 - confLevel));
  }

  /**
   * The two-sided Student t critical value {@code t(1 - (1 - level) / 2, df)}, R's
   * {@code qt((1 + conf.level) / 2, df)}; computed as the upper-tail quantile of
   * {@code (1 - confLevel) / 2} so that no precision is lost near 1.
   */
  static double tTwoSided(double confLevel, double df) {
    return TDistribution.of(df).inverseSurvivalProbability((1 - confLevel) / 2);
  }

  /**
   * Checks the n and SD of two arms given as summaries.
   *
   * @throws IllegalArgumentException if an n or an SD is negative
   */
  static void checkArmSummaries(int nT, double sdT, int nC, double sdC) {
    if (nT < 0 || nC < 0) {
      throw new IllegalArgumentException("n must not be negative: " + nT + ", " + nC);
    }
    if (sdT < 0 || sdC < 0) {
      throw new IllegalArgumentException("sd must not be negative: " + sdT + ", " + sdC);
    }
  }
}
