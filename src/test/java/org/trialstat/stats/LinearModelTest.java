package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialstat.stats.SampleStatisticsTest.assertRel;
import static org.trialstat.stats.SampleStatisticsTest.lre;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Difference;

class LinearModelTest {

  /** A NIST StRD one-way ANOVA data set: group labels, responses (as decimal text) and certified values. */
  record Anova(String name, int[] group, String[] y, double withinSs, double residualSd, int withinDf) {
  }

  private static final Pattern ROW = Pattern.compile("^\\s*([0-9]+)\\s+([-+0-9.Ee]+)\\s*$");
  private static final Pattern WITHIN = Pattern.compile("^Within\\s+\\S+\\s+([0-9]+)\\s+([-+0-9.Ee]+)");
  private static final Pattern SD = Pattern.compile("^\\s*Standard Deviation\\s+([-+0-9.Ee]+)");

  static Anova anova(String name) throws IOException {
    List<Integer> g = new ArrayList<>();
    List<String> y = new ArrayList<>();
    double ss = Double.NaN;
    double sd = Double.NaN;
    int df = -1;
    try (InputStream in = LinearModelTest.class.getResourceAsStream("/nist/anova/" + name + ".dat");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        Matcher m;
        if ((m = ROW.matcher(line)).matches()) {
          g.add(Integer.parseInt(m.group(1)));
          y.add(m.group(2));
        } else if ((m = WITHIN.matcher(line)).find()) {
          df = Integer.parseInt(m.group(1));
          ss = Double.parseDouble(m.group(2));
        } else if ((m = SD.matcher(line)).find()) {
          sd = Double.parseDouble(m.group(1));
        }
      }
    }
    return new Anova(name, g.stream().mapToInt(Integer::intValue).toArray(), y.toArray(String[]::new), ss, sd, df);
  }

  /** Intercept plus dummies for groups 2..k (R's treatment contrasts). */
  static double[][] dummyDesign(int[] group) {
    List<Integer> levels = java.util.Arrays.stream(group).distinct().sorted().boxed().toList();
    double[][] x = new double[group.length][levels.size()];
    for (int i = 0; i < group.length; i++) {
      x[i][0] = 1;
      int level = levels.indexOf(group[i]);
      if (level > 0) {
        x[i][level] = 1;
      }
    }
    return x;
  }

  // NIST StRD ANOVA certified within-group SS and residual SD (file headers). LRE thresholds are what
  // we reach, rounded down to 0.1 (SS, SD). Where they are below 13, the decimal data themselves are
  // not exact in binary, which bounds any double-precision computation:
  //  - AtmWtAg (values 107.868..., spread 1e-5): we 10.9 / 11.2; R 4.2.2 lm: 10.1 / 10.4;
  //  - SmLs04-06 (offset 1e6): we 10.2 / 10.5, the same as R 4.2.2 lm (10.29 / 10.59 for SmLs04);
  //  - SmLs07-09 (offset 1e12, ulp 1.2e-4 against a spread of 0.1, so the parsed doubles are off by up
  //    to 5e-5): we 4.2 / 4.5 for all three (y is centred before the QR); R 4.2.2 lm gives residual SD
  //    LRE 4.46 (SmLs07), 2.98 (SmLs08) and 0.15 (SmLs09): sigma(lm(y ~ factor(g))) = 0.170749...
  // nistOneWayAnovaWithoutOffset shows 13+ digits once the data are exact.
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "SiRstv,  13,   13",
      "SmLs01,  13,   13",
      "SmLs02,  13,   13",
      "SmLs03,  13,   13",
      "AtmWtAg, 10.8, 11.1",
      "SmLs04,  10.2, 10.5",
      "SmLs05,  10.2, 10.5",
      "SmLs06,  10.2, 10.5",
      "SmLs07,  4.2,  4.5",
      "SmLs08,  4.2,  4.5",
      "SmLs09,  4.2,  4.5"})
  void nistOneWayAnova(String name, double ssDigits, double sdDigits) throws IOException {
    Anova d = anova(name);
    double[] y = new double[d.y().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = Double.parseDouble(d.y()[i]);
    }
    LinearModel fit = LinearModel.fit(dummyDesign(d.group()), y);
    assertThat(fit.residualDf()).isEqualTo(d.withinDf());
    assertThat(lre(fit.residualSumOfSquares(), d.withinSs())).as("within SS LRE").isGreaterThanOrEqualTo(ssDigits);
    assertThat(lre(fit.residualSd(), d.residualSd())).as("residual SD LRE").isGreaterThanOrEqualTo(sdDigits);
  }

  // The same sets with the constant leading digits removed in decimal before conversion to double
  // (subtracting a constant changes neither SS nor SD): now the data are as exact as SmLs01-03, and
  // the algorithm itself must reach the certified values to 13 digits.
  @ParameterizedTest(name = "{0} shifted by {1}")
  @CsvSource({
      "SmLs04, 1000000",
      "SmLs06, 1000000",
      "SmLs07, 1000000000000",
      "SmLs09, 1000000000000"})
  void nistOneWayAnovaWithoutOffset(String name, String offset) throws IOException {
    Anova d = anova(name);
    BigDecimal shift = new BigDecimal(offset);
    double[] y = new double[d.y().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = new BigDecimal(d.y()[i]).subtract(shift).doubleValue();
    }
    LinearModel fit = LinearModel.fit(dummyDesign(d.group()), y);
    assertThat(lre(fit.residualSumOfSquares(), d.withinSs())).isGreaterThanOrEqualTo(13);
    assertThat(lre(fit.residualSd(), d.residualSd())).isGreaterThanOrEqualTo(13);
  }

  @Test
  void mapp1LikeAncova() {
    // R 4.2.2 via classpath oracles/mapp1_like.expected.json: lm(change ~ arm + baseline) on the completers,
    // Placebo as reference level; arm coefficient; oracle tol 1e-6 relative, we hold 1e-10
    List<Mapp1Like.Completer> cs = Mapp1Like.COMPLETERS;
    double[][] x = new double[cs.size()][];
    double[] y = new double[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      Mapp1Like.Completer c = cs.get(i);
      x[i] = new double[] {1, c.arm().equals("MDMA") ? 1 : 0, c.baseline()};
      y[i] = c.change();
    }
    LinearModel fit = LinearModel.fit(x, y);
    Difference arm = fit.coefficientTest(1, 0.95, "ANCOVA");
    assertThat(arm.reason()).isNull();
    assertThat(arm.method()).isEqualTo("ANCOVA");
    assertRel(arm.estimate(), -9.42876220885412, 1e-12);
    assertRel(arm.se(), 2.38529591930374, 1e-12);
    assertRel(arm.t(), -3.95286896378305, 1e-12);
    assertThat(arm.df()).isEqualTo(78);
    assertThat(fit.residualDf()).isEqualTo(78);
    assertRel(arm.p(), 0.000168577981486278, 1e-10);
    assertRel(arm.ciLow(), -14.1775215980485, 1e-12);
    assertRel(arm.ciHigh(), -4.68000281965978, 1e-12);
  }

  // R 4.2.2 datasets::mtcars
  static final double[] MPG = {21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2,
      10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4};
  static final double[] WT = {2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73,
      3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17,
      2.77, 3.57, 2.78};
  static final double[] HP = {110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230,
      66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109};
  static final double[] CYL = {6, 6, 4, 6, 8, 6, 8, 4, 4, 6, 6, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4,
      4, 8, 6, 8, 4};
  static final double[] QSEC = {16.46, 17.02, 18.61, 19.44, 17.02, 20.22, 15.84, 20, 22.9, 18.3, 18.9, 17.4,
      17.6, 18, 17.98, 17.82, 17.42, 19.47, 18.52, 19.9, 20.01, 16.87, 17.3, 15.41, 17.05, 18.9, 16.7, 16.9,
      14.5, 15.5, 14.6, 18.6};

  @Test
  void mtcarsRegression() {
    // R 4.2.2: fit <- lm(mpg ~ wt + hp + factor(cyl), data = mtcars); summary(fit)$coefficients,
    // sigma(fit), confint(fit, level = 0.9), printed with digits = 15; tol 1e-12 (p 1e-10)
    double[][] x = new double[32][];
    for (int i = 0; i < 32; i++) {
      x[i] = new double[] {1, WT[i], HP[i], CYL[i] == 6 ? 1 : 0, CYL[i] == 8 ? 1 : 0};
    }
    LinearModel fit = LinearModel.fit(x, MPG);
    double[] est = {35.8459953151877144, -3.1814040466796158, -0.0231198091544547, -3.3590248959359514,
        -3.1858844449775261};
    double[] se = {2.0410190714103309, 0.7196010021343890, 0.0119521960088008, 1.4016697192928618,
        2.1704752896998918};
    double[] p = {2.67032014068127e-16, 1.44175576105984e-04, 6.36126864018736e-02, 2.37471802766863e-02,
        1.53704740567624e-01};
    double[] lo = {32.3695511133559961, -4.4070921191451848, -0.0434778465172512, -5.7464727335260601,
        -6.8828299276487384};
    double[] hi = {39.3224395170194327, -1.9557159742140473, -0.0027617717916581, -0.9715770583458432,
        0.5110610376936857};
    assertThat(fit.rank()).isEqualTo(5);
    assertThat(fit.residualDf()).isEqualTo(27);
    assertRel(fit.residualSd(), 2.44023096952251, 1e-12);
    for (int j = 0; j < 5; j++) {
      assertRel(fit.coefficient(j), est[j], 1e-12);
      assertRel(fit.standardError(j), se[j], 1e-12);
      Difference d = fit.coefficientTest(j, 0.9, "lm");
      assertRel(d.p(), p[j], 1e-10);
      assertRel(d.ciLow(), lo[j], 1e-12);
      assertRel(d.ciHigh(), hi[j], 1e-12);
    }
  }

  @Test
  void rankDeficientDesignLikeR() {
    // R 4.2.2: d$x3 <- d$x1 + d$x2 (x1 = wt, x2 = hp / 100), lm(mpg ~ x1 + x2 + x3 + x4), x4 = qsec:
    // x3 is NA (aliased); the others: estimates 27.610526858204949, -4.358797200162686,
    // -1.782227160554250, 0.510833694245057; SEs 8.419928476539319, 0.752700392234739,
    // 1.498116884893630, 0.439221532037553; sigma 2.57778488252082 on 28 df; tol 1e-11
    double[][] x = new double[32][];
    for (int i = 0; i < 32; i++) {
      double x2 = HP[i] / 100;
      x[i] = new double[] {1, WT[i], x2, WT[i] + x2, QSEC[i]};
    }
    LinearModel fit = LinearModel.fit(x, MPG);
    assertThat(fit.rank()).isEqualTo(4);
    assertThat(fit.residualDf()).isEqualTo(28);
    assertThat(fit.aliased(3)).isTrue();
    assertThat(fit.coefficient(3)).isNaN();
    Difference aliased = fit.coefficientTest(3, 0.95, "lm");
    assertThat(aliased.estimable()).isFalse();
    assertThat(aliased.reason()).contains("rank deficient");
    int[] cols = {0, 1, 2, 4};
    double[] est = {27.610526858204949, -4.358797200162686, -1.782227160554250, 0.510833694245057};
    double[] se = {8.419928476539319, 0.752700392234739, 1.498116884893630, 0.439221532037553};
    for (int k = 0; k < 4; k++) {
      assertThat(fit.aliased(cols[k])).isFalse();
      assertRel(fit.coefficient(cols[k]), est[k], 1e-11);
      assertRel(fit.standardError(cols[k]), se[k], 1e-11);
    }
    assertRel(fit.residualSd(), 2.57778488252082, 1e-12);
  }

  @Test
  void noResidualDfAndExactFit() {
    LinearModel saturated = LinearModel.fit(new double[][] {{1, 0}, {1, 1}}, new double[] {3, 5});
    assertThat(saturated.residualDf()).isZero();
    assertRel(saturated.coefficient(1), 2, 1e-15);
    assertThat(saturated.residualSd()).isNaN();
    Difference d = saturated.coefficientTest(1, 0.95, "lm");
    assertThat(d.estimable()).isFalse();
    assertThat(d.reason()).isEqualTo("no residual degrees of freedom (n = 2, rank = 2)");

    LinearModel exact = LinearModel.fit(new double[][] {{1, 0}, {1, 1}, {1, 2}}, new double[] {1, 3, 5});
    assertThat(exact.coefficientTest(1, 0.95, "lm").reason()).isEqualTo("residual SD is 0 (the model fits exactly)");

    LinearModel zeroColumn = LinearModel.fit(new double[][] {{1, 0}, {1, 0}, {1, 0}}, new double[] {1, 2, 4});
    assertThat(zeroColumn.aliased(1)).isTrue();
    assertRel(zeroColumn.coefficient(0), 7.0 / 3, 1e-15);
  }

  @Test
  void programmingErrorsThrow() {
    assertThatThrownBy(() -> LinearModel.fit(new double[][] {{1, 2}, {1}}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinearModel.fit(new double[][] {{1}, {1}}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinearModel.fit(new double[][] {{1}, {1}}, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
    LinearModel fit = LinearModel.fit(new double[][] {{1}, {1}, {1}}, new double[] {1, 2, 4});
    assertThatThrownBy(() -> fit.coefficient(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
