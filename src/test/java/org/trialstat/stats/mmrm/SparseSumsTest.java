package org.trialstat.stats.mmrm;

import static org.trialstat.stats.mmrm.PatternShortcutsTest.assertSameBits;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.trialstat.stats.linalg.Dense;
import org.trialstat.stats.mmrm.PatternShortcutsTest.Case;

/**
 * The sparse loops of {@link SubjectRows} and {@link Gram} (X' A X and X M X' over the nonzero entries of
 * the design rows and of the sufficient statistics only, {@link ZeroSkip}) give the bits of the loops over
 * every entry, written out here as {@code Pattern} had them before: on random rows and rows like an
 * MMRM's, with zeros of both signs, infinities and NaN in the rows and coefficients, and accumulators that
 * start with -0.0. Also the fused {@link Dense#multiply(double[], double[], double[], int, double[], double[])}
 * against two products.
 */
class SparseSumsTest {

  @Property(tries = 400)
  void rawRowSumsAreThoseOfTheDenseLoops(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int m,
      @ForAll @IntRange(min = 1, max = 7) int p, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll boolean negativeZeroStart) {
    Case c = Case.of(seed, m, p, n);
    Pattern pt = new Pattern(new int[m], p, n, c.x(), c.y(), false);
    double[] out = start(seed, p * p, negativeZeroStart);
    double[] expected = out.clone();
    rawXtAX(c, c.a(), expected);
    pt.addXtAX(c.a(), out);
    assertSameBits(out, expected);
    double[] mm = symmetric(seed, p);
    assertSameBits(pt.xmx(mm), rawXmx(c, mm));
    if (!negativeZeroStart) {
      double[] sum = new double[p * p];
      double[] expectedSum = new double[p * p];
      rawXtAX(c, c.a(), expectedSum);
      pt.addXtAXToSum(c.a(), sum);
      assertSameBits(sum, expectedSum);
    }
  }

  @Property(tries = 400)
  void statisticsSumsAreThoseOfTheDenseLoops(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int m,
      @ForAll @IntRange(min = 1, max = 7) int p, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll boolean negativeZeroStart) {
    Case c = Case.of(seed, m, p, n);
    Pattern pt = new Pattern(new int[m], p, n, c.x(), c.y(), true);
    DesignRows.Coded coded = DesignRows.codeAll(c.x(), p);
    double[][] g = SufficientStatistics.of(m, p, n, coded.codes(), coded.rows().values());
    double[] out = start(seed, p * p, negativeZeroStart);
    double[] expected = out.clone();
    for (int r = 0; r < m; r++) {
      for (int k = r; k < m; k++) {
        double coef = c.a()[r * m + k];
        if (coef == 0) {
          continue;
        }
        double[] gab = g[r * m + k];
        for (int t = 0; t < gab.length; t++) {
          expected[t] += coef * gab[t];
        }
      }
    }
    pt.addXtAX(c.a(), out);
    assertSameBits(out, expected);
    double[] mm = symmetric(seed, p);
    double[] t = new double[m * m];
    for (int a = 0; a < m; a++) {
      for (int b = a; b < m; b++) {
        double[] gab = g[a * m + b];
        double s = 0;
        for (int k = 0; k < gab.length; k++) {
          s += mm[k] * gab[k];
        }
        if (a != b) {
          s *= 0.5;
        }
        t[a * m + b] = s;
        t[b * m + a] = s;
      }
    }
    assertSameBits(pt.xmx(mm), t);
  }

  @Property(tries = 300)
  void fusedProductsAreTwoProducts(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int n) {
    double[] a = symmetric(seed, n);
    double[] b1 = symmetric(seed + 1, n);
    double[] b2 = symmetric(seed + 2, n);
    double[] c1 = new double[n * n];
    double[] c2 = new double[n * n];
    Dense.multiply(a, b1, b2, n, c1, c2);
    double[] e1 = new double[n * n];
    double[] e2 = new double[n * n];
    Dense.multiply(a, b1, n, e1);
    Dense.multiply(a, b2, n, e2);
    assertSameBits(c1, e1);
    assertSameBits(c2, e2);
  }

  /** A starting accumulator: zeros and some values, with -0.0 in it when asked. */
  private static double[] start(long seed, int size, boolean negativeZero) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] out = new double[size];
    for (int k = 0; k < size; k++) {
      out[k] = rnd.nextInt(3) == 0 ? rnd.nextGaussian() : 0.0;
    }
    if (negativeZero) {
      out[rnd.nextInt(size)] = -0.0;
    }
    return out;
  }

  /** A symmetric n x n matrix, now and then with a zero of either sign, an infinity or NaN. */
  private static double[] symmetric(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    double[] s = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = switch (rnd.nextInt(30)) {
          case 0 -> 0.0;
          case 1 -> -0.0;
          case 2 -> rnd.nextInt(6) == 0 ? Double.POSITIVE_INFINITY : 0.0;
          case 3 -> rnd.nextInt(6) == 0 ? Double.NaN : -0.0;
          case 4 -> 1e300;
          default -> rnd.nextGaussian();
        };
        s[i * n + j] = v;
        s[j * n + i] = v;
      }
    }
    return s;
  }

  /** out += sum_i X_i' A X_i over the rows one per observation: Pattern's loops before the sparse ones. */
  private static void rawXtAX(Case c, double[] a, double[] out) {
    int m = c.m();
    int p = c.p();
    double[] x = c.x();
    double[] w = new double[m * p];
    for (int i = 0; i < c.n(); i++) {
      java.util.Arrays.fill(w, 0);
      for (int r = 0; r < m; r++) {
        for (int k = 0; k < m; k++) {
          double ark = a[r * m + k];
          if (ark == 0) {
            continue;
          }
          int oc = (i * m + k) * p;
          for (int j = 0; j < p; j++) {
            w[r * p + j] += ark * x[oc + j];
          }
        }
      }
      for (int r = 0; r < m; r++) {
        int or = (i * m + r) * p;
        for (int j = 0; j < p; j++) {
          double xj = x[or + j];
          if (xj == 0) {
            continue;
          }
          for (int k = 0; k < p; k++) {
            out[j * p + k] += xj * w[r * p + k];
          }
        }
      }
    }
  }

  /** sum_i X_i M X_i' over the rows one per observation: Pattern's loops before the sparse ones. */
  private static double[] rawXmx(Case c, double[] mm) {
    int m = c.m();
    int p = c.p();
    double[] x = c.x();
    double[] t = new double[m * m];
    double[] u = new double[m * p];
    for (int i = 0; i < c.n(); i++) {
      for (int a = 0; a < m; a++) {
        int oa = (i * m + a) * p;
        for (int j = 0; j < p; j++) {
          double s = 0;
          for (int k = 0; k < p; k++) {
            s += mm[j * p + k] * x[oa + k];
          }
          u[a * p + j] = s;
        }
      }
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          int ob = (i * m + b) * p;
          double s = 0;
          for (int j = 0; j < p; j++) {
            s += x[ob + j] * u[a * p + j];
          }
          t[a * m + b] += s;
        }
      }
    }
    return t;
  }
}
