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

  private static double[] perturb(double[] sigma, int t, int a, int b, double h) {
    double[] s = sigma.clone();
    s[a * t + b] += h;
    if (a != b) {
      s[b * t + a] += h;
    }
    return s;
  }
}
