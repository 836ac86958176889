package org.trialstat.stats.multiplicity;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstat.stats.BrentRoot;
import org.trialstat.stats.linalg.Dense;

/**
 * The two-sided probability {@code P(|T_1| < c, ..., |T_k| < c)} of a central multivariate t vector
 * with correlation matrix R and nu degrees of freedom (nu infinite: multivariate normal), and its
 * equicoordinate quantile: the distribution behind Dunnett's single-step adjustment as R's
 * {@code mvtnorm::pmvt} / {@code qmvt} compute it for {@code multcomp::glht}.
 *
 * <p>Algorithm: Genz and Bretz (2002), "Comparison of methods for the computation of multivariate t
 * probabilities", J Comput Graph Stat 11:950-971, and Genz and Bretz (2009), Computation of
 * Multivariate Normal and t Probabilities, Springer, sections 4.1.1 and 4.2.2: T = Z / s with
 * s = sqrt(chi^2_nu / nu), so the probability is E_s[P(|Z| &lt; c s)], Z ~ N(0, R); the normal
 * probability is written by separation of variables with the Cholesky factor L of R (Genz 1992,
 * J Comput Graph Stat 1:141-149) as an integral over the unit cube of dimension k (k - 1 normal
 * variables and s), estimated by a randomized Richtmyer lattice rule (generators sqrt of the first
 * primes) with the baker's (tent) periodization, {@value #POINTS} points times {@value #SHIFTS}
 * random shifts. Unlike mvtnorm, the shifts come from a fixed seed, so a result is reproducible to the
 * last digit; its Monte Carlo standard error (over the shifts) is about 1e-6 or below for the
 * dimensions of a trial (k up to about 6), well below mvtnorm's default {@code abseps = 0.001}. The
 * variables are not reordered (Genz-Bretz's variable priority), which changes only the error.
 *
 * <p>Why hand-written: no Apache-licensed library on Maven Central has the multivariate t (or normal)
 * distribution function beyond two dimensions (Commons Math and Commons Statistics have none; jdistlib
 * is GPL).
 *
 * <p>Instances are immutable; the lattice and the s values are computed once per instance, so that
 * {@link #probability} is a smooth increasing function of c (common random numbers) and
 * {@link #quantile} can solve it by Brent's method.
 */
public final class MultivariateT {

  /** Lattice points per shift. */
  static final int POINTS = 20_011;
  /** Random shifts of the lattice. */
  static final int SHIFTS = 12;
  private static final long SEED = 20_021_104L;
  private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71};
  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private final int k;
  private final double[] l;
  /** Per shift and point: the scale s and the k - 1 uniforms of the normal variables. */
  private final double[][] scale;
  private final double[][][] uniforms;

  private MultivariateT(int k, double[] l, double[][] scale, double[][][] uniforms) {
    this.k = k;
    this.l = l;
    this.scale = scale;
    this.uniforms = uniforms;
  }

  /**
   * The distribution.
   *
   * @param correlation the k x k correlation matrix (positive definite), k at most 20
   * @param df          degrees of freedom, {@link Double#POSITIVE_INFINITY} for the normal
   * @throws IllegalArgumentException when R is not positive definite, k is 0 or above 20, or df is not
   *                                  positive
   */
  public static MultivariateT of(double[][] correlation, double df) {
    int k = correlation.length;
    if (k == 0 || k > PRIMES.length) {
      throw new IllegalArgumentException("dimension must be 1 to " + PRIMES.length + ": " + k);
    }
    if (!(df > 0)) {
      throw new IllegalArgumentException("df must be positive: " + df);
    }
    double[] a = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[i * k + j] = correlation[i][j];
      }
    }
    if (!Dense.cholesky(a, k)) {
      throw new IllegalArgumentException("correlation matrix is not positive definite");
    }
    double[] z = new double[k];
    for (int j = 0; j < k; j++) {
      z[j] = Math.sqrt(PRIMES[j]) % 1;
    }
    ChiSquaredDistribution chi = Double.isInfinite(df) ? null : ChiSquaredDistribution.of(df);
    SplittableRandom random = new SplittableRandom(SEED);
    double[][] scale = new double[SHIFTS][POINTS];
    double[][][] uniforms = new double[SHIFTS][POINTS][k - 1];
    for (int r = 0; r < SHIFTS; r++) {
      double[] shift = new double[k];
      for (int j = 0; j < k; j++) {
        shift[j] = random.nextDouble();
      }
      for (int n = 0; n < POINTS; n++) {
        for (int j = 0; j < k; j++) {
          double x = ((n + 1) * z[j] + shift[j]) % 1;
          double w = Math.abs(2 * x - 1);
          if (j == k - 1) {
            scale[r][n] = chi == null ? 1 : Math.sqrt(chi.inverseCumulativeProbability(w) / df);
          } else {
            uniforms[r][n][j] = w;
          }
        }
      }
    }
    return new MultivariateT(k, a, scale, uniforms);
  }

  /** The dimension k. */
  public int dimension() {
    return k;
  }

  /**
   * {@code P(max_i |T_i| < c)}.
   *
   * @param c the bound, at least 0
   * @return the probability, in [0, 1]
   */
  public double probability(double c) {
    if (!(c > 0)) {
      return 0;
    }
    if (Double.isInfinite(c)) {
      return 1;
    }
    double total = 0;
    double[] y = new double[k];
    for (int r = 0; r < SHIFTS; r++) {
      double sum = 0;
      for (int n = 0; n < POINTS; n++) {
        sum += normal(c * scale[r][n], uniforms[r][n], y);
      }
      total += sum / POINTS;
    }
    return Math.min(1, Math.max(0, total / SHIFTS));
  }

  /** P(|Z| &lt; b) for Z ~ N(0, R) at one point of the cube, by separation of variables. */
  private double normal(double b, double[] w, double[] y) {
    double f = 1;
    for (int i = 0; i < k; i++) {
      double s = 0;
      for (int j = 0; j < i; j++) {
        s += l[i * k + j] * y[j];
      }
      double lii = l[i * k + i];
      double d = NORMAL.cumulativeProbability((-b - s) / lii);
      double e = NORMAL.cumulativeProbability((b - s) / lii);
      f *= e - d;
      if (f <= 0) {
        return 0;
      }
      if (i < k - 1) {
        double u = d + w[i] * (e - d);
        y[i] = NORMAL.inverseCumulativeProbability(Math.min(Math.max(u, Double.MIN_NORMAL), 1 - 0x1p-53));
      }
    }
    return f;
  }

  /**
   * The equicoordinate quantile: c with {@code P(max_i |T_i| < c) = level} (R:
   * {@code mvtnorm::qmvt(level, tail = "both.tails", corr = R, df = nu)}).
   *
   * @param level in (0, 1)
   * @return c, solved to 1e-10
   */
  public double quantile(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    double hi = 1;
    while (probability(hi) < level) {
      hi *= 2;
    }
    // tolerances: relative 1e-12, absolute 1e-10, |f| <= 1e-15 (commons-math3's default, used before)
    return new BrentRoot(1e-12, 1e-10, 1e-15, 1000).solve(c -> probability(c) - level, 0, hi);
  }
}
