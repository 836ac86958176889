package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialstat.stats.SampleStatisticsTest.assertRel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trialstat.model.Difference;

class MeanDifferenceTestTest {

  // R 4.2.2 datasets::sleep$extra, treatment = group 2, control = group 1
  static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
  static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2};
  // R 4.2.2 datasets::mtcars$mpg, treatment = am 1 (manual), control = am 0 (automatic)
  static final double[] MPG_MANUAL = {21, 21, 22.8, 32.4, 30.4, 33.9, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4};
  static final double[] MPG_AUTO = {21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4,
      10.4, 14.7, 21.5, 15.5, 15.2, 13.3, 19.2};

  /** estimate, se, ciLow, ciHigh, t, df, p. */
  static void assertDifference(Difference d, double relTol, double... expected) {
    assertThat(d.reason()).isNull();
    assertRel(d.estimate(), expected[0], relTol);
    assertRel(d.se(), expected[1], relTol);
    assertRel(d.ciLow(), expected[2], relTol);
    assertRel(d.ciHigh(), expected[3], relTol);
    assertRel(d.t(), expected[4], relTol);
    assertRel(d.df(), expected[5], relTol);
    assertRel(d.p(), expected[6], relTol);
  }

  @Test
  void mapp1LikeOracle() {
    // R 4.2.2 via classpath oracles/mapp1_like.expected.json: t.test(MDMA change, Placebo change,
    // var.equal = FALSE / TRUE); oracle tolerance 1e-6 relative, we hold 1e-11 (values printed to 15 digits)
    double[] mdma = Mapp1Like.change("MDMA");
    double[] pbo = Mapp1Like.change("Placebo");
    Difference w = MeanDifferenceTest.WELCH.test(mdma, pbo, 0.95);
    assertRel(w.estimate(), -9.44871794871795, 1e-13);
    assertRel(w.ciLow(), -14.1655582310342, 1e-11);
    assertRel(w.ciHigh(), -4.7318776664017, 1e-11);
    assertRel(w.t(), -3.9876191747433, 1e-12);
    assertRel(w.df(), 78.5273861470314, 1e-12);
    assertRel(w.p(), 0.000148620510316634, 1e-10);
    assertThat(w.method()).isEqualTo("Welch two-sample t test");
    assertThat(w.confLevel()).isEqualTo(0.95);

    Difference s = MeanDifferenceTest.STUDENT.test(mdma, pbo, 0.95);
    assertRel(s.estimate(), -9.44871794871795, 1e-13);
    assertRel(s.ciLow(), -14.1920591652297, 1e-11);
    assertRel(s.ciHigh(), -4.70537673220618, 1e-11);
    assertRel(s.t(), -3.9649693684195, 1e-12);
    assertThat(s.df()).isEqualTo(79);
    assertRel(s.p(), 0.00016019318299371, 1e-10);
    assertThat(s.method()).isEqualTo("Student two-sample t test (pooled variance)");
  }

  @Test
  void sleep() {
    // R 4.2.2: r <- t.test(x2, x1) on sleep (x2 = group 2); sprintf("%.15g", c(diff of estimates,
    // r$stderr, r$conf.int, r$statistic, r$parameter, r$p.value)); tol 1e-11
    assertDifference(MeanDifferenceTest.WELCH.test(SLEEP_2, SLEEP_1, 0.95), 1e-11,
        1.58, 0.849091017238762, -0.20548323071171, 3.36548323071171, 1.86081346748685, 17.7764735161785,
        0.0793941401873582);
    // R 4.2.2: t.test(x2, x1, var.equal = TRUE), same extraction; tol 1e-11
    assertDifference(MeanDifferenceTest.STUDENT.test(SLEEP_2, SLEEP_1, 0.95), 1e-11,
        1.58, 0.849091017238762, -0.203874032287599, 3.3638740322876, 1.86081346748685, 18,
        0.0791867142159382);
  }

  @Test
  void mtcarsNinetyPercent() {
    // R 4.2.2: t.test(mpg[am == 1], mpg[am == 0], conf.level = 0.9), extraction as above; tol 1e-11
    assertDifference(MeanDifferenceTest.WELCH.test(MPG_MANUAL, MPG_AUTO, 0.9), 1e-11,
        7.24493927125506, 1.92320213385972, 3.91325581694806, 10.5766227255621, 3.76712314514493,
        18.3322516384005, 0.00137363833307103);
    // R 4.2.2: t.test(mpg[am == 1], mpg[am == 0], var.equal = TRUE, conf.level = 0.9); tol 1e-11
    assertDifference(MeanDifferenceTest.STUDENT.test(MPG_MANUAL, MPG_AUTO, 0.9), 1e-11,
        7.24493927125506, 1.7644216316428, 4.25025544840744, 10.2396230941027, 4.10612698310069, 30,
        0.000285020743935067);
  }

  @Test
  void welchWithOneConstantArm() {
    // R 4.2.2: t.test(c(1, 2, 4, 8), c(3, 3, 3)); tol 1e-11 (df = n_T - 1 = 3)
    assertDifference(MeanDifferenceTest.WELCH.test(new double[] {1, 2, 4, 8}, new double[] {3, 3, 3}, 0.95),
        1e-11, 0.75, 1.54784796841723, -4.17594304823029, 5.67594304823029, 0.484543711852349, 3,
        0.661174975961546);
  }

  @Test
  void fromSummaryMatchesRawData() {
    // Same R 4.2.2 reference as sleep(): Welch from n / mean / sd of each group
    double[] t = SLEEP_2;
    double[] c = SLEEP_1;
    Difference d = MeanDifferenceTest.WELCH.fromSummary(t.length, SampleStatistics.mean(t),
        SampleStatistics.sd(t), c.length, SampleStatistics.mean(c), SampleStatistics.sd(c), 0.95);
    assertDifference(d, 1e-11, 1.58, 0.849091017238762, -0.20548323071171, 3.36548323071171,
        1.86081346748685, 17.7764735161785, 0.0793941401873582);
  }

  @ParameterizedTest
  @EnumSource(MeanDifferenceTest.class)
  void notEstimable(MeanDifferenceTest test) {
    Difference one = test.test(new double[] {1}, new double[] {1, 2, 3}, 0.95);
    assertThat(one.estimable()).isFalse();
    assertThat(one.se()).isNaN();
    assertThat(one.p()).isNaN();
    assertThat(one.reason()).isEqualTo("treatment arm has n = 1 (at least 2 needed)");
    assertThat(one.method()).isEqualTo(test.methodName());

    assertThat(test.test(new double[] {1, 2}, new double[0], 0.95).reason())
        .isEqualTo("control arm has n = 0 (at least 2 needed)");
    assertThat(test.test(new double[] {1}, new double[] {2}, 0.95).reason()).startsWith("both arms");

    Difference flat = test.test(new double[] {2, 2, 2}, new double[] {1, 1}, 0.95);
    assertThat(flat.estimable()).isFalse();
    assertThat(flat.reason()).isEqualTo("zero variance in both arms");

    assertThatThrownBy(() -> test.fromSummary(-1, 0, 1, 3, 0, 1, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> test.test(SLEEP_1, SLEEP_2, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void studentWithOneConstantArmIsEstimable() {
    // R 4.2.2: t.test(c(1, 2, 4, 8), c(3, 3, 3), var.equal = TRUE)$statistic = 0.409514179673961,
    // $parameter 5, $p.value 0.699115764087098; tol 1e-11
    Difference d = MeanDifferenceTest.STUDENT.test(new double[] {1, 2, 4, 8}, new double[] {3, 3, 3}, 0.95);
    assertRel(d.t(), 0.409514179673961, 1e-11);
    assertThat(d.df()).isEqualTo(5);
    assertRel(d.p(), 0.699115764087098, 1e-11);
  }
}
