package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Pattern}'s per-evaluation sums keep no residuals, fill only one triangle of E and compute the
 * cross products once per distinct column ({@link CrossProducts}): the results are those of the direct
 * loops over every entry of the rows stored one per observation (written out here as {@code Pattern} had
 * them), bit for bit, on random rows and on rows like an MMRM's (columns repeating across visits), also
 * with zeros of both signs in the rows, outcomes and starting sums, and with infinite or NaN
 * coefficients; and after a subject is left out ({@link Pattern#without}, which keeps the columns found).
 */
class PatternShortcutsTest {

  private static final double[] ENTRIES = {0.0, -0.0, 1, 1, 2.5, -3, 1e-300, 7e200};

  /** A random pattern's raw rows (n m x p), outcomes and the coefficients of one evaluation. */
  record Case(int m, int p, int n, double[] x, double[] y, double[] a, double[] beta, double[] out) {
    static Case of(long seed, int m, int p, int n) {
      SplittableRandom rnd = new SplittableRandom(seed);
      double[] x = rnd.nextBoolean() ? randomRows(rnd, m, p, n) : trialRows(rnd, m, p, n);
      double[] y = new double[n * m];
      for (int k = 0; k < y.length; k++) {
        y[k] = odd(rnd, rnd.nextGaussian() * 10);
      }
      double[] a = new double[m * m];
      for (int r = 0; r < m; r++) {
        for (int c = 0; c <= r; c++) {
          a[r * m + c] = a[c * m + r] = odd(rnd, rnd.nextGaussian());
        }
      }
      double[] beta = new double[p];
      for (int j = 0; j < p; j++) {
        beta[j] = odd(rnd, rnd.nextGaussian());
      }
      double[] out = new double[p];
      for (int j = 0; j < p; j++) {
        out[j] = rnd.nextInt(3) == 0 ? odd(rnd, rnd.nextGaussian()) : 0.0;
      }
      return new Case(m, p, n, x, y, a, beta, out);
    }

    /** The same case without subject {@code i}. */
    Case without(int i) {
      double[] xr = new double[(n - 1) * m * p];
      System.arraycopy(x, 0, xr, 0, i * m * p);
      System.arraycopy(x, (i + 1) * m * p, xr, i * m * p, (n - 1 - i) * m * p);
      double[] yr = new double[(n - 1) * m];
      System.arraycopy(y, 0, yr, 0, i * m);
      System.arraycopy(y, (i + 1) * m, yr, i * m, (n - 1 - i) * m);
      return new Case(m, p, n - 1, xr, yr, a, beta, out);
    }

    /** Rows drawn from a few random ones. */
    private static double[] randomRows(SplittableRandom rnd, int m, int p, int n) {
      int distinct = 1 + rnd.nextInt(6);
      double[] rows = new double[distinct * p];
      for (int k = 0; k < rows.length; k++) {
        rows[k] = ENTRIES[rnd.nextInt(ENTRIES.length)];
      }
      double[] x = new double[n * m * p];
      for (int o = 0; o < n * m; o++) {
        System.arraycopy(rows, rnd.nextInt(distinct) * p, x, o * p, p);
      }
      return x;
    }

    /**
     * Rows like an MMRM's, whose columns repeat across visits: each column is the intercept, the
     * subject's arm or baseline (sometimes -0.0), an indicator of one visit, or its product with arm or
     * baseline.
     */
    private static double[] trialRows(SplittableRandom rnd, int m, int p, int n) {
      int[] kind = new int[p];
      int[] visit = new int[p];
      for (int j = 0; j < p; j++) {
        kind[j] = rnd.nextInt(6);
        visit[j] = rnd.nextInt(m);
      }
      double[] x = new double[n * m * p];
      for (int i = 0; i < n; i++) {
        double arm = rnd.nextInt(2);
        double base = ENTRIES[rnd.nextInt(ENTRIES.length)];
        for (int a = 0; a < m; a++) {
          for (int j = 0; j < p; j++) {
            double at = a == visit[j] ? 1 : 0;
            x[(i * m + a) * p + j] = switch (kind[j]) {
              case 0 -> 1;
              case 1 -> arm;
              case 2 -> base;
              case 3 -> at;
              case 4 -> at * arm;
              default -> at * base;
            };
          }
        }
      }
      return x;
    }

    /** Now and then a signed zero, an infinity or NaN instead of v. */
    private static double odd(SplittableRandom rnd, double v) {
      return switch (rnd.nextInt(40)) {
        case 0 -> 0.0;
        case 1 -> -0.0;
        case 2 -> rnd.nextInt(8) == 0 ? Double.POSITIVE_INFINITY : -0.0;
        case 3 -> rnd.nextInt(8) == 0 ? Double.NaN : 0.0;
        default -> v;
      };
    }
  }

  /**
   * Equal bits, signed zeros distinct; NaN equals NaN whatever its sign and payload, which Java leaves to
   * the processor and the compiler (the JIT may swap the operands of a sum of two NaNs).
   */
  static void assertSameBits(double[] actual, double[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int k = 0; k < expected.length; k++) {
      assertThat(Double.doubleToLongBits(actual[k])).as("entry %d: %s vs %s", k, actual[k], expected[k])
          .isEqualTo(Double.doubleToLongBits(expected[k]));
    }
  }

  @Property(tries = 400)
  void sumsAreThoseOfTheDirectLoops(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int m,
      @ForAll @IntRange(min = 1, max = 7) int p, @ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll boolean negativeZeroStart) {
    Case c = Case.of(seed, m, p, n);
    Pattern pt = new Pattern(new int[m], p, n, c.x(), c.y(), false);
    double[] out = c.out().clone();
    if (negativeZeroStart) {
      out[0] = -0.0;
    }
    double[] expectedOut = out.clone();
    addXtAv(c, c.y(), expectedOut);
    pt.addXtAv(c.a(), c.y(), out);
    assertSameBits(out, expectedOut);

    double[] r = new double[n * m];
    double[] expectedE = residuals(c, r);
    double[] expectedH = crossProducts(c, r);
    double[] h = new double[m * m * p];
    assertSameBits(pt.residualProducts(c.beta(), h), expectedE);
    assertSameBits(h, expectedH);
    assertSameBits(pt.residualProducts(c.beta()), expectedE);

    if (n > 1) {
      int left = (int) Math.floorMod(seed, (long) n);
      Case rest = c.without(left);
      Pattern ptRest = pt.without(left);
      double[] rRest = new double[(n - 1) * m];
      double[] eRest = residuals(rest, rRest);
      double[] hRest = new double[m * m * p];
      assertSameBits(ptRest.residualProducts(c.beta(), hRest), eRest);
      assertSameBits(hRest, crossProducts(rest, rRest));
    }
  }

  /** out += sum_i X_i' A v_i, every entry. */
  private static void addXtAv(Case c, double[] v, double[] out) {
    int m = c.m();
    int p = c.p();
    double[] av = new double[m];
    for (int i = 0; i < c.n(); i++) {
      for (int r = 0; r < m; r++) {
        double s = 0;
        for (int k = 0; k < m; k++) {
          s += c.a()[r * m + k] * v[i * m + k];
        }
        av[r] = s;
      }
      for (int r = 0; r < m; r++) {
        for (int j = 0; j < p; j++) {
          out[j] += c.x()[(i * m + r) * p + j] * av[r];
        }
      }
    }
  }

  /** r = y - X beta, every entry; returns E = sum_i r_i r_i', every entry. */
  private static double[] residuals(Case c, double[] r) {
    int m = c.m();
    int p = c.p();
    double[] e = new double[m * m];
    for (int i = 0; i < c.n(); i++) {
      for (int a = 0; a < m; a++) {
        double s = c.y()[i * m + a];
        for (int j = 0; j < p; j++) {
          s -= c.x()[(i * m + a) * p + j] * c.beta()[j];
        }
        r[i * m + a] = s;
      }
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          e[a * m + b] += r[i * m + a] * r[i * m + b];
        }
      }
    }
    return e;
  }

  /** H_ab = sum_i x_ia v_ib', every entry. */
  private static double[] crossProducts(Case c, double[] v) {
    int m = c.m();
    int p = c.p();
    double[] h = new double[m * m * p];
    for (int i = 0; i < c.n(); i++) {
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          for (int j = 0; j < p; j++) {
            h[(a * m + b) * p + j] += c.x()[(i * m + a) * p + j] * v[i * m + b];
          }
        }
      }
    }
    return h;
  }
}
