package org.trialstat.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.stats.meta.MetaReference.CLOSED;
import static org.trialstat.stats.meta.MetaReference.ITERATIVE;
import static org.trialstat.stats.meta.MetaReference.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.EggerTest;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.MetaSettings.Adjustment;
import org.trialstat.model.MetaSettings.Model;
import org.trialstat.model.MetaSettings.Prediction;
import org.trialstat.model.MetaSettings.Tau2;
import org.trialstat.model.StudyEffect;
import org.trialstat.model.SubgroupTest;

/**
 * Leave-one-out ({@code leave1out}, cases SET_m_l1o), cumulative by year ({@code cumul(order = year)},
 * bcg_rr_m_cumul), subgroups (separate fits and the FE meta-regression QM, SET_m_sub) and Egger's test
 * ({@code regtest(model = "lm")}, SET_egger) against metafor 3.8.1, make_meta.out. Tolerance 1e-8 relative
 * (DL, FE, Egger), 1e-6 under REML (iterative tau^2).
 */
class SensitivityTest {

  private static Pooling pooling(String method) {
    boolean fe = method.equals("fe");
    return new Pooling(new MetaSettings(MetaSettings.Measure.GENERIC, fe ? Model.COMMON : Model.RANDOM,
        fe ? Tau2.REML : Tau2.valueOf(method.toUpperCase(Locale.ROOT)), Adjustment.NONE, Prediction.DEFAULT, 0.95));
  }

  private static double tol(String method) {
    return method.equals("reml") ? ITERATIVE : CLOSED;
  }

  private static void checkSteps(List<MetaPooled> steps, String c, double tol) {
    for (int i = 0; i < steps.size(); i++) {
      MetaPooled r = steps.get(i);
      String n = "[" + (i + 1) + "]";
      check(r.estimate(), c, "est" + n, tol);
      check(r.se(), c, "se" + n, tol);
      check(r.ciLow(), c, "lo" + n, tol);
      check(r.ciHigh(), c, "hi" + n, tol);
      check(r.p(), c, "p" + n, tol);
      check(r.tau2(), c, "tau2" + n, tol);
      check(r.i2(), c, "i2" + n, tol);
      check(r.q(), c, "q" + n, CLOSED);
    }
  }

  @ParameterizedTest
  @CsvSource({"bcg_rr,reml", "bcg_rr,dl", "nor_smd,reml", "nor_smd,dl"})
  void leaveOneOut(String set, String method) {
    StudyEffect[] e = Datasets.of(set);
    List<MetaPooled> l = Sensitivity.leaveOneOut(Sensitivity.inverseVariance(pooling(method), Datasets.y(e),
        Datasets.v(e)), e.length);
    String c = set + "_" + method + "_l1o";
    assertThat(l).hasSize(e.length);
    checkSteps(l, c, tol(method));
    for (int i = 0; i < l.size(); i++) {
      check(l.get(i).stat(), c, "stat[" + (i + 1) + "]", tol(method));
      check(l.get(i).qP(), c, "q_p[" + (i + 1) + "]", CLOSED);
      check(l.get(i).h2(), c, "h2[" + (i + 1) + "]", tol(method));
    }
  }

  @ParameterizedTest
  @CsvSource({"reml", "dl"})
  void cumulativeByYear(String method) {
    StudyEffect[] e = Datasets.of("bcg_rr");
    List<String[]> rows = Datasets.bcg();
    Integer[] order = new Integer[e.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> Integer.parseInt(rows.get(i)[2]))); // stable: ties keep order
    Sensitivity.Fit fit = Sensitivity.inverseVariance(pooling(method), Datasets.y(e), Datasets.v(e));
    checkSteps(Sensitivity.cumulative(fit, Arrays.stream(order).mapToInt(Integer::intValue).toArray()),
        "bcg_rr_" + method + "_cumul", tol(method));
  }

  @ParameterizedTest
  @CsvSource({"bcg_rr,reml", "bcg_rr,dl", "bcg_rr,fe", "hack,reml"})
  void subgroups(String set, String method) {
    StudyEffect[] e = Datasets.of(set);
    String[] group = (set.equals("hack") ? Datasets.hackshawRows().stream().map(r -> r[3])
        : Datasets.bcg().stream().map(r -> r[7])).toArray(String[]::new);
    Map<String, MetaPooled> g = Sensitivity.subgroups(Sensitivity.inverseVariance(pooling(method), Datasets.y(e),
        Datasets.v(e)), group);
    String c = set + "_" + method + "_sub";
    List<MetaPooled> fits = new ArrayList<>(g.values());
    for (int j = 0; j < fits.size(); j++) {
      String p = "g" + (j + 1) + "_";
      check(fits.get(j).estimate(), c, p + "est", tol(method));
      check(fits.get(j).se(), c, p + "se", tol(method));
      check(fits.get(j).tau2(), c, p + "tau2", tol(method));
      check(fits.get(j).ciLow(), c, p + "lo", tol(method));
      check(fits.get(j).ciHigh(), c, p + "hi", tol(method));
      check(fits.get(j).i2(), c, p + "i2", tol(method));
    }
    SubgroupTest t = Sensitivity.between(fits);
    check(t.q(), c, "qb", tol(method));
    check(t.df(), c, "qb_df", 0);
    check(t.p(), c, "qb_p", tol(method));
  }

  @ParameterizedTest
  @CsvSource({"bcg_rr", "hack", "nor_smd"})
  void egger(String set) {
    StudyEffect[] e = Datasets.of(set);
    EggerTest t = EggerRegression.test(Datasets.y(e), Datasets.v(e), 0.95);
    String c = set + "_egger";
    check(t.t(), c, "stat", CLOSED);
    check(t.df(), c, "df", 0);
    check(t.p(), c, "p", CLOSED);
    check(t.limit(), c, "limit", CLOSED);
    check(t.limitLow(), c, "limit_lo", CLOSED);
    check(t.limitHigh(), c, "limit_hi", CLOSED);
    check(t.slope(), c, "slope", CLOSED);
    check(t.slopeSe(), c, "slope_se", CLOSED);
  }

  @Test
  void eggerNeedsThreeStudies() {
    assertThat(EggerRegression.test(new double[] {1, 2}, new double[] {1, 2}, 0.95).reason()).contains("3 studies");
  }

  @Test
  void oneSubgroupHasNoTest() {
    assertThat(Sensitivity.between(List.of(pooling("dl").single(0.1, 0.2))).reason()).contains("fewer than 2");
  }
}
