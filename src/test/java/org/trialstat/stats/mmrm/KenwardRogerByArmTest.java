package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.TestFiles;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceFit;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Estimation;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;

/**
 * Kenward-Roger for a covariance per arm (SAS {@code GROUP=ARMCD}) and for TOEP in trialstat's own model,
 * where SAS gives no listing, against the independent R reference src/test/resources/mmrm/r/kr_structures.R
 * (REML coded from its formula, KR from Kenward &amp; Roger 1997 with numDeriv's derivatives in SAS's
 * parameters) and its printed output kr_structures.out, read here. That script reproduces SAS first: its
 * fits match the SAS REML listings sas_toep_reml.txt and sas_group_*_reml.txt (-2 Res Log Like within SAS's
 * own stopping distance), and its KR matches SAS DDFM=KR for CS, CSH, AR(1), ARH(1), TOEP, TOEPH and ANTE(1)
 * (R mmrm's design/ddfm_covtype/kr_*.csv) as far as SAS's stopping short of the optimum allows (section 2 of
 * the .out: relative differences printed).
 *
 * <p>Tolerances. Both fits stop near the REML optimum (ours at Newton decrement 1e-12 |-2 l_R|, R's where
 * its numerical gradient, Richardson differences of -2 l_R, stops improving), and -2 l_R is flat there: on
 * TOEP by arm two R runs with different stopping rules moved TOEP(3) PBO (-0.626, variances about 80) by
 * 2e-5 while -2 l_R agreed to 1e-10 relative. So: -2 l_R 1e-9 relative; a variance or covariance within
 * 1e-5 of the larger of its value and the matrices' largest variance, a correlation within 1e-5 of the
 * larger of its value and 0.1; the estimate 1e-5 relative; KR SE 1e-5 relative; KR df 1e-4 relative.
 */
class KenwardRogerByArmTest {

  private static final List<String> OUT = GlsOutput.lines("/mmrm/r/kr_structures.out");

  /** trialstat's model FEV1 ~ ARMCD * AVISIT + RACE + SEX through {@link Mmrm#fit}: TRT - PBO per visit. */
  @ParameterizedTest(name = "{0} by arm {1}")
  @CsvSource({"TOEP, false", "TOEP, true", "CS, true", "AR1H, true", "ADH, true", "UN, true"})
  void perVisitMatchesR(CovarianceStructure s, boolean byArm) {
    TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv"));
    MmrmResult r = Mmrm.fit(MmrmData.fev(), DdfMethod.KENWARD_ROGER, 0.95, Convergence.OPTIMUM,
        new CovarianceSettings(List.of(s), byArm, Estimation.REML));
    assertThat(r.reason()).isNull();
    CovarianceFit cov = r.covariance();
    List<String> block = GlsOutput.block(OUT, "fev_" + s.key() + (byArm ? "_by_arm" : ""));
    // the scale of the matrices: their largest variance (a covariance is determined relative to it)
    double scale = 0;
    for (String line : block) {
      String[] f = line.trim().split("\\s+");
      if (f[0].equals("param") && f[1].matches("Var.*|Residual|UN\\((\\d),\\1\\)")) {
        scale = Math.max(scale, Double.parseDouble(f[f.length - 1]));
      }
    }
    assertThat(scale).isPositive();
    int contrasts = 0;
    for (String line : block) {
      String[] f = line.trim().split("\\s+");
      if (f[0].equals("m2ll")) {
        double m2ll = Double.parseDouble(f[1]);
        assertThat(r.minus2RemlLogLik()).isCloseTo(m2ll, within(1e-9 * m2ll));
      } else if (f[0].equals("param")) {
        String name = f.length == 4 ? f[1] + " " + f[2] : f[1];
        double v = Double.parseDouble(f[f.length - 1]);
        boolean correlation = f[1].matches("AR\\(1\\)|ARH\\(1\\)|CSH|TOEPH.*|Rho.*");
        assertThat(cov.estimates().get(cov.names().indexOf(name))).as(name)
            .isCloseTo(v, within(1e-5 * Math.max(Math.abs(v), correlation ? 0.1 : scale)));
      } else if (f[0].equals("contrast")) {
        VisitContrast c = r.comparisons().stream().filter(x -> x.visit().equals(f[2])).findFirst().orElseThrow();
        check(c.difference().estimate(), c.difference().se(), c.difference().df(), f, 4);
        assertThat(c.difference().method()).contains("Kenward-Roger");
        contrasts++;
      }
    }
    assertThat(contrasts).isEqualTo(4);
  }

  /** MODEL FEV1 = ARMCD; REPEATED / TYPE=... GROUP=ARMCD: the model of SAS's KR listings, by arm. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"CS", "CSH", "AR1", "AR1H", "TOEPH", "ADH"})
  void armOnlyModelMatchesR(CovarianceStructure s) {
    TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv"));
    StructuredFit.Result r = StructuredFixedEffectsSasTest.fit(s, false, true);
    KenwardRoger kr = KenwardRogerStructured.of(StructuredFixedEffectsSasTest.patterns, 4, 2, 2, s, r, false);
    double[] l = {0, 1};
    List<String> block = GlsOutput.block(OUT, "kr_group_" + s.key());
    String[] f = block.get(block.size() - 1).trim().split("\\s+");
    assertThat(f[0]).isEqualTo("contrast");
    check(r.eval.beta[1], Math.sqrt(kr.adjustedVariance(l)), KenwardRogerF.of(kr, new double[][] {l}, r.eval.beta).denDf(), f, 3);
  }

  /** f: "contrast TRT [VISIT] est E se S df D", the estimate at index {@code at}. */
  private static void check(double est, double se, double df, String[] f, int at) {
    double e = Double.parseDouble(f[at]);
    double s = Double.parseDouble(f[at + 2]);
    double d = Double.parseDouble(f[at + 4]);
    assertThat(est).as("estimate").isCloseTo(e, within(1e-5 * Math.abs(e)));
    assertThat(se).as("KR SE").isCloseTo(s, within(1e-5 * s));
    assertThat(df).as("KR df").isCloseTo(d, within(1e-4 * d));
  }
}
