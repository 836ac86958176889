package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossProducts}: the m p columns of a complete pattern of the MMRM's usual design (intercept, arm,
 * visit, visit:arm, baseline, visit:baseline) reduce to four distinct ones, ones, arm, baseline and zeros,
 * as the class documents (the sums themselves are compared with the direct loops in
 * {@link PatternShortcutsTest}).
 */
class CrossProductsTest {

  @Test
  void anMmrmPatternHasFourDistinctColumns() {
    int m = 4;
    int p = 1 + 1 + 3 + 3 + 1 + 3;
    int n = 500;
    SplittableRandom rnd = new SplittableRandom(4);
    double[] x = new double[n * m * p];
    for (int i = 0; i < n; i++) {
      double arm = i % 2;
      double base = 20 + rnd.nextInt(40);
      for (int a = 0; a < m; a++) {
        double[] row = new double[p];
        row[0] = 1;
        row[1] = arm;
        if (a > 0) {
          row[1 + a] = 1; // visit indicator (the first visit the reference)
          row[4 + a] = arm; // visit:arm
          row[8 + a] = base; // visit:baseline
        }
        row[8] = base;
        System.arraycopy(row, 0, x, (i * m + a) * p, p);
      }
    }
    DesignRows.Coded coded = DesignRows.codeAll(x, p);
    CrossProducts columns = CrossProducts.of(m, p, n, coded.codes(), coded.rows().values());
    assertThat(columns.distinct()).isEqualTo(4);
  }
}
