package org.trialstat.stats.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.ChiSquareTest;
import org.trialstat.model.StratifiedBinaryResult;
import org.trialstat.model.WaldEffect;

class StratifiedBinaryAnalysisTest {

  /**
   * The data sets of src/test/resources/binary/make_stratified.R, as (label, events T, n T, events C,
   * n C): ucb = UCBAdmissions by department (Female vs Male, admitted), synthetic = synthetic_trial.csv
   * by site x severity (Drug vs Placebo, response; tables as printed by the script), rabbits = the
   * Rabbits example of ?mantelhaen.test (no delay vs 1.5 h, cured; a no-event and an all-event stratum),
   * zeros = our zero-cell tables with a stratum holding the treatment arm only.
   */
  static final Map<String, List<StratumTable>> SETS = Map.of(
      "ucb", List.of(t("A", 89, 108, 512, 825), t("B", 17, 25, 353, 560), t("C", 202, 593, 120, 325),
          t("D", 131, 375, 138, 417), t("E", 94, 393, 53, 191), t("F", 24, 341, 22, 373)),
      "synthetic", List.of(t("A moderate", 16, 28, 12, 30), t("A severe", 15, 22, 5, 22),
          t("B moderate", 16, 22, 8, 23), t("B severe", 15, 19, 3, 18), t("C moderate", 10, 18, 7, 17),
          t("C severe", 4, 11, 3, 10)),
      "rabbits", List.of(t("1/8", 0, 6, 0, 5), t("1/4", 3, 6, 0, 6), t("1/2", 6, 6, 2, 6),
          t("1", 5, 6, 6, 6), t("4", 2, 2, 5, 5)),
      "zeros", List.of(t("s1", 3, 10, 0, 10), t("s2", 0, 8, 0, 7), t("s3", 5, 12, 2, 11), t("s4", 4, 4, 3, 6),
          t("one-arm", 2, 5, 0, 0)));

  private static StratumTable t(String label, int eT, int nT, int eC, int nC) {
    return new StratumTable(label, eT, nT, eC, nC);
  }

