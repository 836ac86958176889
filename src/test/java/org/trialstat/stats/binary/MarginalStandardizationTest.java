package org.trialstat.stats.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.AdjustedBinaryResult;
import org.trialstat.model.WaldEffect;

class MarginalStandardizationTest {

  static final Path RESOURCES = Path.of("src", "test", "resources", "binary");

  /** A data set as the design of make_standardized.R: outcome, arm, covariate names and columns. */
  record Data(int[] y, boolean[] treated, String[] names, double[][] columns) {

    Data withColumn(String name, double value) {
      String[] n = Arrays.copyOf(names, names.length + 1);
      n[names.length] = name;
      double[][] c = Arrays.copyOf(columns, columns.length + 1);
      c[columns.length] = new double[y.length];
      Arrays.fill(c[columns.length], value);
      return new Data(y, treated, n, c);
    }

    /** The full design (intercept, arm, covariates) for LogisticRegression. */
    LogisticRegression fit() {
      String[] n = new String[names.length + 2];
      double[][] c = new double[names.length + 2][];
      n[0] = "intercept";
      n[1] = "arm";
      c[0] = new double[y.length];
      c[1] = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        c[0][i] = 1;
        c[1][i] = treated[i] ? 1 : 0;
      }
      System.arraycopy(names, 0, n, 2, names.length);
      System.arraycopy(columns, 0, c, 2, columns.length);
      return LogisticRegression.fit(n, c, y);
    }
  }

  /** synthetic_trial.csv (make_synthetic_trial.R) with the columns of make_standardized.R. */
  static Data synthetic() {
    final List<String> lines;
    try {
      lines = Files.readAllLines(RESOURCES.resolve("synthetic_trial.csv"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    final int n = lines.size() - 1;
    final int[] y = new int[n];
    final boolean[] treated = new boolean[n];
    final double[][] c = new double[5][n];
    for (int i = 0; i < n; i++) {
      // participant_id,arm,site,severity,sex,baseline,response
      final String[] f = lines.get(i + 1).split(",");
      treated[i] = f[1].equals("Drug");
      c[0][i] = Double.parseDouble(f[5]);
      c[1][i] = f[4].equals("M") ? 1 : 0;
      c[2][i] = f[3].equals("severe") ? 1 : 0;
      c[3][i] = f[2].equals("B") ? 1 : 0;
      c[4][i] = f[2].equals("C") ? 1 : 0;
      y[i] = Integer.parseInt(f[6]);
    }
    return new Data(y, treated, new String[] {"baseline", "sexM", "severe", "siteB", "siteC"}, c);
  }

  /**
   * R's UCBAdmissions expanded to 4526 applicants (arm = Female, outcome = admitted, department
   * dummies B-F), counts of the table (Dept A-F x Gender x Admit) as in R's datasets package.
   */
  static Data ucb() {
    final int[][] counts = { // admitted female, rejected female, admitted male, rejected male
        {89, 19, 512, 313}, {17, 8, 353, 207}, {202, 391, 120, 205},
        {131, 244, 138, 279}, {94, 299, 53, 138}, {24, 317, 22, 351}};
    final List<int[]> rows = new ArrayList<>(); // dept, female, admitted
    for (int d = 0; d < 6; d++) {
      for (int cell = 0; cell < 4; cell++) {
        for (int k = 0; k < counts[d][cell]; k++) {
          rows.add(new int[] {d, cell < 2 ? 1 : 0, cell % 2 == 0 ? 1 : 0});
        }
      }
    }
    final int n = rows.size();
    final int[] y = new int[n];
    final boolean[] treated = new boolean[n];
    final double[][] c = new double[5][n];
    for (int i = 0; i < n; i++) {
      final int[] r = rows.get(i);
      treated[i] = r[1] == 1;
      y[i] = r[2];
      if (r[0] > 0) {
        c[r[0] - 1][i] = 1;
      }
    }
    return new Data(y, treated, new String[] {"deptB", "deptC", "deptD", "deptE", "deptF"}, c);
  }

  private static final Map<String, Data> DATA = new ConcurrentHashMap<>();
  private static final Map<String, Object> FITS = new ConcurrentHashMap<>();

  static Data data(String set) {
    return DATA.computeIfAbsent(set, s -> s.equals("ucb") ? ucb() : synthetic());
  }

  /**
   * R 4.2.2, sandwich 3.0-2: src/test/resources/binary/make_standardized.R (output committed as
   * make_standardized.out, sprintf('%.17g')). coef/se/deviance: glm(binomial) with epsilon = 1e-15,
   * maxit = 100 (converged far below glm's default, so the reference is the exact MLE to about 1e-12);
   * risk_*, ge.*, sandwich.*, ye.*: the script's own standardization with vcov(glm), sandwich(glm) and
   * the Ye et al. (2023) formula written out by hand. Tolerance 1e-8 relative (the brief asks 1e-6 for
   * iterative fits; both fits converge far enough for 1e-8).
   */
  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
      "synthetic, coef.intercept, 0.20182195875434517",
      "synthetic, se.intercept, 1.1067587732579951",
      "synthetic, coef.arm, 1.359639920135477",
      "synthetic, se.arm, 0.27838128176243582",
      "synthetic, coef.baseline, -0.022492836994449709",
      "synthetic, se.baseline, 0.024397275232748959",
      "synthetic, coef.sexM, 0.34972086542540876",
      "synthetic, se.sexM, 0.28693216899786578",
      "synthetic, coef.severe, -0.18299745796470646",
      "synthetic, se.severe, 0.31997236983827781",
      "synthetic, coef.siteB, 0.17923586341671194",
      "synthetic, se.siteB, 0.3159867571379677",
      "synthetic, coef.siteC, -0.28250471922039355",
      "synthetic, se.siteC, 0.36217584150786547",
      "synthetic, deviance, 302.62313962097517",
      "synthetic, risk_treatment, 0.63502431168503681",
      "synthetic, risk_control, 0.31510925805000128",
      "synthetic, ge.RD.estimate, 0.31991505363503553",
      "synthetic, ge.RD.se, 0.06059782063632594",
      "synthetic, ge.RD.ci_low, 0.20114550764621864",
      "synthetic, ge.RD.ci_high, 0.43868459962385242",
      "synthetic, ge.RD.p, 1.2966690343098626e-07",
      "synthetic, ge.RR.estimate, 2.0152512040261024",
      "synthetic, ge.RR.se, 0.15010716767470694",
      "synthetic, ge.RR.ci_low, 1.5016120216849336",
      "synthetic, ge.RR.ci_high, 2.7045850437262811",
      "synthetic, ge.RR.p, 3.0371636071401964e-06",
      "synthetic, ge.OR.estimate, 3.7816954293952052",
      "synthetic, ge.OR.se, 0.27094910975782938",
      "synthetic, ge.OR.ci_low, 2.2235876245952197",
      "synthetic, ge.OR.ci_high, 6.431597371078178",
      "synthetic, ge.OR.p, 9.1398672718461166e-07",
      "synthetic, sandwich.RD.estimate, 0.31991505363503553",
      "synthetic, sandwich.RD.se, 0.060847575498178978",
      "synthetic, sandwich.RD.ci_low, 0.20065599711202292",
      "synthetic, sandwich.RD.ci_high, 0.43917411015804814",
      "synthetic, sandwich.RD.p, 1.4591050173770755e-07",
      "synthetic, sandwich.RR.estimate, 2.0152512040261024",
      "synthetic, sandwich.RR.se, 0.15027542581862069",
      "synthetic, sandwich.RR.ci_low, 1.5011169018640855",
      "synthetic, sandwich.RR.ci_high, 2.7054771086018778",
      "synthetic, sandwich.RR.p, 3.1153655557962698e-06",
      "synthetic, sandwich.OR.estimate, 3.7816954293952052",
      "synthetic, sandwich.OR.se, 0.27198483337852364",
      "synthetic, sandwich.OR.ci_low, 2.2190783623844728",
      "synthetic, sandwich.OR.ci_high, 6.4446666522138756",
      "synthetic, sandwich.OR.p, 1.0052266790626716e-06",
      "synthetic, ye.RD.estimate, 0.31991505363503553",
      "synthetic, ye.RD.se, 0.060791043390306776",
      "synthetic, ye.RD.ci_low, 0.20076679800742259",
      "synthetic, ye.RD.ci_high, 0.43906330926264847",
      "synthetic, ye.RD.p, 1.4208184066839271e-07",
      "synthetic, ye.RR.estimate, 2.0152512040261024",
      "synthetic, ye.RR.se, 0.15068857351954126",
      "synthetic, ye.RR.ci_low, 1.4999018575367653",
      "synthetic, ye.RR.ci_high, 2.7076687684074736",
      "synthetic, ye.RR.p, 3.3148686686823558e-06",
      "synthetic, ye.OR.estimate, 3.7816954293952052",
      "synthetic, ye.OR.se, 0.2717969231025254",
      "synthetic, ye.OR.ci_low, 2.2198957936360961",
      "synthetic, ye.OR.ci_high, 6.4422935354473507",
      "synthetic, ye.OR.p, 9.8809991909466306e-07",
      "ucb, coef.intercept, 0.58205139527603356",
      "ucb, se.intercept, 0.068992596875830453",
      "ucb, coef.arm, 0.099870088159337192",
      "ucb, se.arm, 0.080846466532237357",
      "ucb, coef.deptB, -0.043397931209248772",
      "ucb, se.deptB, 0.10983889832202703",
      "ucb, coef.deptC, -1.2625980223791156",
      "ucb, se.deptC, 0.10663288591144257",
      "ucb, coef.deptD, -1.2946064687482035",
      "ucb, se.deptD, 0.10582342365676405",
      "ucb, coef.deptE, -1.7393057378154311",
      "ucb, se.deptE, 0.12611349600523128",
      "ucb, coef.deptF, -3.3064800558871381",
      "ucb, se.deptF, 0.16998180861043502",
      "ucb, deviance, 5187.4884941713635",
      "ucb, risk_treatment, 0.39969419580933374",
      "ucb, risk_control, 0.38019715253512593",
      "ucb, ge.RD.estimate, 0.019497043274207815",
      "ucb, ge.RD.se, 0.01567203589740045",
      "ucb, ge.RD.ci_low, -0.011219582649115926",
      "ucb, ge.RD.ci_high, 0.050213669197531556",
      "ucb, ge.RD.p, 0.21347536092303387",
      "ucb, ge.RR.estimate, 1.0512814026728055",
      "ucb, ge.RR.se, 0.039996200743158059",
      "ucb, ge.RR.ci_low, 0.97201765668750395",
      "ucb, ge.RR.ci_high, 1.1370087569931995",
      "ucb, ge.RR.p, 0.2111666632875176",
      "ucb, ge.OR.estimate, 1.085425465345855",
      "ucb, ge.OR.se, 0.06577854841559852",
      "ucb, ge.OR.ci_low, 0.95413363210420732",
      "ucb, ge.OR.ci_high, 1.2347834739071357",
      "ucb, ge.OR.p, 0.21269757982652376",
      "ucb, sandwich.RD.estimate, 0.019497043274207815",
      "ucb, sandwich.RD.se, 0.015567493090459912",
      "ucb, sandwich.RD.ci_low, -0.011014682512669748",
      "ucb, sandwich.RD.ci_high, 0.050008769061085381",
      "ucb, sandwich.RD.p, 0.21041677865465863",
      "ucb, sandwich.RR.estimate, 1.0512814026728055",
      "ucb, sandwich.RR.se, 0.039757485917253782",
      "ucb, sandwich.RR.ci_low, 0.97247254338719402",
      "ucb, sandwich.RR.ci_high, 1.1364769063363307",
      "ucb, sandwich.RR.p, 0.20843827631805273",
      "ucb, sandwich.OR.estimate, 1.085425465345855",
      "ucb, sandwich.OR.se, 0.065356338605799563",
      "ucb, sandwich.OR.ci_low, 0.95492351974833323",
      "ucb, sandwich.OR.ci_high, 1.2337620934624827",
      "ucb, sandwich.OR.p, 0.20975750949739752",
      "ucb, ye.RD.estimate, 0.019497043274207815",
      "ucb, ye.RD.se, 0.013276006185586624",
      "ucb, ye.RD.ci_low, -0.0065234507080729441",
      "ucb, ye.RD.ci_high, 0.045517537256488577",
      "ucb, ye.RD.p, 0.14194334705793107",
      "ucb, ye.RR.estimate, 1.0512814026728055",
      "ucb, ye.RR.se, 0.034007458269442251",
      "ucb, ye.RR.ci_low, 0.98349414951409575",
      "ucb, ye.RR.ci_high, 1.1237408866659062",
      "ucb, ye.RR.p, 0.14141177331663546",
      "ucb, ye.OR.estimate, 1.085425465345855",
      "ucb, ye.OR.se, 0.05579483553060606",
      "ucb, ye.OR.ci_low, 0.97298771373424509",
      "ucb, ye.OR.ci_high, 1.2108564416498449",
      "ucb, ye.OR.p, 0.14178694966085634",
  })
  void matchesR(String set, String key, double expected) {
    final double actual = value(set, key);
    assertThat(actual).isCloseTo(expected, within(1e-8 * Math.abs(expected)));
  }

  private static final List<String> COLUMNS = List.of("intercept", "arm");

  private static double value(String set, String key) {
    final Data d = data(set);
    final String[] parts = key.split("\\.");
    switch (parts[0]) {
      case "coef":
      case "se": {
        final LogisticRegression fit = (LogisticRegression) FITS.computeIfAbsent(set, s -> d.fit());
        int j = COLUMNS.indexOf(parts[1]);
        if (j < 0) {
          j = 2 + Arrays.asList(d.names()).indexOf(parts[1]);
        }
        return parts[0].equals("coef") ? fit.coefficient(j) : fit.standardError(j);
      }
      case "deviance":
        return ((LogisticRegression) FITS.computeIfAbsent(set, s -> d.fit())).deviance();
      case "risk_treatment":
        return adjusted(d, MarginalStandardization.GE_DELTA).riskTreatment();
      case "risk_control":
        return adjusted(d, MarginalStandardization.GE_DELTA).riskControl();
      default:
        break;
    }
    final MarginalStandardization method = switch (parts[0]) {
      case "ge" -> MarginalStandardization.GE_DELTA;
      case "sandwich" -> MarginalStandardization.GE_DELTA_SANDWICH;
      case "ye" -> MarginalStandardization.YE_ROBUST;
      default -> throw new IllegalArgumentException(key);
    };
    final AdjustedBinaryResult r = (AdjustedBinaryResult) FITS.computeIfAbsent(set + method,
        s -> adjusted(d, method));
    final WaldEffect e = switch (parts[1]) {
      case "RD" -> r.riskDifference();
      case "RR" -> r.riskRatio();
      case "OR" -> r.oddsRatio();
      default -> throw new IllegalArgumentException(key);
    };
    return switch (parts[2]) {
      case "estimate" -> e.estimate();
      case "se" -> e.se();
      case "ci_low" -> e.ciLow();
      case "ci_high" -> e.ciHigh();
      case "p" -> e.p();
      default -> throw new IllegalArgumentException(key);
    };
  }

  static AdjustedBinaryResult adjusted(Data d, MarginalStandardization method) {
    return method.estimate(d.y(), d.treated(), d.names(), d.columns(), 0.95);
  }

  /**
   * A covariate with one level (a constant column "pilot"): R's glm (default control) reports NA for
   * it and the same fit otherwise (make_standardized.out, "synthetic_constant", equal to "synthetic" to
   * glm's default convergence). Here it is dropped with a note and every number equals the
   * "synthetic" reference of matchesR (R, tolerance 1e-8 relative).
   */
  @Test
  void constantCovariateIsDroppedWithANote() {
    final Data d = synthetic().withColumn("pilot", 1);
    final AdjustedBinaryResult r = adjusted(d, MarginalStandardization.GE_DELTA);
    assertThat(r.note()).isEqualTo("aliased (constant or collinear) column dropped: pilot");
    assertThat(r.riskDifference().reason()).isEqualTo(r.note());
    assertThat(d.fit().aliased(7)).isTrue();
    assertThat(d.fit().coefficient(7)).isNaN();
    assertThat(r.riskDifference().estimate()).isCloseTo(0.31991505363503553, within(1e-8 * 0.32));
    assertThat(r.riskDifference().se()).isCloseTo(0.06059782063632594, within(1e-8 * 0.06));
    assertThat(r.oddsRatio().se()).isCloseTo(0.27094910975782938, within(1e-8 * 0.27));
  }

  /**
   * Nonparametric bootstrap of make_standardized.R (2000 resamples within arm, set.seed(20261201)): SD
   * of RD 0.062193665159266429, of log RR 0.15623518792524876, of log OR 0.28178163421289887. The
   * analytic SEs agree within 10% (Monte Carlo error of a bootstrap SD with B = 2000 is about 1.6%; the
   * rest is finite-sample difference, n = 240).
   */
  @Test
  void standardErrorsAgreeWithTheBootstrap() {
    for (MarginalStandardization m : MarginalStandardization.values()) {
      final AdjustedBinaryResult r = adjusted(synthetic(), m);
      assertThat(r.riskDifference().se()).as(m.name()).isCloseTo(0.062193665159266429, within(0.1 * 0.0622));
      assertThat(r.riskRatio().se()).as(m.name()).isCloseTo(0.15623518792524876, within(0.1 * 0.156));
      assertThat(r.oddsRatio().se()).as(m.name()).isCloseTo(0.28178163421289887, within(0.1 * 0.282));
    }
  }

  @Test
  void methodStrings() {
    final AdjustedBinaryResult r = adjusted(synthetic(), MarginalStandardization.YE_ROBUST);
    assertThat(r.riskDifference().method()).isEqualTo(
        "Standardized risk difference (g-computation, logistic regression), robust SE (Ye, Shao, Yi and Zhao 2023)");
    assertThat(adjusted(synthetic(), MarginalStandardization.GE_DELTA).oddsRatio().method()).isEqualTo(
        "Standardized odds ratio (g-computation, logistic regression), delta-method SE, model-based covariance"
            + " (Ge et al. 2011)");
    assertThat(r.riskRatio().logScale()).isTrue();
    assertThat(r.note()).isNull();
  }

  /**
   * make_standardized.R, "separation_complete": y = 1 exactly when x > 0; R's glm warns "fitted
   * probabilities numerically 0 or 1 occurred" and returns an arm coefficient of 15.7.
   */
  @Test
  void completeSeparationIsNotEstimable() {
    final double[] x = {-3, -2, -1, -0.5, 0.5, 1, 2, 3};
    final AdjustedBinaryResult r = MarginalStandardization.GE_DELTA.estimate(new int[] {0, 0, 0, 0, 1, 1, 1, 1},
        new boolean[] {true, false, true, false, true, false, true, false}, new String[] {"x"}, new double[][] {x},
        0.95);
    assertThat(r.riskDifference().estimable()).isFalse();
    assertThat(r.note()).isEqualTo("complete separation (by x): the maximum-likelihood estimate does not exist");
    assertThat(r.oddsRatio().reason()).isEqualTo(r.note());
  }

  /**
   * make_standardized.R, "separation_quasi": every treated participant has the event; R's glm stops
   * after 18 iterations at an arm coefficient of 21.06 without a warning.
   */
  @Test
  void quasiCompleteSeparationIsNotEstimable() {
    final AdjustedBinaryResult r = MarginalStandardization.YE_ROBUST.estimate(
        new int[] {1, 1, 1, 1, 0, 1, 0, 0, 1, 0},
        new boolean[] {true, true, true, true, false, false, false, false, false, false}, new String[] {"x"},
        new double[][] {{0.3, -1.2, 0.8, 0.1, -0.4, 1.5, -0.7, 0.2, -0.1, 0.9}}, 0.95);
    assertThat(r.riskDifference().estimable()).isFalse();
    assertThat(r.note()).isEqualTo("quasi-complete separation (by arm): the maximum-likelihood estimate does not exist");
  }

  @Test
  void oneArmOnlyIsNotEstimable() {
    final AdjustedBinaryResult r = MarginalStandardization.GE_DELTA.estimate(new int[] {1, 0, 1},
        new boolean[] {true, true, true}, new String[0], new double[0][], 0.95);
    assertThat(r.note()).isEqualTo("no participants in the control arm");
    assertThat(r.riskRatio().estimable()).isFalse();
  }

  @Test
  void noEventsIsNotEstimable() {
    final AdjustedBinaryResult r = MarginalStandardization.GE_DELTA.estimate(new int[] {0, 0, 0, 0},
        new boolean[] {true, false, true, false}, new String[0], new double[0][], 0.95);
    assertThat(r.note()).isEqualTo("no participant had the event");
  }

  /** A covariate equal to the arm: the arm column is kept (it comes first), the copy is aliased. */
  @Test
  void covariateEqualToTheArmIsAliased() {
    final Data d = synthetic();
    final double[] copy = new double[d.y().length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = d.treated()[i] ? 1 : 0;
    }
    final AdjustedBinaryResult r = MarginalStandardization.GE_DELTA.estimate(d.y(), d.treated(),
        new String[] {"armCopy"}, new double[][] {copy}, 0.95);
    assertThat(r.note()).isEqualTo("aliased (constant or collinear) column dropped: armCopy");
    assertThat(r.riskDifference().estimable()).isTrue();
  }

  /** The arm aliased in a design built elsewhere (arm after its copy): not estimable. */
  @Test
  void aliasedArmIsNotEstimable() {
    final Data d = synthetic();
    final double[] ones = new double[d.y().length];
    final double[] arm = new double[d.y().length];
    for (int i = 0; i < ones.length; i++) {
      ones[i] = 1;
      arm[i] = d.treated()[i] ? 1 : 0;
    }
    final LogisticRegression fit = LogisticRegression.fit(new String[] {"intercept", "armCopy", "arm"},
        new double[][] {ones, arm.clone(), arm}, d.y());
    final AdjustedBinaryResult r = MarginalStandardization.YE_ROBUST.estimate(fit, 2, 0.95);
    assertThat(r.riskDifference().reason())
        .isEqualTo("the arm is collinear with the covariates; aliased (constant or collinear) column dropped: arm");
  }

  /**
   * One participant in the control arm: the intercept fits that participant exactly, so the arm
   * separates the outcome (quasi-complete); R 4.2.2 glm returns an arm coefficient of -18.6 here (intercept 18.6).
   */
  @Test
  void singleParticipantArmIsSeparated() {
    final AdjustedBinaryResult r = MarginalStandardization.YE_ROBUST.estimate(new int[] {1, 0, 1, 0, 1},
        new boolean[] {true, true, true, true, false}, new String[0], new double[0][], 0.95);
    assertThat(r.riskDifference().se()).isNaN();
    assertThat(r.note()).isEqualTo("quasi-complete separation (by arm): the maximum-likelihood estimate does not exist");
  }

  /**
   * Fitted probabilities below 1e-10 without separation (x overlaps at -1 and 1): the separation check
   * runs and finds none, and the fit is R's. make_standardized.R, "extreme": glm with epsilon = 1e-15
   * gives arm -0.94688779179651372, x 0.94688779179617555 (SE 0.50723231448885009), intercept
   * -8.6e-16, minimum fitted probability 1.8e-13; tolerance 1e-8 relative (1e-8 absolute for the
   * intercept, which is 0).
   */
  @Test
  void extremeFittedProbabilitiesWithoutSeparation() {
    final int n = 61;
    final double[] ones = new double[n];
    final double[] arm = new double[n];
    final double[] x = new double[n];
    final int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      ones[i] = 1;
      x[i] = i - 30;
      arm[i] = i % 2 == 0 ? 1 : 0;
      y[i] = x[i] > 0 ? 1 : 0;
    }
    y[29] = 1; // x = -1
    y[31] = 0; // x = 1
    final LogisticRegression fit = LogisticRegression.fit(new String[] {"intercept", "arm", "x"},
        new double[][] {ones, arm, x}, y);
    assertThat(fit.estimable()).as(fit.reason()).isTrue();
    assertThat(fit.coefficient(0)).isCloseTo(0, within(1e-8));
    assertThat(fit.coefficient(1)).isCloseTo(-0.94688779179651372, within(1e-8 * 0.947));
    assertThat(fit.coefficient(2)).isCloseTo(0.94688779179617555, within(1e-8 * 0.947));
    assertThat(fit.standardError(2)).isCloseTo(0.50723231448885009, within(1e-8 * 0.507));
  }
}
