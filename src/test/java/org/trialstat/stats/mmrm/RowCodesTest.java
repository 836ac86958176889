package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Interaction;
import org.trialstat.stats.design.Intercept;
import org.trialstat.stats.design.Numeric;
import org.trialstat.stats.design.Term;

/**
 * {@link RowCodes}: the memoized codes are those of every row computed and coded directly
 * ({@link RowCodes#direct}), in the same order of first appearance, and the dictionaries end with the
 * same rows bit for bit; on random designs with factors, numeric covariates (with repeated values, -0.0
 * and 0.0 among them) and interactions of both, with the memo's limit from none to all.
 */
class RowCodesTest {

  private static final double[] POOL = {0.0, -0.0, 1, 2, 17, 0.1, -3.25, 1e300};

  /** A random design over n observations, from a seed. */
  private static DesignMatrix design(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Term> main = new ArrayList<>();
    List<Term> terms = new ArrayList<>(List.of(new Intercept()));
    int variables = 1 + rnd.nextInt(4);
    for (int v = 0; v < variables; v++) {
      if (rnd.nextBoolean()) {
        int levels = 1 + rnd.nextInt(4);
        List<String> names = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
          names.add("L" + l);
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = rnd.nextInt(levels);
        }
        main.add(Factor.of("f" + v, names, rnd.nextInt(levels), codes));
      } else {
        int distinct = 1 + rnd.nextInt(POOL.length);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = POOL[rnd.nextInt(distinct)];
        }
        main.add(new Numeric("x" + v, values));
      }
    }
    for (Term t : main) {
      if (rnd.nextInt(4) > 0) {
        terms.add(t); // some variables enter only through an interaction
      }
    }
    int interactions = rnd.nextInt(4);
    for (int k = 0; k < interactions; k++) {
      terms.add(new Interaction(main.get(rnd.nextInt(main.size())), main.get(rnd.nextInt(main.size()))));
    }
    int[] rows = all(n);
    return DesignMatrix.of(terms, rows);
  }

  /** The observations 0 .. n-1. */
  private static int[] all(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private static void assertSameAsDirect(DesignMatrix x, int n, int limit) {
    DesignRows direct = new DesignRows(x.columns());
    DesignRows memoized = new DesignRows(x.columns());
    RowCodes codes = new RowCodes(x, memoized, limit);
    double[] buf = new double[x.columns()];
    for (int i = 0; i < n; i++) {
      assertThat(codes.code(i)).isEqualTo(RowCodes.direct(x, direct, buf, i));
    }
    double[] a = direct.values();
    double[] b = memoized.values();
    assertThat(b).hasSameSizeAs(a);
    for (int j = 0; j < a.length; j++) {
      assertThat(Double.doubleToRawLongBits(b[j])).isEqualTo(Double.doubleToRawLongBits(a[j]));
    }
  }

  @Property(tries = 300)
  void memoizedCodesAreTheDirectCodes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 600) int n,
      @ForAll @IntRange(min = 0, max = 40) int limit) {
    DesignMatrix x = design(seed, n);
    assertSameAsDirect(x, n, limit);
    assertSameAsDirect(x, n, RowCodes.MEMO_LIMIT);
  }

  @Test
  void aContinuousCovariateDropsTheMemoAndKeepsTheCodes() {
    int n = 20_000;
    SplittableRandom rnd = new SplittableRandom(5);
    double[] base = new double[n];
    int[] arm = new int[n];
    for (int i = 0; i < n; i++) {
      base[i] = i < 5_000 ? 20 + rnd.nextInt(3) : 20 + 60 * rnd.nextDouble(); // repeats first, then not
      arm[i] = rnd.nextInt(2);
    }
    int[] rows = all(n);
    Factor a = Factor.of("arm", List.of("PBO", "TRT"), 0, arm);
    Numeric b = new Numeric("baseline", base);
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept(), a, b, new Interaction(b, a)), rows);
    assertSameAsDirect(x, n, RowCodes.MEMO_LIMIT);
    double[] shuffled = base.clone();
    for (int i = 0; i < n; i++) {
      base[i] = shuffled[n - 1 - i]; // continuous first: the memo is dropped after 4,096
    }
    assertSameAsDirect(x, n, RowCodes.MEMO_LIMIT);
  }

  @Test
  void aTrialsRowsRepeat() {
    // arm x visit x integer baseline: 2 x 4 x 61 inputs over 40,000 observations
    int n = 40_000;
    SplittableRandom rnd = new SplittableRandom(18);
    int[] arm = new int[n];
    int[] visit = new int[n];
    double[] base = new double[n];
    for (int i = 0; i < n; i++) {
      arm[i] = rnd.nextInt(2);
      visit[i] = rnd.nextInt(4);
      base[i] = 20 + rnd.nextInt(61);
    }
    Factor a = Factor.of("arm", List.of("PBO", "TRT"), 0, arm);
    Factor v = Factor.of("visit", List.of("V1", "V2", "V3", "V4"), 0, visit);
    Numeric b = new Numeric("baseline", base);
    int[] rows = all(n);
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept(), a, v, new Interaction(v, a), b,
        new Interaction(v, b)), rows);
    assertSameAsDirect(x, n, RowCodes.MEMO_LIMIT);
    org.trialstat.stats.design.RowInputs in = x.inputs(RowCodes.MEMO_LIMIT);
    for (int i = 0; i < n; i++) {
      in.code(i);
    }
    assertThat(in.width()).isEqualTo(3);
    assertThat(in.size()).isLessThanOrEqualTo(2 * 4 * 61);
  }
}
