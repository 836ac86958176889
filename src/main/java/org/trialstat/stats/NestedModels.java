package org.trialstat.stats;

import org.apache.commons.statistics.distribution.FDistribution;
import org.trialstat.model.FTest;

/**
 * The F test of two nested linear models fitted to the same observations, as R's
 * {@code anova(lm(reduced), lm(full))}:
 * {@code F = ((RSS_0 - RSS_1) / (r_1 - r_0)) / (RSS_1 / (n - r_1))}, with {@code r} the rank of each
 * design, so aliased columns (an empty cell of an interaction) add no degrees of freedom, as R's
 * {@code NA} coefficients. The upper tail of F({@code r_1 - r_0}, {@code n - r_1}) is the p value
 * (Commons Statistics {@code FDistribution}). Reference: Searle, Linear Models (1971), section 3.6; R's
 * {@code anova.lmlist}.
 *
 * <p>Not estimable (a value with a reason): the full model adds no estimable column, or it leaves no
 * residual degrees of freedom, or it fits exactly (RSS 0). A difference of RSS that rounds below 0 is
 * taken as 0 (F = 0, p = 1), where R prints a tiny negative F.
 */
public final class NestedModels {

  private NestedModels() {
  }

  /**
   * The F test of {@code full} against {@code reduced}.
   *
   * @param reduced the model without the tested terms
   * @param full    the same observations with the tested terms added (its design contains the reduced one)
   * @param method  the method name carried by the result
   * @throws IllegalArgumentException when the two fits have different numbers of observations
   */
  public static FTest fTest(LinearModel reduced, LinearModel full, String method) {
    if (reduced.n() != full.n()) {
      throw new IllegalArgumentException("nested models need the same observations: " + reduced.n() + " and "
          + full.n());
    }
    int df = full.rank() - reduced.rank();
    int dfResidual = full.residualDf();
    if (df <= 0) {
      return FTest.notEstimable(method, "the interaction adds no estimable term (every subgroup level needs both arms)");
    }
    if (dfResidual <= 0) {
      return FTest.notEstimable(method, "no residual degrees of freedom");
    }
    double rss = full.residualSumOfSquares();
    if (!(rss > 0)) {
      return FTest.notEstimable(method, "the full model fits exactly (residual sum of squares 0)");
    }
    double f = Math.max(0, reduced.residualSumOfSquares() - rss) / df / (rss / dfResidual);
    double p = FDistribution.of(df, dfResidual).survivalProbability(f);
    return new FTest(method, f, df, dfResidual, p, null);
  }
}
