package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceFit;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Estimation;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;

/**
 * trialstat's own MMRMs (fev_data: FEV1 ~ ARMCD * AVISIT + RACE + SEX; mapp1_like: change ~ arm * visit +
 * baseline * visit) with structured covariances against R 4.2.2 / nlme 3.1-162 {@code gls(...,
 * method = "REML")} with corCompSymm, corAR1 and varIdent: src/test/resources/mmrm/r/gls_structures.R
 * and its printed output gls_structures.out (converted there to SAS's parametrisation). Tolerances:
 * -2 REML log-likelihood 1e-8 relative; covariance parameters 1e-5 relative; LS means, contrasts and
 * their model-based SEs 1e-6 relative (both fits converged to about 1e-10, so the agreement is closer).
 */
class CovarianceStructureGlsTest {

  private static final List<String> OUT = GlsOutput.lines("/mmrm/r/gls_structures.out");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"fev, CS", "fev, AR1", "fev, CSH", "fev, AR1H", "mapp1_like, CS", "mapp1_like, AR1",
      "mapp1_like, CSH", "mapp1_like, AR1H"})
  void matchesNlmeGls(String data, CovarianceStructure s) {
    MmrmInput in = data.equals("fev") ? MmrmData.fev() : MmrmData.caps("/oracles/mapp1_like.csv", "Placebo");
    MmrmResult r = Mmrm.fit(in, DdfMethod.SATTERTHWAITE, 0.95, Convergence.OPTIMUM,
        new CovarianceSettings(List.of(s), false, Estimation.REML));
    assertThat(r.reason()).isNull();
    CovarianceFit cov = r.covariance();
    assertThat(cov.structure()).isEqualTo(s.key());
    List<String> block = GlsOutput.block(OUT, data + " " + s.key());
    int checked = 0;
    for (String line : block) {
      String[] f = line.trim().split("\\s+");
      switch (f[0]) {
        case "m2ll":
          double m2ll = Double.parseDouble(f[1]);
          assertThat(r.minus2RemlLogLik()).isCloseTo(m2ll, within(1e-8 * Math.abs(m2ll)));
          break;
        case "param":
          double v = Double.parseDouble(f[2]);
          assertThat(cov.estimates().get(cov.names().indexOf(f[1]))).as(f[1])
              .isCloseTo(v, within(1e-5 * Math.abs(v)));
          break;
        case "lsmean":
          LsMean l = r.lsmeans().stream().filter(x -> x.arm().equals(f[1]) && x.visit().equals(f[2])).findFirst()
              .orElseThrow();
          assertThat(l.estimate()).as(line).isCloseTo(Double.parseDouble(f[4]), within(1e-6 * Math.abs(l.estimate())));
          assertThat(l.se()).as(line).isCloseTo(Double.parseDouble(f[6]), within(1e-6 * l.se()));
          break;
        default:
          VisitContrast c = r.comparisons().stream().filter(x -> x.treatment().equals(f[1]) && x.visit().equals(f[2]))
              .findFirst().orElseThrow();
          double est = Double.parseDouble(f[4]);
          assertThat(c.difference().estimate()).as(line).isCloseTo(est, within(1e-6 * Math.abs(est)));
          assertThat(c.difference().se()).as(line).isCloseTo(Double.parseDouble(f[6]),
              within(1e-6 * c.difference().se()));
          break;
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }
}
