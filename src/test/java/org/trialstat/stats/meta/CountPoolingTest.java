package org.trialstat.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.stats.meta.MetaReference.CLOSED;
import static org.trialstat.stats.meta.MetaReference.ITERATIVE;
import static org.trialstat.stats.meta.MetaReference.check;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.StudyEffect;

/**
 * Mantel-Haenszel and Peto against metafor 3.8.1's {@code rma.mh} (cases SET_rr_mh, SET_or_mh, SET_rd_mh)
 * and {@code rma.peto} (SET_peto) in make_meta.out, SET = bcg (dat.bcg) or zero (the zero-cell set);
 * closed form, 1e-8 relative; the Q-profile limits of the effects (confint), 1e-6.
 */
class CountPoolingTest {

  private static int[][] tables(String set) {
    if (set.equals("zero")) {
      return Datasets.ZERO;
    }
    List<String[]> rows = Datasets.bcg();
    int[][] t = new int[rows.size()][];
    for (int i = 0; i < t.length; i++) {
      String[] r = rows.get(i);
      int a = Integer.parseInt(r[3]);
      int c = Integer.parseInt(r[5]);
      t[i] = new int[] {a, a + Integer.parseInt(r[4]), c, c + Integer.parseInt(r[6])};
    }
    return t;
  }

  private static int[] col(int[][] t, int j) {
    int[] x = new int[t.length];
    for (int i = 0; i < t.length; i++) {
      x[i] = t[i][j];
    }
    return x;
  }

  private static void checkPooled(MetaPooled r, String c) {
    check(r.estimate(), c, "est", CLOSED);
    check(r.se(), c, "se", CLOSED);
    check(r.stat(), c, "stat", CLOSED);
    check(r.p(), c, "p", CLOSED);
    check(r.ciLow(), c, "lo", CLOSED);
    check(r.ciHigh(), c, "hi", CLOSED);
    check(r.q(), c, "q", CLOSED);
    check(r.qP(), c, "q_p", CLOSED);
    check(r.i2(), c, "i2", CLOSED);
    check(r.h2(), c, "h2", CLOSED);
    for (int i = 0; i < r.weights().size(); i++) {
      check(r.weights().get(i), c, "w[" + (i + 1) + "]", CLOSED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bcg", "zero"})
  void mantelHaenszel(String set) {
    int[][] t = tables(set);
    for (MantelHaenszel m : MantelHaenszel.values()) {
      MetaPooled r = m.pool(col(t, 0), col(t, 1), col(t, 2), col(t, 3), 0.95);
      String c = set + "_" + m.name().toLowerCase(java.util.Locale.ROOT) + "_mh";
      checkPooled(r, c);
      String same = set + "_" + m.name().toLowerCase(java.util.Locale.ROOT) + "_dl";
      if (MetaReference.has(same, "tau2_lo")) {
        check(r.tau2CiLow(), same, "tau2_lo", ITERATIVE);
        check(r.tau2CiHigh(), same, "tau2_hi", ITERATIVE);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bcg", "zero"})
  void peto(String set) {
    int[][] t = tables(set);
    MetaPooled r = Peto.pool(col(t, 0), col(t, 1), col(t, 2), col(t, 3), 0.95);
    String c = set + "_peto";
    checkPooled(r, c);
    check(r.tau2CiLow(), c, "tau2_lo", ITERATIVE);
    check(r.tau2CiHigh(), c, "tau2_hi", ITERATIVE);
    for (int i = 0; i < t.length; i++) {
      StudyEffect e = Peto.effect("s", t[i][0], t[i][1], t[i][2], t[i][3]);
      check(e.yi(), c, "yi[" + (i + 1) + "]", CLOSED);
      check(e.vi(), c, "vi[" + (i + 1) + "]", CLOSED);
    }
  }

  @Test
  void petoLeavesOutTablesWithoutInformation() {
    assertThat(Peto.effect("s", 0, 10, 0, 12).reason()).contains("V = 0");
    assertThat(Peto.effect("s", 10, 10, 12, 12).estimable()).isFalse();
    assertThat(Peto.effect("s", 0, 10, 3, 12).reason()).contains("1/2 added");
  }
}
