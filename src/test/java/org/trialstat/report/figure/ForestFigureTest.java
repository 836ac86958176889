package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstat.model.Statistic;
import org.w3c.dom.Element;

class ForestFigureTest {
  /** Coordinates are printed to 2 decimals: half a hundredth of rounding, plus interpolation. */
  private static final double PX = 0.011;

  private static final ForestPlot META = new ForestPlot(
      new FigureText("Trials", "Mean difference (points)", "", "Random effects, REML"), ForestPlot.Scale.DIFFERENCE,
      "Study", "Difference (95% CI)", 2,
      List.of(new ForestPlot.Group("CAPS-5", 0.0312, List.of(
              new ForestPlot.Row("MAPP1", -11.9, -17.25, -6.55, 3),
              new ForestPlot.Row("MAPP2", -7.6, -12.9, -2.3, 2))),
          new ForestPlot.Group("CAPS-IV", Double.NaN, List.of(
              new ForestPlot.Row("Pilot", -20.5, -40.1, -0.9, 1),
              new ForestPlot.Row("Not estimable", Double.NaN, Double.NaN, Double.NaN, Double.NaN)))),
      ForestPlot.Row.of("Pooled", -10.8, -14.9, -6.7), ForestPlot.Row.of("", Double.NaN, -22.3, 0.7),
      "Favours MDMA", "Favours placebo");

  @Test
  void hasTitleAxisLabelLegendColumnsAndCaption() {
    SvgDom dom = SvgDom.parse(META.svg());
    assertThat(dom.texts("title")).containsExactly("Trials");
    assertThat(dom.texts("axis-label")).containsExactly("Mean difference (points)");
    assertThat(dom.texts("legend-label")).containsExactly("Estimate", "Confidence interval", "Pooled estimate and CI",
        "Prediction interval", "No effect (0)");
    assertThat(dom.texts("header")).containsExactly("Study", "Difference (95% CI)", "Weight");
    assertThat(dom.texts("caption-line")).containsExactly("Random effects, REML");
    assertThat(dom.texts("favours-left")).containsExactly("\u2190 Favours MDMA");
  }

  @Test
  void oneCiLinePerEstimableRowAndTheNumbersBesideTheAxis() {
    SvgDom dom = SvgDom.parse(META.svg());
    assertThat(dom.byClass("row")).hasSize(4);
    assertThat(dom.byClass("ci")).hasSize(3);
    assertThat(dom.byClass("estimate")).hasSize(3);
    assertThat(dom.texts("numbers")).containsExactly("interaction p = 0.0312", "-11.90 (-17.25 to -6.55)",
        "-7.60 (-12.90 to -2.30)", "", "-20.50 (-40.10 to -0.90)", "n/e", "-10.80 (-14.90 to -6.70)",
        "-22.30 to 0.70");
    // weights as percent of their total (3 + 2 + 1 = 6)
    assertThat(dom.texts("weight")).containsExactly("50.0%", "33.3%", "16.7%");
    assertThat(dom.texts("label").subList(0, 3)).containsExactly("CAPS-5", "MAPP1", "MAPP2");
  }

