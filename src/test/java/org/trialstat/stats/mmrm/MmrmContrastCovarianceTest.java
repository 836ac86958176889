package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;

/**
 * {@link MmrmResult#contrastCovariance}: the covariance L_i C L_j' of the treatment - control contrasts at
 * one visit, on samples/three_arm_sites.csv (change ~ arm * visit + baseline * visit + site, unstructured,
 * REML; rows without a site left out), against R 4.2.2 nlme::gls 3.1.162 + emmeans 1.8.4.1
 * {@code vcov(contrast(emmeans(fit, trt.vs.ctrl ~ arm | visit)))} at week18
 * (src/test/resources/sap/make_mmrm_dunnett.R, make_mmrm_dunnett.out section 2). gls stops at its own
 * tolerance (SEs agree to 1e-5): elements within 5e-5, the correlation within 1e-5.
 */
class MmrmContrastCovarianceTest {
  private static MmrmResult fit;

  @BeforeAll
  static void fitOnce() {
    List<String[]> rows = MmrmData.read(Path.of("samples", "three_arm_sites.csv"));
    Map<String, Double> baseline = new HashMap<>();
    for (String[] f : rows) {
      if (f[2].equals("baseline") && !f[4].isEmpty()) {
        baseline.put(f[0], Double.parseDouble(f[4]));
      }
    }
    List<String> subject = new ArrayList<>();
    List<String> visit = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<String> site = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    for (String[] f : rows) {
      Double b = baseline.get(f[0]);
      if (f[2].equals("baseline") || f[4].isEmpty() || b == null) {
        continue;
      }
      subject.add(f[0]);
      visit.add(f[2]);
      arm.add(f[1]);
      site.add(f[6]);
      y.add(Double.parseDouble(f[4]) - b);
      base.add(b);
    }
    MmrmInput in = new MmrmInput(subject, visit, arm, y.stream().mapToDouble(Double::doubleValue).toArray(),
        base.stream().mapToDouble(Double::doubleValue).toArray(), List.of(new Covariate("site", site, true)),
        List.of("week6", "week12", "week18"), List.of("Placebo", "Low", "High"), "Placebo");
    fit = Mmrm.fit(in, DdfMethod.SATTERTHWAITE, 0.95);
  }

  @Test
  void week18CovarianceMatchesEmmeans() {
    assertThat(fit.converged()).as(fit.reason()).isTrue();
    double[][] v = fit.contrastCovariance("week18", List.of("Low", "High"));
    // make_mmrm_dunnett.out "covariance of the contrasts (L V L')"
    assertThat(v[0][0]).isCloseTo(1.717068983173447, within(5e-5));
    assertThat(v[0][1]).isCloseTo(0.886616848966284, within(5e-5));
    assertThat(v[1][0]).isEqualTo(v[0][1]);
    assertThat(v[1][1]).isCloseTo(1.731990724740529, within(5e-5));
    // make_mmrm_dunnett.out "correlation"
    assertThat(v[0][1] / Math.sqrt(v[0][0] * v[1][1])).isCloseTo(0.51412571633839, within(1e-5));
  }

  /** The diagonal is each contrast's SE squared; arms are looked up by name, in the order asked. */
  @Test
  void diagonalIsTheSquaredSeInTheOrderAsked() {
    double[][] v = fit.contrastCovariance("week12", List.of("High", "Low"));
    for (VisitContrast c : fit.comparisons()) {
      if (c.visit().equals("week12")) {
        int i = c.treatment().equals("High") ? 0 : 1;
        assertThat(v[i][i]).isCloseTo(c.difference().se() * c.difference().se(), within(1e-12));
      }
    }
    assertThat(fit.contrastCovariance("week99", List.of("Low"))).isNull();
    assertThat(fit.contrastCovariance("week18", List.of("Nobody"))).isNull();
  }
}
