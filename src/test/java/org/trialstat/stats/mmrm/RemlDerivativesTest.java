package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The analytic gradient and observed Hessian of -2 l_R (Jennrich &amp; Schluchter 1986) against central
 * finite differences of the likelihood and of the gradient, on fev_data (patterns with few subjects use
 * the raw sums, large ones the sufficient statistics). Reference: finite differences with step 1e-5,
 * truncation error O(h^2); tolerance 1e-5 relative to the largest entry.
 */
class RemlDerivativesTest {

  @Test
  void gradientAndHessianMatchFiniteDifferences() throws NotEstimableException {
    Design d = Design.build(MmrmData.fev());
    int t = d.nVisits;
    int q = t * (t + 1) / 2;
    Reml reml = new Reml(d.patterns, t, d.p, d.nObs);
    double[] sigma = {30, 6, 3, 4, 6, 20, 4, 5, 3, 4, 15, 6, 4, 5, 6, 60};
    Reml.Eval ev = reml.evaluate(sigma, true);
    double h = 1e-5;
    double gmax = 0;
    double hmax = 0;
    for (int k = 0; k < q; k++) {
      gmax = Math.max(gmax, Math.abs(ev.gradient[k]));
      for (int l = 0; l < q; l++) {
        hmax = Math.max(hmax, Math.abs(ev.observed[k * q + l]));
      }
    }
    for (int a = 0; a < t; a++) {
      for (int b = 0; b <= a; b++) {
        int k = Reml.index(a, b);
        double[] plus = perturb(sigma, t, a, b, h);
        double[] minus = perturb(sigma, t, a, b, -h);
        Reml.Eval ep = reml.evaluate(plus, true);
        Reml.Eval em = reml.evaluate(minus, true);
        double fd = (ep.f - em.f) / (2 * h);
        assertThat(ev.gradient[k]).isCloseTo(fd, within(1e-5 * gmax));
        for (int l = 0; l < q; l++) {
          double fdh = (ep.gradient[l] - em.gradient[l]) / (2 * h);
          assertThat(ev.observed[l * q + k]).isCloseTo(fdh, within(1e-5 * hmax));
        }
      }
    }
  }

  /**
   * The derivatives do not depend on the number of tasks that sum them ({@link RemlDerivatives}), nor on
   * whether they complete an evaluation kept by a line search ({@link Reml#evaluateKeeping}): the same
   * bits as one evaluation with derivatives, on fev_data and on a synthetic trial with many small
   * missingness patterns (the raw per-subject sums).
   */
  @Test
  void derivativesAreTheSameBitsInAnyNumberOfTasks() throws NotEstimableException {
    assertTasksAgree(Design.build(intermittent()));
    assertTasksAgree(Design.build(MmrmData.fev())); // skipped without ../shared
  }

  private static void assertTasksAgree(Design d) {
    int t = d.nVisits;
    double[] sigma = new double[t * t];
    for (int a = 0; a < t; a++) {
      for (int b = 0; b < t; b++) {
        sigma[a * t + b] = a == b ? 20 + 3 * a : 6 * Math.pow(0.7, Math.abs(a - b));
      }
    }
    Reml reml = new Reml(d.patterns, t, d.p, d.nObs);
    Reml.Eval direct = reml.evaluate(sigma, true);
    for (int tasks : new int[] {1, 2, 3, 7}) {
      Reml.Eval kept = reml.withDerivatives(reml.evaluateKeeping(sigma), tasks);
      assertThat(Double.doubleToLongBits(kept.f)).isEqualTo(Double.doubleToLongBits(direct.f));
      assertSameBits(kept.gradient, direct.gradient);
      assertSameBits(kept.expected, direct.expected);
      assertSameBits(kept.observed, direct.observed);
      for (int k = 0; k < direct.qk.length; k++) {
        assertSameBits(kept.qk[k], direct.qk[k]);
      }
    }
  }

  /** 300 subjects x 6 visits, two arms, baseline; each observation missing with probability 0.25. */
  private static MmrmInput intermittent() {
    MmrmInput full = MmrmDataConditionsTest.synthetic(300, 6, 2, 11L);
    java.util.Random rnd = new java.util.Random(3);
    java.util.List<Integer> keep = new java.util.ArrayList<>();
    for (int r = 0; r < full.y().length; r++) {
      if (rnd.nextInt(4) != 0) {
        keep.add(r);
      }
    }
    return new MmrmInput(keep.stream().map(full.subject()::get).toList(), keep.stream().map(full.visit()::get).toList(),
        keep.stream().map(full.arm()::get).toList(), keep.stream().mapToDouble(r -> full.y()[r]).toArray(),
        keep.stream().mapToDouble(r -> full.baseline()[r]).toArray(), java.util.List.of(), full.visitOrder(),
        full.armOrder(), full.control());
  }

  private static void assertSameBits(double[] actual, double[] expected) {
    PatternShortcutsTest.assertSameBits(actual, expected);
  }

  private static double[] perturb(double[] sigma, int t, int a, int b, double h) {
    double[] s = sigma.clone();
    s[a * t + b] += h;
    if (a != b) {
      s[b * t + a] += h;
    }
    return s;
  }
}
