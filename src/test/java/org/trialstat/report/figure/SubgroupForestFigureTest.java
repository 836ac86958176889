package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.ComparisonPlan;
import org.trialstat.analysis.TrialAnalysis;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialCsvReader;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.Multiplicity;
import org.trialstat.model.Scale;
import org.trialstat.model.Statistic;
import org.trialstat.model.TrialData;
import org.w3c.dom.Element;

/**
 * The forest plot of {@code analyze --subgroup sex} on samples/three_arm_sites.csv: a group per comparison
 * headed "T vs C by sex" with the interaction p in the numbers column, a row per level with its n, the
 * numbers and marks of each level's estimate. Reference values: R 4.2.2,
 * src/test/resources/subgroup/make_subgroup.R and make_subgroup.out (lm per level, anova of the nested
 * ANCOVAs, metafor 3.8.1 rma QM), printed here to 2 (estimates) and 4 (p) decimals; marks within
 * {@link #PX} of the axis mapping of R's values.
 */
class SubgroupForestFigureTest {

  private static final double PX = 0.011;
  private static final Path FILE = Path.of("samples", "three_arm_sites.csv");
  private static final TrialData DATA = TrialCsvReader.read(FILE, FILE.toString(),
      ReadOptions.defaults().withCovariates(List.of("sex")));
  private static final AnalysisResult RESULT = TrialAnalysis.analyze(DATA, AnalysisRequest.defaults(Scale.CAPS5)
      .withPlan(new ComparisonPlan(List.of(), Multiplicity.NONE, null, "sex")));

  @Test
  void groupsPerComparisonWithTheInteractionPAtTheirHeaders() {
    SvgDom dom = SvgDom.parse(ResultFigures.forest(List.of(RESULT), Statistic.ANCOVA).svg());
    assertThat(dom.texts("label")).containsExactly("All participants", "Low vs Placebo", "High vs Placebo",
        "Low vs Placebo by sex", "F (n = 27/24)", "M (n = 29/28)", "High vs Placebo by sex", "F (n = 24/24)",
        "M (n = 31/28)");
    List<String> numbers = dom.texts("numbers");
    // make_subgroup.out: interaction Low-Placebo p 0.479637654200367, High-Placebo p 0.113265673436635;
    // level F Low-Placebo ancova -3.10044398572839 (-7.00386093205915 to 0.802972960602365);
    // level M High-Placebo ancova -11.3892788661599 (-14.8088094557708 to -7.96974827654889)
    assertThat(numbers.subList(3, 9)).containsExactly("interaction p = 0.4796", "-3.10 (-7.00 to 0.80)",
        "-4.90 (-8.38 to -1.42)", "interaction p = 0.1133", "-6.96 (-10.98 to -2.95)", "-11.39 (-14.81 to -7.97)");
    assertThat(dom.texts("caption-line").get(dom.texts("caption-line").size() - 1)).contains("arm:subgroup");
    List<Element> rows = dom.byClass("row");
    assertThat(rows).hasSize(6); // 2 overall + 2 comparisons x 2 levels
    Element fLow = SvgDom.byClass(rows.get(2), "ci").get(0);
    assertThat(SvgDom.num(fLow, "x1")).isCloseTo(dom.pixel("x-axis", -7.00386093205915, false), offset(PX));
    assertThat(SvgDom.num(fLow, "x2")).isCloseTo(dom.pixel("x-axis", 0.802972960602365, false), offset(PX));
    Element mHigh = SvgDom.byClass(rows.get(5), "ci").get(0);
    assertThat(SvgDom.num(mHigh, "x1")).isCloseTo(dom.pixel("x-axis", -14.8088094557708, false), offset(PX));
  }

  @Test
  void binaryForestShowsQBetweenPerEndpointAndComparison() {
    SvgDom dom = SvgDom.parse(ResultFigures.forest(List.of(RESULT), Statistic.RISK_RATIO).svg());
    List<String> labels = dom.texts("label");
    int header = labels.indexOf("Response: High vs Placebo by sex");
    assertThat(header).isPositive();
    assertThat(labels.subList(header + 1, header + 3)).containsExactly("F (n = 24/24)", "M (n = 31/28)");
    // make_subgroup.out: q_between High-Placebo response RR QM 0.0650655461701261 p 0.798661704989857
    assertThat(dom.texts("numbers").get(header)).isEqualTo("interaction p = 0.7987");
    assertThat(dom.ticks("x-axis").keySet()).contains(1.0);
  }

  /** The report carries both subgroup tables (values as the tables print R's, make_subgroup.out) and forests. */
  @Test
  void reportShowsTheSubgroupTablesAndForests() throws Exception {
    String html = ResultReport.of(List.of(new ResultReport.Input(RESULT, DATA)), "test build").html();
    ResultReportTest.parse(html); // well-formed
    assertThat(html).contains("Change from baseline by sex (treatment - control), with the interaction test",
        "Binary endpoints by sex (treatment vs control), with Q between subgroups",
        // interaction Low-Placebo F 0.50334348169327 df 1 df_residual 103 p 0.479637654200367
        "F(1, 103) = 0.50, p = 0.4796",
        // q_between High-Placebo response RR QM 0.0650655461701261 df 1 p 0.798661704989857
        "Q(1) = 0.07, p = 0.7987",
        "Low vs Placebo by sex", "Response: High vs Placebo by sex");
  }

  @Test
  void withoutSubgroupsTheForestHasNoGroupHeader() {
    AnalysisResult plain = TrialAnalysis.analyze(DATA, AnalysisRequest.defaults(Scale.CAPS5));
    SvgDom dom = SvgDom.parse(ResultFigures.forest(List.of(plain), Statistic.ANCOVA).svg());
    assertThat(dom.texts("label")).containsExactly("Low vs Placebo", "High vs Placebo");
  }
}