  @Test
  void marksSitAtTheAxisMappingOfTheirValues() {
    SvgDom dom = SvgDom.parse(META.svg());
    List<Element> rows = dom.byClass("row");
    for (int i = 0; i < 3; i++) {
      ForestPlot.Row r = META.groups().get(i / 2).rows().get(i % 2);
      Element ci = SvgDom.byClass(rows.get(i), "ci").get(0);
      assertThat(SvgDom.num(ci, "x1")).isCloseTo(dom.pixel("x-axis", r.ciLow(), false), offset(PX));
      assertThat(SvgDom.num(ci, "x2")).isCloseTo(dom.pixel("x-axis", r.ciHigh(), false), offset(PX));
      Element box = SvgDom.byClass(rows.get(i), "estimate").get(0);
      double centre = SvgDom.num(box, "x") + SvgDom.num(box, "width") / 2;
      assertThat(centre).isCloseTo(dom.pixel("x-axis", r.estimate(), false), offset(2 * PX));
    }
    // marker area proportional to the weight: the heaviest row has the largest square
    double w0 = SvgDom.num(SvgDom.byClass(rows.get(0), "estimate").get(0), "width");
    double w2 = SvgDom.num(SvgDom.byClass(rows.get(2), "estimate").get(0), "width");
    assertThat(w0).isGreaterThan(w2);
    Element noEffect = dom.byClass("no-effect").get(0);
    assertThat(SvgDom.num(noEffect, "x1")).isCloseTo(dom.pixel("x-axis", 0, false), offset(PX));
    Element diamond = dom.byClass("diamond").get(0);
    String[] points = diamond.getAttribute("points").split(" ");
    assertThat(Double.parseDouble(points[0].split(",")[0])).isCloseTo(dom.pixel("x-axis", -14.9, false), offset(PX));
    assertThat(Double.parseDouble(points[1].split(",")[0])).isCloseTo(dom.pixel("x-axis", -10.8, false), offset(PX));
    assertThat(Double.parseDouble(points[2].split(",")[0])).isCloseTo(dom.pixel("x-axis", -6.7, false), offset(PX));
    Element prediction = dom.byClass("prediction-interval").get(0);
    assertThat(SvgDom.num(prediction, "x1")).isCloseTo(dom.pixel("x-axis", -22.3, false), offset(PX));
  }

  /**
   * The sample's Welch difference: R 4.2.2 t.test(var.equal = FALSE) on samples/mapp1_like.csv,
   * src/test/resources/oracles/mapp1_like.expected.json (comparisons[...].welch): -9.44871794871795
   * (-14.1655582310342 to -4.7318776664017), tolerance 1e-6 there; printed to 2 decimals here.
   */
  @Test
  void sampleForestPrintsAndPlacesTheWelchDifference() {
    SvgDom dom = SvgDom.parse(ResultFigures.forest(List.of(Sample.RESULT), Statistic.WELCH).svg());
    assertThat(dom.texts("numbers")).containsExactly("-9.45 (-14.17 to -4.73)");
    assertThat(dom.texts("label")).containsExactly("MDMA vs Placebo");
    Element ci = dom.byClass("ci").get(0);
    assertThat(SvgDom.num(ci, "x1")).isCloseTo(dom.pixel("x-axis", -14.1655582310342, false), offset(PX));
    assertThat(SvgDom.num(ci, "x2")).isCloseTo(dom.pixel("x-axis", -4.7318776664017, false), offset(PX));
  }

  /**
   * The sample's risk ratios on a log axis: R 4.2.2 (Katz log interval), mapp1_like.expected.json:
   * response 1.44970414201183 (1.11792110238534 to 1.87995565597781), remission 2.69230769230769
   * (0.919338944136328 to 7.88449217374207); tolerance 1e-6 there.
   */
  @Test
  void sampleRiskRatiosSitOnALogAxisGroupedByEndpoint() {
    SvgDom dom = SvgDom.parse(ResultFigures.forest(List.of(Sample.RESULT), Statistic.RISK_RATIO).svg());
    assertThat(dom.texts("label")).containsExactly("Response", "MDMA vs Placebo", "Loss of diagnosis",
        "MDMA vs Placebo", "Remission", "MDMA vs Placebo");
    assertThat(dom.texts("numbers")).contains("1.45 (1.12 to 1.88)", "2.69 (0.92 to 7.88)");
    assertThat(dom.ticks("x-axis").keySet()).containsExactly(0.5, 1.0, 2.0, 5.0, 10.0);
    Element response = SvgDom.byClass(dom.byClass("row").get(0), "ci").get(0);
    assertThat(SvgDom.num(response, "x1")).isCloseTo(dom.pixel("x-axis", 1.11792110238534, true), offset(PX));
    assertThat(SvgDom.num(response, "x2")).isCloseTo(dom.pixel("x-axis", 1.87995565597781, true), offset(PX));
    Element noEffect = dom.byClass("no-effect").get(0);
    assertThat(SvgDom.num(noEffect, "x1")).isCloseTo(dom.pixel("x-axis", 1, true), offset(PX));
    assertThat(dom.texts("legend-label")).contains("No effect (1)");
  }
}
