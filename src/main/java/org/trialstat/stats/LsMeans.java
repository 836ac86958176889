package org.trialstat.stats;

import java.util.Map;
import org.trialstat.model.ArmLsMean;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;

/**
 * Least-squares means of a linear model fitted by {@link LinearModel}: for level {@code l} of a factor
 * (the arm), {@code L' beta} with L the design row of the reference-grid point "factor at l, every other
 * factor averaged with the given weights, every numeric covariate at its mean over the observations"
 * ({@link DesignMatrix#at(Map, LsMeansWeights)}); standard error {@code s sqrt(L' (X'X)^-1 L)}, t
 * interval on the residual df. Searle, Speed and Milliken (1980), "Population marginal means in the
 * linear model: an alternative to least squares means", The American Statistician 34:216-221; the
 * numbers of R {@code emmeans(lm(...), ~ arm, weights = "equal" | "proportional")} and SAS
 * {@code LSMEANS arm [/ OM]}.
 *
 * <p>Edge cases: an L with weight on an aliased column (an arm without observations, a collinear
 * covariate) or a fit without residual df gives NaN numbers with the reason ({@link
 * LinearModel#linearCombination}). Differences of two LS means of the arm factor do not depend on the
 * weights: the averaged part of L is the same for every arm when no term crosses the arm with another
 * factor. Immutable (static methods only).
 */
public final class LsMeans {

  private LsMeans() {
  }

  /**
   * The LS mean of one level of a factor.
   *
   * @param fit       the fitted model
   * @param design    its design (terms and observations)
   * @param factor    the factor, one of the design's terms
   * @param level     index of the level in {@link Factor#levels()}
   * @param weights   how the other factors are averaged
   * @param confLevel the interval's level, in (0, 1)
   * @param method    the method string of the result
   * @return the LS mean; NaN numbers with a reason when it is not estimable
   */
  public static ArmLsMean of(LinearModel fit, DesignMatrix design, Factor factor, int level, LsMeansWeights weights,
      double confLevel, String method) {
    double[] l = design.at(Map.of(factor, level), weights);
    Difference d = fit.linearCombination(l, confLevel, method);
    return new ArmLsMean(d.estimate(), d.se(), d.df(), d.ciLow(), d.ciHigh(), confLevel, weights, method,
        d.reason());
  }
}
