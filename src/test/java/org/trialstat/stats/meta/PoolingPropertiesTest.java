package org.trialstat.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.MetaSettings.Adjustment;
import org.trialstat.model.MetaSettings.Model;
import org.trialstat.model.MetaSettings.Prediction;
import org.trialstat.model.MetaSettings.Tau2;

/**
 * Invariances that every estimator must have (the values themselves are pinned to metafor in
 * PoolingTest): the order of the studies does not matter, a shift of every effect shifts the pooled
 * effect and nothing else, and rescaling effects by s (variances by s^2) rescales tau^2 by s^2 and leaves
 * I^2, Q and p unchanged. Tolerance 1e-7 relative (iterative estimators converge to 1e-13).
 */
class PoolingPropertiesTest {

  record Data(double[] y, double[] v) {
  }

  @Provide
  Arbitrary<Data> studies() {
    return Arbitraries.integers().between(2, 12).flatMap(k -> Combinators.combine(
        Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(k),
        Arbitraries.doubles().between(0.01, 2).array(double[].class).ofSize(k)).as(Data::new));
  }

  private static MetaPooled pool(Tau2 t, double[] y, double[] v) {
    return new Pooling(new MetaSettings(MetaSettings.Measure.GENERIC, Model.RANDOM, t, Adjustment.NONE,
        Prediction.DEFAULT, 0.95)).pool(y, v);
  }

  private static void close(double a, double b) {
    assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1e-7 * Math.max(1, Math.abs(b)));
  }

  @Property(tries = 200)
  void orderShiftAndScale(@ForAll("studies") Data d, @ForAll Tau2 t) {
    MetaPooled base = pool(t, d.y(), d.v());
    int k = d.y().length;
    double[] ry = new double[k];
    double[] rv = new double[k];
    double[] sy = new double[k];
    double[] ty = new double[k];
    double[] tv = new double[k];
    for (int i = 0; i < k; i++) {
      ry[i] = d.y()[k - 1 - i];
      rv[i] = d.v()[k - 1 - i];
      sy[i] = d.y()[i] + 5;
      ty[i] = 3 * d.y()[i];
      tv[i] = 9 * d.v()[i];
    }
    for (MetaPooled p : List.of(pool(t, ry, rv), pool(t, sy, d.v()))) {
      close(p.tau2(), base.tau2());
      close(p.se(), base.se());
      close(p.q(), base.q());
    }
    close(pool(t, ry, rv).estimate(), base.estimate());
    close(pool(t, sy, d.v()).estimate(), base.estimate() + 5);
    MetaPooled scaled = pool(t, ty, tv);
    close(scaled.tau2() / 9, base.tau2());
    close(scaled.estimate() / 3, base.estimate());
    close(scaled.i2(), base.i2());
    close(scaled.q(), base.q());
    close(scaled.tau2CiHigh() / 9, base.tau2CiHigh());
    assertThat(base.tau2()).isGreaterThanOrEqualTo(0);
    assertThat(base.tau2CiLow()).isLessThanOrEqualTo(base.tau2CiHigh());
  }
}
