package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * {@code trialstat mmrm} on R mmrm's {@code bcva_data} (1,000 subjects, 10 visits, 8,605 rows; read at
 * ../shared/mmrm_bcva, skipped when absent): BCVA_CHG ~ BCVA_BL + ARMCD * AVISIT, unstructured
 * covariance, REML, the model of the mmrm vignette's benchmark ({@code us(AVISIT | USUBJID)}).
 *
 * <p>References: (1) mmrm 0.3's -2 REML log-likelihood 32964.19 (../shared/mmrm_bcva/README.md, 2
 * decimals). (2) R 4.2.2 nlme 3.1-162 {@code gls(corSymm + varIdent, REML)} with emmeans 1.8.4.1 LS
 * means and TRT - CTL per visit (src/test/resources/mmrm/r/bcva_gls.R and bcva_gls.out, 12 digits).
 * gls stopped 9e-8 above the optimum found here (-2 REML log-likelihood 32964.1901803258 against
 * 32964.1901802354), so its estimates agree to 1e-7 relative and its SEs to about 3e-6; tolerances
 * below: 1e-7 (estimates) and 5e-6 (SEs) relative. emmeans gave no Satterthwaite df for this gls fit
 * (it fell back to 8,530 residual df), so df are not compared here: MmrmFevTest checks Satterthwaite
 * df against a direct R computation.
 */
class MmrmCommandBcvaTest {
  private static final Path BCVA = TestFiles.shared("mmrm_bcva", "bcva_data.csv");
  private static Object json;

  @BeforeAll
  static void fit() throws IOException {
    json = fitJson();
  }

  /**
   * The JSON of {@code trialstat mmrm} on bcva_data with the vignette's model and the given further
   * options (skipped when ../shared is absent).
   */
  static Object fitJson(String... options) throws IOException {
    TestFiles.assumeShared(BCVA);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("mmrm", "--scale", "none", "--id-col",
        "USUBJID", "--arm-col", "ARMCD", "--visit-col", "AVISIT", "--score-col", "BCVA_CHG", "--covariate", "BCVA_BL",
        "--control", "CTL", "--format", "json"));
    args.addAll(java.util.List.of(options));
    args.add(BCVA.toString());
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readValue(r.out(), Object.class);
  }

  @Test
  void minus2RemlLogLik() {
    double m2 = JsonPath.number(json, "fit.minus2_reml_loglik");
    // mmrm 0.3 (../shared/mmrm_bcva/README.md): 32964.19, printed to 2 decimals: tol 0.005
    assertThat(m2).isCloseTo(32964.19, within(0.005));
    // nlme gls (bcva_gls.out): 32964.1901803258, 9e-8 above this optimum: tol 1e-10 relative
    assertThat(m2).isCloseTo(32964.1901803258, within(32964.19 * 1e-10));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "lsmeans[arm=CTL,visit=VIS01]; 5.31793536809; 0.0581130088050",
      "lsmeans[arm=TRT,visit=VIS01]; 5.86025680169; 0.0572003625694",
      "lsmeans[arm=CTL,visit=VIS02]; 5.59373502235; 0.0668597775574",
      "lsmeans[arm=TRT,visit=VIS02]; 6.32617324686; 0.0657491596469",
      "lsmeans[arm=CTL,visit=VIS03]; 5.77287203590; 0.0760508801402",
      "lsmeans[arm=TRT,visit=VIS03]; 6.78797340334; 0.0748066737551",
      "lsmeans[arm=CTL,visit=VIS04]; 6.17405685156; 0.0818304840987",
      "lsmeans[arm=TRT,visit=VIS04]; 7.27954074426; 0.0798904163574",
      "lsmeans[arm=CTL,visit=VIS05]; 6.27801508404; 0.0904317478919",
      "lsmeans[arm=TRT,visit=VIS05]; 7.66581184157; 0.0889742210401",
      "lsmeans[arm=CTL,visit=VIS06]; 6.64909850392; 0.0940170104078",
      "lsmeans[arm=TRT,visit=VIS06]; 8.28098906938; 0.0904781388273",
      "lsmeans[arm=CTL,visit=VIS07]; 6.74271248332; 0.1045461162936",
      "lsmeans[arm=TRT,visit=VIS07]; 8.76088195844; 0.1000008130029",
      "lsmeans[arm=CTL,visit=VIS08]; 7.03980225671; 0.1142896674462",
      "lsmeans[arm=TRT,visit=VIS08]; 9.38843963228; 0.1081489609671",
      "lsmeans[arm=CTL,visit=VIS09]; 7.31707442332; 0.1303079012665",
      "lsmeans[arm=TRT,visit=VIS09]; 9.98669689291; 0.1199759963018",
      "lsmeans[arm=CTL,visit=VIS10]; 7.43199798223; 0.1390955692509",
      "lsmeans[arm=TRT,visit=VIS10]; 10.50257786591; 0.1287414797723",
      "comparisons[treatment=TRT,control=CTL,visit=VIS01]; 0.542321433600; 0.0815496623095",
      "comparisons[treatment=TRT,control=CTL,visit=VIS02]; 0.732438224511; 0.0937801260120",
      "comparisons[treatment=TRT,control=CTL,visit=VIS03]; 1.015101367439; 0.1066820697840",
      "comparisons[treatment=TRT,control=CTL,visit=VIS04]; 1.105483892700; 0.1143681975763",
      "comparisons[treatment=TRT,control=CTL,visit=VIS05]; 1.387796757524; 0.1268684102204",
      "comparisons[treatment=TRT,control=CTL,visit=VIS06]; 1.631890565460; 0.1304864216883",
      "comparisons[treatment=TRT,control=CTL,visit=VIS07]; 2.018169475118; 0.1446822399362",
      "comparisons[treatment=TRT,control=CTL,visit=VIS08]; 2.348637375568; 0.1573527430115",
      "comparisons[treatment=TRT,control=CTL,visit=VIS09]; 2.669622469596; 0.1771357328503",
      "comparisons[treatment=TRT,control=CTL,visit=VIS10]; 3.070579883677; 0.1895362227737"
  })
  void estimatesAndStandardErrorsAsGlsAndEmmeans(String entry, double estimate, double se) {
    // bcva_gls.out, mode satterthwaite: estimate tol 1e-7 relative, SE tol 5e-6 relative (see class comment)
    assertThat(JsonPath.number(json, entry + ".estimate")).isCloseTo(estimate, within(1e-7 * Math.abs(estimate)));
    assertThat(JsonPath.number(json, entry + ".se")).isCloseTo(se, within(5e-6 * se));
  }
}
