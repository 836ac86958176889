package org.trialstat.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The noncentral t distribution: the law of {@code (Z + ncp) / sqrt(V / df)} with Z standard normal
 * and V chi-squared on df degrees of freedom, independent. Neither Commons Statistics nor Commons Math
 * provides it, so it is written here.
 *
 * <h2>Algorithm</h2>
 * For {@code t >= 0}, with {@code x = t^2 / (t^2 + df)}, {@code lambda = ncp^2 / 2} and I the regularized
 * incomplete beta function, F is Lenth's (1989) Poisson mixture of incomplete betas, summed outward from
 * the mode of the weights as proposed by Benton and Krishnamoorthy (2003); the formula, the summation
 * and the references are in {@link NoncentralTSeries}. For {@code t < 0},
 * {@code F(t; df, ncp) = 1 - F(-t; df, -ncp)}, evaluated by the upper-tail series so that no
 * subtraction from 1 takes place.
 *
 * <h2>Accuracy</h2>
 * When t and ncp have the same sign (or either is 0), every term is positive and the result has close
 * to full double relative accuracy in both tails, for any df &gt; 0 and |ncp| up to
 * {@value #MAX_NCP}; checked against arbitrary-precision values (mpmath) for ncp up to 40 and df from
 * 2 to 1000 and against R's {@code pt} where R is accurate. When they have opposite signs the
 * q-terms are negative; the result is then accurate to about 1e-16 <em>absolutely</em> (and never
 * crosses the bound {@code F(0) = Phi(-ncp)}), so probabilities far below 1e-16 (for example
 * {@code F(-1; 10, 8)}, about 7e-19) lose relative accuracy, as in R. Inverting the distribution
 * for confidence limits never needs such probabilities.
 *
 * <p>Instances are immutable.
 *
 * @param df  degrees of freedom, &gt; 0 (may be infinite: the normal distribution with mean ncp)
 * @param ncp noncentrality parameter, |ncp| &le; {@value #MAX_NCP}
 */
public record NoncentralT(double df, double ncp) {

  /** Largest |ncp| accepted; above it the Poisson mode would not fit the summation's int index. */
  public static final double MAX_NCP = 10_000;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Checks df &gt; 0 and |ncp| &le; {@value #MAX_NCP}. */
  public NoncentralT {
    if (!(df > 0)) {
      throw new IllegalArgumentException("df must be positive: " + df);
    }
    if (!(Math.abs(ncp) <= MAX_NCP)) {
      throw new IllegalArgumentException("|ncp| must be at most " + MAX_NCP + ": " + ncp);
    }
  }

  /**
   * P(T &le; t).
   *
   * @param t the quantile (NaN gives NaN)
   * @return the cumulative probability
   */
  public double cdf(double t) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (t == Double.POSITIVE_INFINITY) {
      return 1;
    }
    if (t == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (df == Double.POSITIVE_INFINITY) {
      return STANDARD_NORMAL.cumulativeProbability(t - ncp);
    }
    // F is increasing in t, so F(t) >= F(0) = Phi(-ncp) for t >= 0 and F(t) <= Phi(-ncp) for t < 0;
    // the bound only binds where t and ncp have opposite signs and rounding could cross it.
    double atZero = STANDARD_NORMAL.cumulativeProbability(-ncp);
    if (t >= 0) {
      return Math.max(atZero, NoncentralTSeries.clamp(atZero + 0.5 * NoncentralTSeries.sum(t, df, ncp, false)));
    }
    // F(t; df, ncp) = 1 - F(-t; df, -ncp) = upper tail at (-t, -ncp)
    return Math.min(atZero, NoncentralTSeries.clamp(0.5 * NoncentralTSeries.sum(-t, df, -ncp, true)));
  }

  /**
   * Degrees of freedom above which R's {@code pt} (nmath {@code pnt.c}) no longer sums the series but
   * uses the normal approximation of {@link #ncpForCdfNormal}; effectsize and MBESS, which invert
   * {@code pt}, give that approximation's limits there.
   */
  public static final double R_NORMAL_DF = 4e5;

  /**
   * The ncp with {@code cdf(t; df, ncp) = Phi(z)} under the normal approximation to the noncentral t of
   * Abramowitz and Stegun (1964, Handbook of Mathematical Functions, 26.7.10):
   * {@code P(T <= t) ~ Phi((t (1 - 1/(4 df)) - ncp) / sqrt(1 + t^2 / (2 df)))}, solved in closed form:
   * {@code ncp = t (1 - 1/(4 df)) - z sqrt(1 + t^2 / (2 df))} (the square root as {@link Math#hypot} so that huge t does not overflow). This is the formula R's {@code pt}
   * uses for df &gt; {@value #R_NORMAL_DF} or |ncp| &gt; 37.62 ({@code pnt.c}), hence what effectsize /
   * MBESS report there; its relative error in the limits is of order 1/df. Constant time: used where
   * the series would be slow or |ncp| exceeds {@value #MAX_NCP}.
   *
   * @param t  the observed t statistic (finite)
   * @param df degrees of freedom, &gt; 0 (infinite: the normal distribution)
   * @param z  the standard normal quantile of the target probability (for a two-sided interval
   *           &plusmn;{@link Arguments#zTwoSided}, exact in both tails)
   * @return the ncp
   */
  public static double ncpForCdfNormal(double t, double df, double z) {
    if (!(df > 0)) {
      throw new IllegalArgumentException("df must be positive: " + df);
    }
    return t * (1 - 1 / (4 * df)) - z * Math.hypot(1, t / Math.sqrt(2 * df));
  }

  /**
   * The noncentrality parameter whose distribution puts probability p at or below t: the solution
   * ncp of {@code cdf(t; df, ncp) = p}. The cdf decreases strictly in ncp, so the root is unique; it is
   * bracketed by stepping outward from t with doubling steps and then found by Brent's method
   * ({@link BrentRoot}) to a relative accuracy of about 1e-15. This is how
   * effectsize / MBESS invert the noncentral t for confidence intervals of standardized effects
   * (Steiger and Fouladi 1997).
   *
   * @param t  the observed t statistic (finite)
   * @param df degrees of freedom, &gt; 0
   * @param p  target probability in (0, 1)
   * @return the ncp, or NaN when it lies beyond &plusmn;{@value #MAX_NCP}
   */
  public static double ncpForCdf(double t, double df, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1): " + p);
    }
    if (!(df > 0)) {
      throw new IllegalArgumentException("df must be positive: " + df);
    }
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("t must be finite: " + t);
    }
    DoubleUnaryOperator f = ncp -> new NoncentralT(df, ncp).cdf(t) - p;
    double start = Math.max(-MAX_NCP, Math.min(MAX_NCP, t));
    double lo = start;
    double hi = start;
    double step = 1 + 0.1 * Math.abs(start);
    double flo = f.applyAsDouble(lo);
    double fhi = flo;
    // f decreases in ncp: need f(lo) >= 0 >= f(hi)
    while (flo < 0) {
      if (lo == -MAX_NCP) {
        return Double.NaN;
      }
      hi = lo;
      fhi = flo;
      lo = Math.max(-MAX_NCP, lo - step);
      step *= 2;
      flo = f.applyAsDouble(lo);
    }
    while (fhi > 0) {
      if (hi == MAX_NCP) {
        return Double.NaN;
      }
      lo = hi;
      flo = fhi;
      hi = Math.min(MAX_NCP, hi + step);
      step *= 2;
      fhi = f.applyAsDouble(hi);
    }
    if (flo == 0) {
      return lo;
    }
    if (fhi == 0) {
      return hi;
    }
    try {
      return new BrentRoot(1e-15, 1e-15, 0, 500).solve(f, lo, hi);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("noncentral t inversion did not converge for t = " + t + ", df = "
          + df + ", p = " + p, e);
    }
  }
}
