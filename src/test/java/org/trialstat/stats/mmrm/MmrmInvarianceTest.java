package org.trialstat.stats.mmrm;

import org.trialstat.model.DdfMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;

/**
 * Mathematical properties of the REML fit (no external values): invariance to row order, arm order,
 * the reference level of a categorical covariate, location and scale of the outcome
 * (-2 l_R(k y) = -2 l_R(y) + 2 (n - p) log k), and agreement of the per-pattern sufficient statistics
 * with the raw per-subject sums.
 */
class MmrmInvarianceTest {

  private static void assertSameInference(MmrmResult a, MmrmResult b, double shift, double scale) {
    assertThat(b.converged()).isTrue();
    for (LsMean la : a.lsmeans()) {
      LsMean lb = b.lsmeans().stream().filter(l -> l.arm().equals(la.arm()) && l.visit().equals(la.visit()))
          .findFirst().orElseThrow();
      assertThat(lb.estimate()).isCloseTo(scale * la.estimate() + shift, within(1e-8 * Math.abs(scale * la.estimate())));
      assertThat(lb.se()).isCloseTo(scale * la.se(), within(1e-8 * scale * la.se()));
      assertThat(lb.df()).isCloseTo(la.df(), within(1e-6 * la.df()));
    }
    for (VisitContrast ca : a.comparisons()) {
      VisitContrast cb = b.comparisons().stream()
          .filter(c -> c.treatment().equals(ca.treatment()) && c.visit().equals(ca.visit())).findFirst()
          .orElseThrow();
      assertThat(cb.difference().estimate())
          .isCloseTo(scale * ca.difference().estimate(), within(1e-8 * Math.abs(scale * ca.difference().estimate())));
      assertThat(cb.difference().se()).isCloseTo(scale * ca.difference().se(), within(1e-8 * scale * ca.difference().se()));
      assertThat(cb.difference().df()).isCloseTo(ca.difference().df(), within(1e-6 * ca.difference().df()));
    }
  }

  @Test
  void rowOrderAndArmOrderDoNotMatter() {
    MmrmInput in = MmrmData.fev();
    MmrmResult ref = Mmrm.fit(in, DdfMethod.SATTERTHWAITE, 0.95);
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < in.y().length; i++) {
      idx.add(i);
    }
    Collections.shuffle(idx, new Random(42));
    List<String> s = new ArrayList<>();
    List<String> v = new ArrayList<>();
    List<String> a = new ArrayList<>();
    List<String> race = new ArrayList<>();
    List<String> sex = new ArrayList<>();
    double[] y = new double[idx.size()];
    for (int k = 0; k < idx.size(); k++) {
      int i = idx.get(k);
      s.add(in.subject().get(i));
      v.add(in.visit().get(i));
      a.add(in.arm().get(i));
      race.add(in.covariates().get(0).values().get(i));
      // rename levels so that a different level is the reference
      sex.add(in.covariates().get(1).values().get(i).equals("Male") ? "A-male" : "B-female");
      y[k] = in.y()[i];
    }
    MmrmInput shuffled = new MmrmInput(s, v, a, y, null,
        List.of(new Covariate("RACE", race, true), new Covariate("SEX", sex, true)), in.visitOrder(),
        List.of("PBO", "TRT"), "PBO");
    MmrmResult r = Mmrm.fit(shuffled, DdfMethod.SATTERTHWAITE, 0.95);
    assertThat(r.minus2RemlLogLik()).isCloseTo(ref.minus2RemlLogLik(), within(1e-9 * ref.minus2RemlLogLik()));
    assertSameInference(ref, r, 0, 1);
  }

  @Test
  void locationAndScaleOfOutcome() {
    MmrmInput in = MmrmData.caps("/oracles/mapp1_like.csv", "Placebo");
    MmrmResult ref = Mmrm.fit(in, DdfMethod.SATTERTHWAITE, 0.95);
    double k = 3.5;
    double c = 100;
    double[] y = in.y().clone();
    for (int i = 0; i < y.length; i++) {
      y[i] = k * y[i] + c;
    }
    MmrmResult r = Mmrm.fit(MmrmDataConditionsTest.withY(in, y), DdfMethod.SATTERTHWAITE, 0.95);
    assertSameInference(ref, r, c, k);
    int p = 9; // intercept + 1 arm + 2 visits + 2 arm:visit + baseline + 2 baseline:visit
    double expected = ref.minus2RemlLogLik() + 2 * (ref.observations() - p) * Math.log(k);
    assertThat(r.minus2RemlLogLik()).isCloseTo(expected, within(1e-9 * expected));
  }

  @Test
  void sufficientStatisticsMatchRawSums() {
    Random rnd = new Random(7);
    int m = 3;
    int p = 5;
    int n = 11;
    double[] x = new double[n * m * p];
    double[] y = new double[n * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextGaussian();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = rnd.nextGaussian();
    }
    Pattern raw = new Pattern(new int[] {0, 2, 3}, p, n, x, y, false);
    Pattern stats = new Pattern(new int[] {0, 2, 3}, p, n, x, y, true);
    double[] a = {2, 0.5, -0.3, 0.5, 1.5, 0.2, -0.3, 0.2, 1};
    double[] o1 = new double[p * p];
    double[] o2 = new double[p * p];
    raw.addXtAX(a, o1);
    stats.addXtAX(a, o2);
    assertThat(o2).containsExactly(o1, within(1e-12));
    double[] mm = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        mm[i * p + j] = mm[j * p + i] = rnd.nextGaussian();
      }
    }
    assertThat(stats.xmx(mm)).containsExactly(raw.xmx(mm), within(1e-12));
  }
}
