package org.trialstat.stats.meta;

import java.util.function.DoubleUnaryOperator;
import org.trialstat.stats.BrentRoot;

/**
 * Roots of the decreasing generalized Q statistic (Paule-Mandel, empirical Bayes, the Q-profile limits)
 * by Brent's method ({@link BrentRoot}, Brent 1973) on a bracket that starts at
 * {@code [0, max(100, 10 tau2_start)]}, metafor's {@code tau2.max}, and is widened tenfold until it
 * holds the root. Stopping rule: absolute accuracy {@code 1e-13 max(1, root)} (metafor's default
 * {@code uniroot} tolerance is 1.2e-4; our reference values were computed with {@code tol = 1e-12}),
 * relative accuracy 1e-15, |f| at most 1e-15 counts as a root.
 */
final class Roots {

  private static final int MAX_EVALUATIONS = 10_000;

  private Roots() {
  }

  /**
   * The tau^2 at which {@code q(tau2) = target}, for q decreasing in tau^2 with {@code q(0) >= target}.
   *
   * @return the root, or NaN when no root below 1e300 exists
   */
  static double decreasing(DoubleUnaryOperator q, double target, double start) {
    double hi = Math.max(100, 10 * start);
    while (q.applyAsDouble(hi) > target) {
      hi *= 10;
      if (hi > 1e300) {
        return Double.NaN;
      }
    }
    double lo = 0;
    // Narrow the bracket decade by decade first, so that the absolute accuracy fits the size of the root.
    double mid = hi / 10;
    while (mid > 1e-300 && q.applyAsDouble(mid) < target) {
      hi = mid;
      mid /= 10;
    }
    if (mid > 1e-300) {
      lo = mid;
    }
    double accuracy = 1e-13 * Math.max(1, lo);
    return new BrentRoot(1e-15, accuracy, 1e-15, MAX_EVALUATIONS)
        .solve(x -> q.applyAsDouble(x) - target, lo, hi);
  }
}
