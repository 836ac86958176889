package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MeanModel#jackknife}: each leave-one-out fit (derived design, warm start) is the fit of the data
 * without that subject built from scratch (a property: the same REML optimum; both converge to 1e-20 in the
 * relative decrease, so they agree far below 1e-8). The external references of the jackknife estimates are
 * in stats.impute.CondMeanJackknifeTest.
 */
class LeaveOneOutTest {

  /** 40 subjects, 3 visits, 2 arms, monotone dropout, one intermittent gap; fixed seed. */
  static MmrmInput data(List<String> drop) {
    SplittableRandom rnd = new SplittableRandom(20261201);
    List<String> id = new ArrayList<>();
    List<String> visit = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      double b = 20 + 5 * rnd.nextDouble();
      double u = rnd.nextGaussian() * 3;
      int last = s % 7 == 0 ? 1 : s % 5 == 0 ? 2 : 3;
      for (int v = 0; v < last; v++) {
        double value = -v * (s % 2 == 0 ? 2 : 1) + 0.3 * b + u + rnd.nextGaussian() * 2;
        if (drop.contains("S" + s) || (s == 11 && v == 1)) {
          continue;
        }
        id.add("S" + s);
        visit.add("V" + v);
        arm.add(s % 2 == 0 ? "T" : "C");
        y.add(value);
        base.add(b);
      }
    }
    return new MmrmInput(id, visit, arm, y.stream().mapToDouble(Double::doubleValue).toArray(),
        base.stream().mapToDouble(Double::doubleValue).toArray(), List.of(), List.of("V0", "V1", "V2"),
        List.of("C", "T"), "C");
  }

  @Test
  void everyLeaveOneOutFitEqualsTheFitWithoutThatSubject() {
    MeanModel.Jackknife fits = MeanModel.jackknife(data(List.of()));
    assertThat(fits.full().reason()).isNull();
    for (String s : List.of("S0", "S5", "S11", "S14", "S21", "S39")) {
      MeanModel derived = fits.without(s, () -> data(List.of(s)));
      MeanModel fresh = MeanModel.fit(data(List.of(s)));
      assertThat(derived.reason()).isNull();
      double[] a = derived.sigma();
      double[] b = fresh.sigma();
      for (int k = 0; k < a.length; k++) {
        assertThat(a[k]).as(s + " sigma " + k).isCloseTo(b[k], within(1e-8));
      }
      for (String arm : List.of("C", "T")) {
        double[] ma = derived.mean(arm, 22);
        double[] mb = fresh.mean(arm, 22);
        for (int v = 0; v < ma.length; v++) {
          assertThat(ma[v]).as(s + " mean " + arm + v).isCloseTo(mb[v], within(1e-8));
        }
      }
    }
  }

  @Test
  void aSubjectWithoutObservationsLeavesTheFitAsItIs() {
    MeanModel.Jackknife fits = MeanModel.jackknife(data(List.of()));
    assertThat(fits.without("nobody", () -> data(List.of())).sigma()).containsExactly(fits.full().sigma());
  }
}
