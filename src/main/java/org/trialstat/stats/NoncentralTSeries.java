package org.trialstat.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The series behind {@link NoncentralT#cdf}: the noncentral t distribution function as a Poisson
 * mixture of incomplete beta functions, summed outward from the mode of the weights.
 *
 * <p>For {@code t >= 0}, with {@code x = t^2 / (t^2 + df)}, {@code lambda = ncp^2 / 2} and I the regularized
 * incomplete beta function (Lenth 1989, eq. 1; Guenther 1978):
 * <pre>
 *   F(t; df, ncp) = Phi(-ncp) + 1/2 sum_{j>=0} [ p_j I_x(j + 1/2, df/2) + q_j I_x(j + 1, df/2) ]
 *   p_j = exp(-lambda) lambda^j / j!,   q_j = ncp exp(-lambda) lambda^j / (sqrt(2) Gamma(j + 3/2))
 * </pre>
 * and, because {@code sum p_j = 1} and {@code sum q_j = 2 Phi(ncp) - 1}, the upper tail
 * {@code 1 - F = 1/2 sum [p_j (1 - I_x(j + 1/2, df/2)) + q_j (1 - I_x(j + 1, df/2))]}. For {@code t < 0},
 * {@code F(t; df, ncp) = 1 - F(-t; df, -ncp)}, evaluated by the upper-tail series so that no
 * subtraction from 1 takes place.
 *
 * <p>The series is summed as proposed by Benton and Krishnamoorthy (2003) to remove the weaknesses of
 * Lenth's AS 243 (which sums forward from j = 0 and underflows for ncp beyond about 37, the limit of
 * R's {@code pt}): it starts at the mode {@code j = floor(lambda)} of the Poisson weights, with the two
 * incomplete betas computed there directly (Commons Statistics' {@link BetaDistribution}, always in the
 * argument, x or 1 - x, that is exact), and moves forward and backward with the recurrence
 * {@code I_x(a + 1, b) = I_x(a, b) - Gamma(a + b) / (Gamma(a + 1) Gamma(b)) x^a (1 - x)^b}; each direction
 * stops when a geometric bound on the remaining terms falls below 1e-17 of the sum.
 *
 * <ul>
 *   <li>Lenth, R. V. (1989). Algorithm AS 243: Cumulative distribution function of the non-central t
 *       distribution. Applied Statistics 38(1), 185-189.
 *   <li>Benton, D. and Krishnamoorthy, K. (2003). Computing discrete mixtures of continuous
 *       distributions: noncentral chisquare, noncentral t and the distribution of the square of the
 *       sample multiple correlation coefficient. Computational Statistics &amp; Data Analysis 43,
 *       249-267.
 * </ul>
 */
final class NoncentralTSeries {

  private static final double SUM_EPS = 1e-17;
  private static final int MAX_TERMS = 10_000_000;
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private NoncentralTSeries() {
  }

  /** p clamped to [0, 1]. */
  static double clamp(double p) {
    return Math.min(1, Math.max(0, p));
  }

  /**
   * The series sum over j of [p_j B(j + 1/2) + q_j B(j + 1)] with B the lower (upper = false) or upper
   * (upper = true) regularized incomplete beta at x = t^2 / (t^2 + df), for t &ge; 0 and df &gt; 0 finite,
   * delta the noncentrality.
   */
  static double sum(double t, double df, double delta, boolean upper) {
    double t2 = t * t;
    double denom = t2 + df;
    double x = t2 / denom;
    double y = df / denom;
    if (x == 0) {
      // t = 0 (or so small that x underflows): I_x = 0, 1 - I_x = 1
      return upper ? 1 + (2 * STANDARD_NORMAL.cumulativeProbability(delta) - 1) : 0;
    }
    if (y == 0) {
      // t so large that 1 - x underflows: I_x = 1
      return upper ? 0 : 1 + (2 * STANDARD_NORMAL.cumulativeProbability(delta) - 1);
    }
    double logX = x <= 0.5 ? Math.log(x) : Math.log1p(-y);
    double logY = y <= 0.5 ? Math.log(y) : Math.log1p(-x);
    double b = df / 2;
    double lambda = 0.5 * delta * delta;
    int k = (int) Math.floor(lambda);

    double pk = k == 0 ? Math.exp(-lambda) : PoissonDistribution.of(lambda).probability(k);
    // q_k = p_k delta / sqrt(2) Gamma(k + 1) / Gamma(k + 3/2) = p_k delta B(k + 1, 1/2) / sqrt(2 pi)
    double qk = pk * delta * Math.exp(Beta.logBeta(k + 1.0, 0.5)) / Math.sqrt(2 * Math.PI);

    double a1 = k + 0.5;
    double a2 = k + 1.0;
    double b1 = incompleteBeta(x, y, a1, b, upper);
    double b2 = incompleteBeta(x, y, a2, b, upper);
    double g1 = betaStep(logX, logY, a1, b);
    double g2 = betaStep(logX, logY, a2, b);

    double sum = pk * b1 + qk * b2;

    // forward: j = k + 1, k + 2, ...
    double p = pk;
    double q = qk;
    double fb1 = b1;
    double fb2 = b2;
    double fg1 = g1;
    double fg2 = g2;
    double fa1 = a1;
    double fa2 = a2;
    for (int j = k + 1, n = 0; n < MAX_TERMS; j++, n++) {
      // advance the incomplete betas from a to a + 1
      fb1 = upper ? fb1 + fg1 : fb1 - fg1;
      fb2 = upper ? fb2 + fg2 : fb2 - fg2;
      fg1 = nextStep(fg1, x, fa1, b, logX, logY);
      fg2 = nextStep(fg2, x, fa2, b, logX, logY);
      fa1 += 1;
      fa2 += 1;
      p *= lambda / j;
      q *= lambda / (j + 0.5);
      fb1 = clamp(fb1);
      fb2 = clamp(fb2);
      sum += p * fb1 + q * fb2;
      // remaining terms: weights fall at least geometrically with ratio lambda / (j + 1) < 1,
      // the betas are bounded by the current one (lower, decreasing) or by 1 (upper)
      double ratio = lambda / (j + 1);
      double bound1 = upper ? 1 : fb1;
      double bound2 = upper ? 1 : fb2;
      double rest = (p * ratio * bound1 + Math.abs(q) * ratio * bound2) / (1 - ratio);
      if (rest <= SUM_EPS * Math.abs(sum)) {
        break;
      }
    }

    // backward: j = k - 1, ..., 0
    p = pk;
    q = qk;
    double bb1 = b1;
    double bb2 = b2;
    double bg1 = g1;
    double bg2 = g2;
    double ba1 = a1;
    double ba2 = a2;
    for (int j = k - 1; j >= 0; j--) {
      // g(a - 1) = g(a) a / ((a - 1 + b) x)
      bg1 = previousStep(bg1, x, ba1, b, logX, logY);
      bg2 = previousStep(bg2, x, ba2, b, logX, logY);
      ba1 -= 1;
      ba2 -= 1;
      bb1 = clamp(upper ? bb1 - bg1 : bb1 + bg1);
      bb2 = clamp(upper ? bb2 - bg2 : bb2 + bg2);
      p *= (j + 1) / lambda;
      q *= (j + 1.5) / lambda;
      sum += p * bb1 + q * bb2;
      double ratio = (j + 0.5) / lambda;
      if (ratio < 1) {
        double bound1 = upper ? bb1 : 1;
        double bound2 = upper ? bb2 : 1;
        double rest = (p * j / lambda * bound1 + Math.abs(q) * ratio * bound2) / (1 - ratio);
        if (rest <= SUM_EPS * Math.abs(sum)) {
          break;
        }
      }
    }
    return sum;
  }

  /** I_x(a, b) or 1 - I_x(a, b), each through the argument (x or y = 1 - x) that is exact. */
  private static double incompleteBeta(double x, double y, double a, double b, boolean upper) {
    if (x <= 0.5) {
      BetaDistribution d = BetaDistribution.of(a, b);
      return upper ? d.survivalProbability(x) : d.cumulativeProbability(x);
    }
    BetaDistribution d = BetaDistribution.of(b, a);
    return upper ? d.cumulativeProbability(y) : d.survivalProbability(y);
  }

  /** Gamma(a + b) / (Gamma(a + 1) Gamma(b)) x^a y^b = x^a y^b / (a B(a, b)), from logarithms. */
  private static double betaStep(double logX, double logY, double a, double b) {
    return Math.exp(a * logX + b * logY - Math.log(a) - Beta.logBeta(a, b));
  }

  private static double nextStep(double g, double x, double a, double b, double logX, double logY) {
    double next = g * x * (a + b) / (a + 1);
    return next == 0 || !Double.isFinite(next) ? betaStep(logX, logY, a + 1, b) : next;
  }

  private static double previousStep(double g, double x, double a, double b, double logX, double logY) {
    double prev = g * a / ((a - 1 + b) * x);
    return prev == 0 || !Double.isFinite(prev) ? betaStep(logX, logY, a - 1, b) : prev;
  }
}