  /**
   * R 4.2.2 and metafor 3.8.1, src/test/resources/binary/make_stratified.R (output committed as
   * make_stratified.out, sprintf('%.17g')): cmh_* from mantelhaen.test(x, correct = TRUE / FALSE),
   * mantelhaen.or* its estimate and conf.int, rma.mh.* from rma.mh(measure = "RD" / "RR" / "OR")
   * (se and z of the ratios on the log scale; tarone = its TA, k.pos - 1, TAp; breslow_day = its BD),
   * breslow_day.* from the script's own Breslow-Day function (uniroot at 1e-15). Tolerance 1e-8
   * relative: every value is a closed form in R. For "zeros" the reference is R's run without the
   * one-arm stratum ("zeros_dropped"): R's CMH and MH numbers with it are identical (printed as
   * "zeros"), only metafor's Tarone / BD become Inf, see Strata.
   */
  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
      "ucb, cmh_corrected.statistic, 1.4269462285866952",
      "ucb, cmh_corrected.p, 0.23226346281704718",
      "ucb, cmh_uncorrected.statistic, 1.5246066604434427",
      "ucb, cmh_uncorrected.p, 0.21692369705551723",
      "ucb, mantelhaen.or, 1.1053426615022164",
      "ucb, mantelhaen.or_ci_low, 0.94310282851608107",
      "ucb, mantelhaen.or_ci_high, 1.2954922436816445",
      "ucb, rma.mh.RD.estimate, 0.018425196190852526",
      "ucb, rma.mh.RD.se, 0.014825394438310864",
      "ucb, rma.mh.RD.ci_low, -0.010632042964837187",
      "ucb, rma.mh.RD.ci_high, 0.047482435346542243",
      "ucb, rma.mh.RD.z, 1.242813219406782",
      "ucb, rma.mh.RD.p, 0.21393667001664637",
      "ucb, rma.mh.RR.estimate, 1.058307423589208",
      "ucb, rma.mh.RR.se, 0.04422399443924982",
      "ucb, rma.mh.RR.ci_low, 0.9704391532544463",
      "ucb, rma.mh.RR.ci_high, 1.154131713531928",
      "ucb, rma.mh.RR.z, 1.2814505439286086",
      "ucb, rma.mh.RR.p, 0.2000354605455209",
      "ucb, rma.mh.OR.estimate, 1.1053426615022166",
      "ucb, rma.mh.OR.se, 0.080988909656220909",
      "ucb, rma.mh.OR.ci_low, 0.94310282851608129",
      "ucb, rma.mh.OR.ci_high, 1.295492243681645",
      "ucb, rma.mh.OR.z, 1.2366555893947369",
      "ucb, rma.mh.OR.p, 0.21621497278090726",
      "ucb, rma.mh.tarone.statistic, 18.825501252053286",
      "ucb, rma.mh.tarone.df, 5",
      "ucb, rma.mh.tarone.p, 0.0020714013978807792",
      "ucb, rma.mh.breslow_day.statistic, 18.82551370523657",
      "ucb, rma.mh.breslow_day.p, 0.0020713903499175257",
      "ucb, breslow_day.statistic, 18.825513705236045",
      "ucb, breslow_day.df, 5",
      "ucb, breslow_day.p, 0.0020713903499179924",
      "synthetic, cmh_corrected.statistic, 22.787728990549766",
      "synthetic, cmh_corrected.p, 1.8091718814490282e-06",
      "synthetic, cmh_uncorrected.statistic, 24.029568810265424",
      "synthetic, cmh_uncorrected.p, 9.486757023284767e-07",
      "synthetic, mantelhaen.or, 3.6270631312293888",
      "synthetic, mantelhaen.or_ci_low, 2.1373732732556063",
      "synthetic, mantelhaen.or_ci_high, 6.1550254803575788",
      "synthetic, rma.mh.RD.estimate, 0.31853565808445655",
      "synthetic, rma.mh.RD.se, 0.061871827941269809",
      "synthetic, rma.mh.RD.ci_low, 0.19726910366190875",
      "synthetic, rma.mh.RD.ci_high, 0.43980221250700435",
      "synthetic, rma.mh.RD.z, 5.1483149711823302",
      "synthetic, rma.mh.RD.p, 2.6283687777029752e-07",
      "synthetic, rma.mh.RR.estimate, 2.0095407491473276",
      "synthetic, rma.mh.RR.se, 0.15299355997268441",
      "synthetic, rma.mh.RR.ci_low, 1.4889100549643839",
      "synthetic, rma.mh.RR.ci_high, 2.7122216073557253",
      "synthetic, rma.mh.RR.z, 4.5616705244200446",
      "synthetic, rma.mh.RR.p, 5.0748236670942702e-06",
      "synthetic, rma.mh.OR.estimate, 3.6270631312293897",
      "synthetic, rma.mh.OR.se, 0.26982415877211646",
      "synthetic, rma.mh.OR.ci_low, 2.1373732732556063",
      "synthetic, rma.mh.OR.ci_high, 6.1550254803575806",
      "synthetic, rma.mh.OR.z, 4.7750478382691268",
      "synthetic, rma.mh.OR.p, 1.7966454000822236e-06",
      "synthetic, rma.mh.tarone.statistic, 8.7764293372407867",
      "synthetic, rma.mh.tarone.df, 5",
      "synthetic, rma.mh.tarone.p, 0.11832085795831136",
      "synthetic, rma.mh.breslow_day.statistic, 8.8137532920755497",
      "synthetic, rma.mh.breslow_day.p, 0.11672751439613997",
      "synthetic, breslow_day.statistic, 8.8137532920755586",
      "synthetic, breslow_day.df, 5",
      "synthetic, breslow_day.p, 0.11672751439613963",
      "rabbits, cmh_corrected.statistic, 3.9285714285714288",
      "rabbits, cmh_corrected.p, 0.047472255142918106",
      "rabbits, cmh_uncorrected.statistic, 5.6571428571428575",
      "rabbits, cmh_uncorrected.p, 0.017384420352066179",
      "rabbits, mantelhaen.or, 7",
      "rabbits, mantelhaen.or_ci_low, 1.026712688461668",
      "rabbits, mantelhaen.or_ci_high, 47.725133380222566",
      "rabbits, rma.mh.RD.estimate, 0.22803553800592299",
      "rabbits, rma.mh.RD.se, 0.094934840624015721",
      "rabbits, rma.mh.RD.ci_low, 0.041966669504802184",
      "rabbits, rma.mh.RD.ci_high, 0.41410440650704383",
      "rabbits, rma.mh.RD.z, 2.4020216024699019",
      "rabbits, rma.mh.RD.p, 0.016304745537147319",
      "rabbits, rma.mh.RR.estimate, 1.5526315789473684",
      "rabbits, rma.mh.RR.se, 0.2090716918813246",
      "rabbits, rma.mh.RR.ci_low, 1.0306382782183252",
      "rabbits, rma.mh.RR.ci_high, 2.3390018310904761",
      "rabbits, rma.mh.RR.z, 2.1043082409696252",
      "rabbits, rma.mh.RR.p, 0.035351567662646285",
      "rabbits, rma.mh.OR.estimate, 6.9999999999999991",
      "rabbits, rma.mh.OR.se, 0.97937922862872062",
      "rabbits, rma.mh.OR.ci_low, 1.0267126884616675",
      "rabbits, rma.mh.OR.ci_high, 47.725133380222566",
      "rabbits, rma.mh.OR.z, 1.9868811714333399",
      "rabbits, rma.mh.OR.p, 0.046935566615726405",
      "rabbits, rma.mh.tarone.statistic, 8.3583156014645628",
      "rabbits, rma.mh.tarone.df, 2",
      "rabbits, rma.mh.tarone.p, 0.015311397385731567",
      "rabbits, rma.mh.breslow_day.statistic, 8.6273317623650669",
      "rabbits, rma.mh.breslow_day.p, 0.013384393951994027",
      "rabbits, breslow_day.statistic, 8.6273317623650687",
      "rabbits, breslow_day.df, 2",
      "rabbits, breslow_day.p, 0.013384393951994015",
      "zeros, cmh_corrected.statistic, 5.0320623706561065",
      "zeros, cmh_corrected.p, 0.024882251907615078",
      "zeros, cmh_uncorrected.statistic, 6.5503583544373809",
      "zeros, cmh_uncorrected.p, 0.010486303658063549",
      "zeros, mantelhaen.or, 7.6499999999999995",
      "zeros, mantelhaen.or_ci_low, 1.4055298702403045",
      "zeros, mantelhaen.or_ci_high, 41.637322150965282",
      "zeros, rma.mh.RD.estimate, 0.23990723243428963",
      "zeros, rma.mh.RD.se, 0.085403666009596688",
      "zeros, rma.mh.RD.ci_low, 0.072519122907792555",
      "zeros, rma.mh.RD.ci_high, 0.40729534196078671",
      "zeros, rma.mh.RD.z, 2.809097590814563",
      "zeros, rma.mh.RD.p, 0.0049680584219087285",
      "zeros, rma.mh.RR.estimate, 2.8042635658914725",
      "zeros, rma.mh.RR.se, 0.42437397385940862",
      "zeros, rma.mh.RR.ci_low, 1.2206496980838153",
      "zeros, rma.mh.RR.ci_high, 6.4423840511582906",
      "zeros, rma.mh.RR.z, 2.4297931180188939",
      "zeros, rma.mh.RR.p, 0.015107443465511473",
      "zeros, rma.mh.OR.estimate, 7.6499999999999995",
      "zeros, rma.mh.OR.se, 0.86445021320279114",
      "zeros, rma.mh.OR.ci_low, 1.4055298702403043",
      "zeros, rma.mh.OR.ci_high, 41.637322150965296",
      "zeros, rma.mh.OR.z, 2.3537568928346406",
      "zeros, rma.mh.OR.p, 0.018584761206748235",
      "zeros, rma.mh.tarone.statistic, 1.8650902234402373",
      "zeros, rma.mh.tarone.df, 2",
      "zeros, rma.mh.tarone.p, 0.39355080389500019",
      "zeros, rma.mh.breslow_day.statistic, 1.8650914472597679",
      "zeros, rma.mh.breslow_day.p, 0.39355056307749392",
      "zeros, breslow_day.statistic, 1.8650914472597688",
      "zeros, breslow_day.df, 2",
      "zeros, breslow_day.p, 0.39355056307749375",
  })
  void matchesR(String set, String key, double expected) {
    final double actual = value(StratifiedBinaryAnalysis.analyze(SETS.get(set), 0.95), key);
    assertThat(actual).isCloseTo(expected, within(1e-8 * Math.abs(expected)));
  }

  private static double value(StratifiedBinaryResult r, String key) {
    final String[] parts = key.split("\\.");
    final String last = parts[parts.length - 1];
    return switch (parts[0]) {
      case "cmh_corrected" -> test(r.cmh(), last);
      case "cmh_uncorrected" -> test(r.cmhUncorrected(), last);
      case "breslow_day" -> test(r.breslowDay(), last);
      case "mantelhaen" -> effect(r.oddsRatio(), last.replace("or_", "").replace("or", "estimate"));
      case "rma" -> switch (parts[2]) {
        case "RD" -> effect(r.riskDifference(), last);
        case "RR" -> effect(r.riskRatio(), last);
        case "OR" -> effect(r.oddsRatio(), last);
        case "tarone" -> test(r.tarone(), last);
        case "breslow_day" -> test(r.breslowDay(), last);
        default -> throw new IllegalArgumentException(key);
      };
      default -> throw new IllegalArgumentException(key);
    };
  }

  private static double test(ChiSquareTest t, String what) {
    return switch (what) {
      case "statistic" -> t.statistic();
      case "df" -> t.df();
      case "p" -> t.p();
      default -> throw new IllegalArgumentException(what);
    };
  }

  private static double effect(WaldEffect e, String what) {
    return switch (what) {
      case "estimate" -> e.estimate();
      case "se" -> e.se();
      case "ci_low" -> e.ciLow();
      case "ci_high" -> e.ciHigh();
      case "z" -> e.z();
      case "p" -> e.p();
      default -> throw new IllegalArgumentException(what);
    };
  }

  @Test
  void oneArmStratumIsLeftOutWithANote() {
    final StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(SETS.get("zeros"), 0.95);
    assertThat(r.strata()).isEqualTo(5);
    assertThat(r.strataUsed()).isEqualTo(4);
    assertThat(r.note()).isEqualTo("1 stratum with one arm only left out (one-arm)");
    assertThat(r.cmh().reason()).isEqualTo(r.note());
    assertThat(r.oddsRatio().reason()).isEqualTo(r.note());
    assertThat(r.oddsRatio().logScale()).isTrue();
    assertThat(r.riskDifference().logScale()).isFalse();
  }

  @Test
  void methodNames() {
    final StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(SETS.get("ucb"), 0.95);
    assertThat(r.cmh().method()).isEqualTo("Cochran-Mantel-Haenszel chi-squared test with continuity correction");
    assertThat(r.cmhUncorrected().method())
        .isEqualTo("Cochran-Mantel-Haenszel chi-squared test without continuity correction");
    assertThat(r.riskDifference().method()).isEqualTo("Mantel-Haenszel risk difference, Sato / Greenland-Robins variance");
    assertThat(r.riskRatio().method()).isEqualTo("Mantel-Haenszel risk ratio, Greenland-Robins variance");
    assertThat(r.oddsRatio().method()).isEqualTo("Mantel-Haenszel odds ratio, Robins-Breslow-Greenland variance");
    assertThat(r.tarone().method()).isEqualTo("Breslow-Day test of homogeneity of odds ratios, Tarone's correction");
    assertThat(r.note()).isNull();
    assertThat(r.cmh().reason()).isNull();
  }

  /**
   * No events anywhere: R's mantelhaen.test returns NaN (0 / 0) and rma.mh NA for the OR and RR (its
   * "sum(ai) == 0" branch) and RD = 0 with SE 0; here every statistic is not estimable with a reason.
   */
  @Test
  void noEventsInAnyStratumIsNotEstimable() {
    final StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(
        List.of(t("a", 0, 5, 0, 6), t("b", 0, 4, 0, 4)), 0.95);
    assertThat(r.cmh().estimable()).isFalse();
    assertThat(r.cmh().reason()).isEqualTo("no events, or only events, in every stratum");
    assertThat(r.riskDifference().reason()).isEqualTo("no events in either arm of any stratum");
    assertThat(r.riskRatio().reason()).isEqualTo("no events in the treatment arm of any stratum");
    assertThat(r.oddsRatio().estimable()).isFalse();
    assertThat(r.breslowDay().reason()).isEqualTo("the Mantel-Haenszel odds ratio is not estimable");
    assertThat(r.tarone().estimable()).isFalse();
  }

  /** A single informative stratum: Breslow-Day has no degrees of freedom (rma.mh: BDp = NA). */
  @Test
  void breslowDayNeedsTwoInformativeStrata() {
    final StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(
        List.of(t("a", 3, 8, 1, 9), t("b", 0, 4, 0, 4)), 0.95);
    assertThat(r.breslowDay().reason()).isEqualTo("fewer than two strata with both events and non-events");
    assertThat(r.oddsRatio().estimable()).isTrue();
  }

  @Test
  void noStratumWithBothArms() {
    final StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(List.of(t("a", 3, 8, 0, 0)), 0.95);
    assertThat(r.cmh().reason()).isEqualTo("no stratum with both arms");
    assertThat(r.riskDifference().reason()).isEqualTo("no stratum with both arms");
    assertThat(r.strataUsed()).isZero();
  }

  /**
   * Delta exactly -1/2: R 4.2.2, src/test/resources/binary/make_cmh_boundary.R (output
   * make_cmh_boundary.out). Expected: the corrected statistic 0 and p 1 of mantelhaen.test(correct =
   * TRUE) in the given arm order ("given") for both orders (R's swapped order, 0.25168756027000955,
   * comes from its rounded sum, see CochranMantelHaenszel); the uncorrected statistic
   * 0.25168756027000966 and p 0.61588931311384565 ("given", correct = FALSE) for both. Tolerance 1e-12
   * relative (closed form), 0 exactly for the corrected statistic.
   */
  @Test
  void continuityCorrectionAtTheBoundary() {
    List<StratumTable> given = List.of(t("s1", 2, 2, 0, 1), t("s2", 0, 7, 5, 23));
    List<StratumTable> swapped = List.of(t("s1", 0, 1, 2, 2), t("s2", 5, 23, 0, 7));
    for (List<StratumTable> tables : List.of(given, swapped)) {
      StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(tables, 0.95);
      assertThat(r.cmh().statistic()).isZero();
      assertThat(r.cmh().p()).isEqualTo(1.0);
      assertThat(r.cmhUncorrected().statistic()).isCloseTo(0.25168756027000966, within(0.25168756027000966 * 1e-12));
      assertThat(r.cmhUncorrected().p()).isCloseTo(0.61588931311384565, within(0.61588931311384565 * 1e-12));
    }
  }
}
