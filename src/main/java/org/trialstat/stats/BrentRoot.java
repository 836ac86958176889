package org.trialstat.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * The root of a function on a bracket by Brent's method (Brent, R. P. 1973, <i>Algorithms for
 * Minimization without Derivatives</i>, ch. 4), as Commons Numbers' {@link BrentSolver} computes it,
 * with two things that solver leaves out and commons-math3's {@code BrentSolver} (used here before)
 * had, so that every root is the same double as before:
 * <ul>
 *   <li>the first point tried is {@code min + (max - min) / 2}, computed as commons-math3 did (Commons
 *       Numbers takes {@code min / 2 + max / 2}, which can differ in the last bit);
 *   <li>a cap on the number of function evaluations: past it an {@link IllegalStateException} (where
 *       commons-math3 threw its {@code TooManyEvaluationsException}, also an IllegalStateException),
 *       so that a function returning NaN cannot keep the iteration going forever.
 * </ul>
 * The iteration itself (tolerance {@code 2 eps |b| + t}, inverse quadratic interpolation, bisection
 * fallback) is the same statement for statement in both libraries. A bracket without a sign change
 * throws an {@link IllegalArgumentException}, as before.
 */
public final class BrentRoot {

  private final double relativeAccuracy;
  private final double absoluteAccuracy;
  private final double functionValueAccuracy;
  private final int maxEvaluations;

  /**
   * @param relativeAccuracy      eps of the stopping tolerance {@code 2 eps |b| + t}
   * @param absoluteAccuracy      t of the stopping tolerance
   * @param functionValueAccuracy a point where |f| is at most this is a root
   * @param maxEvaluations        the most function evaluations allowed
   */
  public BrentRoot(double relativeAccuracy, double absoluteAccuracy, double functionValueAccuracy,
      int maxEvaluations) {
    this.relativeAccuracy = relativeAccuracy;
    this.absoluteAccuracy = absoluteAccuracy;
    this.functionValueAccuracy = functionValueAccuracy;
    this.maxEvaluations = maxEvaluations;
  }

  /**
   * @return the root of f in [min, max], min &lt; max, where f changes sign
   * @throws IllegalStateException    after {@code maxEvaluations} evaluations without convergence
   * @throws IllegalArgumentException when f has the same sign at min, at the midpoint and at max
   */
  public double solve(DoubleUnaryOperator f, double min, double max) {
    int[] count = {0};
    DoubleUnaryOperator counted = x -> {
      if (++count[0] > maxEvaluations) {
        throw new IllegalStateException("Brent's method: no convergence in " + maxEvaluations
            + " evaluations on [" + min + ", " + max + "]");
      }
      return f.applyAsDouble(x);
    };
    return new BrentSolver(relativeAccuracy, absoluteAccuracy, functionValueAccuracy)
        .findRoot(counted, min, min + 0.5 * (max - min), max);
  }
}
