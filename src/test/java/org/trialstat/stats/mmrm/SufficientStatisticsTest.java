package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SufficientStatistics}: counting subjects per pair of design rows gives the bits of the
 * subject-by-subject sums when the rows are integers, and both equal the exact sums computed in long
 * integer arithmetic (the reference); rows that are not integers keep to the subject-by-subject sums.
 */
class SufficientStatisticsTest {

  private static final int M = 4;
  private static final int P = 6;

  /** Distinct rows like an MMRM's: intercept, arm, a visit indicator, baseline, their products. */
  private static double[] rows(int distinct, SplittableRandom rnd, boolean integral) {
    double[] rows = new double[distinct * P];
    for (int d = 0; d < distinct; d++) {
      int arm = d % 2;
      int visit = (d / 2) % M;
      double base = integral ? 20 + rnd.nextInt(60) : 20 + 60 * rnd.nextDouble();
      double[] r = {1, arm, visit == 0 ? 0 : 1, base, arm * base, visit == 0 ? 0 : base};
      System.arraycopy(r, 0, rows, d * P, P);
    }
    return rows;
  }

  private static int[] codes(int n, int distinct, SplittableRandom rnd) {
    int[] code = new int[n * M];
    for (int i = 0; i < code.length; i++) {
      code[i] = rnd.nextInt(distinct);
    }
    return code;
  }

  /** n subjects over {@code distinct} design rows, from a seed. */
  private record Case(int n, double[] rows, int[] code) {
    static Case of(long seed, int n, int distinct, boolean integral) {
      SplittableRandom rnd = new SplittableRandom(seed);
      double[] r = SufficientStatisticsTest.rows(distinct, rnd, integral);
      return new Case(n, r, codes(n, distinct, rnd));
    }
  }

  /** G_ab by its definition, in exact integer arithmetic (the entries are integers). */
  private static long[] exact(int a, int b, int n, int[] code, double[] rows) {
    long[] g = new long[P * P];
    for (int i = 0; i < n; i++) {
      int ra = code[i * M + a];
      int rb = code[i * M + b];
      for (int j = 0; j < P; j++) {
        for (int k = 0; k < P; k++) {
          g[j * P + k] += (long) rows[ra * P + j] * (long) rows[rb * P + k];
        }
      }
    }
    if (a != b) {
      long[] sym = new long[P * P];
      for (int j = 0; j < P; j++) {
        for (int k = 0; k < P; k++) {
          sym[j * P + k] = g[j * P + k] + g[k * P + j];
        }
      }
      return sym;
    }
    return g;
  }

  @Test
  void countedIntegerStatisticsAreTheExactSumsAndTheBitsOfTheSubjectBySubjectSums() {
    Case c = Case.of(20261201, 5_000, 120, true);
    int n = c.n();
    int[] code = c.code();
    double[] rows = c.rows();
    double[][] counted = SufficientStatistics.of(M, P, n, code, rows);
    double[][] summed = SufficientStatistics.of(M, P, n, code, rows, false);
    for (int a = 0; a < M; a++) {
      for (int b = a; b < M; b++) {
        long[] reference = exact(a, b, n, code, rows);
        for (int t = 0; t < P * P; t++) {
          assertThat(counted[a * M + b][t]).isEqualTo((double) reference[t]);
          assertThat(Double.doubleToRawLongBits(counted[a * M + b][t]))
              .isEqualTo(Double.doubleToRawLongBits(summed[a * M + b][t]));
        }
      }
    }
  }

  @Test
  void rowsThatAreNotIntegersKeepTheSubjectBySubjectSums() {
    Case c = Case.of(7, 3_000, 80, false);
    assertThat(SufficientStatistics.of(M, P, c.n(), c.code(), c.rows()))
        .isDeepEqualTo(SufficientStatistics.of(M, P, c.n(), c.code(), c.rows(), false));
  }
}
