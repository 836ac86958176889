package org.trialstat.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.stats.meta.MetaReference.CLOSED;
import static org.trialstat.stats.meta.MetaReference.ITERATIVE;
import static org.trialstat.stats.meta.MetaReference.check;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.MetaSettings.Adjustment;
import org.trialstat.model.MetaSettings.Model;
import org.trialstat.model.MetaSettings.Prediction;
import org.trialstat.model.MetaSettings.Tau2;
import org.trialstat.model.StudyEffect;

/**
 * Inverse-variance pooling against metafor 3.8.1 (make_meta.out, make_meta.R): {@code rma(method = "FE")}
 * as case SET_fe, {@code rma(method = M)} as SET_m, with {@code test = "knha"} / {@code "adhoc"} as
 * SET_m_knha / SET_m_adhoc; Q-profile limits from {@code confint}, prediction limits from {@code predict},
 * Riley limits computed in R by hand. Tolerance: 1e-8 relative for closed-form estimators (DL, HS, HE, SJ,
 * common effect), 1e-6 for iterative tau^2 (REML, ML, PM, EB) and the Q-profile limits, 1e-10 absolute floor.
 */
class PoolingTest {

  static final String[] SETS = {"bcg_rr", "bcg_or", "bcg_rd", "nor_md", "nor_smd", "nor_d", "hack", "zero_rr"};

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String set : SETS) {
      out.add(Arguments.of(set, null, Adjustment.NONE));
      for (Tau2 t : Tau2.values()) {
        for (Adjustment a : Adjustment.values()) {
          out.add(Arguments.of(set, t, a));
        }
      }
    }
    return out;
  }

  static MetaSettings settings(Tau2 t, Adjustment a, Prediction p) {
    return new MetaSettings(MetaSettings.Measure.GENERIC, t == null ? Model.COMMON : Model.RANDOM,
        t == null ? Tau2.REML : t, a, p, 0.95);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void matchesMetafor(String set, Tau2 t, Adjustment a) {
    StudyEffect[] e = Datasets.of(set);
    MetaPooled r = new Pooling(settings(t, a, Prediction.DEFAULT)).pool(Datasets.y(e), Datasets.v(e));
    String c = set + "_" + (t == null ? "fe" : t.name().toLowerCase(java.util.Locale.ROOT))
        + (a == Adjustment.KNHA ? "_knha" : a == Adjustment.KNHA_TRUNCATED ? "_adhoc" : "");
    boolean iterative = t == Tau2.REML || t == Tau2.ML || t == Tau2.PM || t == Tau2.EB;
    double tol = iterative ? ITERATIVE : CLOSED;
    check(r.tau2(), c, "tau2", tol);
    check(r.estimate(), c, "est", tol);
    check(r.se(), c, "se", tol);
    check(r.stat(), c, "stat", tol);
    check(r.p(), c, "p", tol);
    check(r.ciLow(), c, "lo", tol);
    check(r.ciHigh(), c, "hi", tol);
    check(r.q(), c, "q", CLOSED);
    check(r.qP(), c, "q_p", CLOSED);
    check(r.i2(), c, "i2", tol);
    check(r.h2(), c, "h2", tol);
    if (t == null) {
      assertThat(r.piLow()).isNaN(); // metafor's predict() gives no prediction interval for a common effect
    } else {
      check(r.piLow(), c, "pi_lo", tol);
      check(r.piHigh(), c, "pi_hi", tol);
    }
    assertThat(r.qDf()).isEqualTo(e.length - 1);
    if (a == Adjustment.NONE) {
      for (int i = 0; i < e.length; i++) {
        check(r.weights().get(i), c, "w[" + (i + 1) + "]", tol);
      }
    }
    if (t != null && a == Adjustment.NONE) {
      check(r.tau2CiLow(), c, "tau2_lo", ITERATIVE);
      check(r.tau2CiHigh(), c, "tau2_hi", ITERATIVE);
      check(r.i2CiLow(), c, "i2_lo", ITERATIVE);
      check(r.i2CiHigh(), c, "i2_hi", ITERATIVE);
      check(r.h2CiLow(), c, "h2_lo", ITERATIVE);
      check(r.h2CiHigh(), c, "h2_hi", ITERATIVE);
      check(Math.sqrt(r.tau2CiLow()), c, "tau_lo", ITERATIVE);
      check(Math.sqrt(r.tau2CiHigh()), c, "tau_hi", ITERATIVE);
      MetaPooled riley = new Pooling(settings(t, a, Prediction.RILEY)).pool(Datasets.y(e), Datasets.v(e));
      check(riley.piLow(), c, "riley_lo", tol);
      check(riley.piHigh(), c, "riley_hi", tol);
    }
    if (t == null) {
      // the Q-profile interval does not depend on the estimator: metafor's confint of the DL fit
      check(r.tau2CiLow(), set + "_dl", "tau2_lo", ITERATIVE);
      check(r.tau2CiHigh(), set + "_dl", "tau2_hi", ITERATIVE);
    }
  }

  @Test
  void twoStudiesAreEstimableUnderReml() {
    StudyEffect[] all = Datasets.normand(EffectMeasure.SMD);
    double[] y = {all[0].yi(), all[2].yi()};
    double[] v = {all[0].vi(), all[2].vi()};
    for (Tau2 t : new Tau2[] {Tau2.REML, Tau2.DL}) {
      MetaPooled r = new Pooling(settings(t, Adjustment.NONE, Prediction.DEFAULT)).pool(y, v);
      String c = "k2_smd_" + t.name().toLowerCase(java.util.Locale.ROOT);
      for (String[] kv : new String[][] {{"est", ""}, {"se", ""}, {"lo", ""}, {"hi", ""}, {"p", ""}}) {
        check(kv[0].equals("est") ? r.estimate() : kv[0].equals("se") ? r.se() : kv[0].equals("lo") ? r.ciLow()
            : kv[0].equals("hi") ? r.ciHigh() : r.p(), c, kv[0], ITERATIVE);
      }
      check(r.tau2(), c, "tau2", ITERATIVE);
      check(r.i2(), c, "i2", ITERATIVE);
      check(r.piLow(), c, "pi_lo", ITERATIVE);
      check(r.piHigh(), c, "pi_hi", ITERATIVE);
      MetaPooled riley = new Pooling(settings(t, Adjustment.NONE, Prediction.RILEY)).pool(y, v);
      assertThat(riley.piLow()).isNaN();
      assertThat(riley.reason()).contains("k >= 3");
    }
  }

  @Test
  void oneStudyIsNotEstimable() {
    MetaPooled r = new Pooling(settings(Tau2.REML, Adjustment.NONE, Prediction.DEFAULT))
        .pool(new double[] {0.1}, new double[] {0.2});
    assertThat(r.estimable()).isFalse();
    assertThat(r.reason()).contains("k = 1");
  }
}
