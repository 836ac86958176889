package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstat.model.LsMean;
import org.w3c.dom.Element;

class TrajectoryFigureTest {
  /** Coordinates are printed to 2 decimals: half a hundredth of rounding, plus interpolation. */
  private static final double PX = 0.011;

  private static final TrajectoryPlot PLOT = new TrajectoryPlot(
      new FigureText("Change by visit", "Week", "Change in CAPS-5 (points)", "LS means, MMRM"),
      List.of(new TrajectoryPlot.Series("MDMA", List.of(
              new TrajectoryPlot.Point("week6", 6, -9.5, -12.25, -6.75),
              new TrajectoryPlot.Point("week12", 12, -15.75, -18.5, -13),
              new TrajectoryPlot.Point("week18", 18, -22.9, -26.1, -19.7))),
          new TrajectoryPlot.Series("Placebo & <control>", List.of(
              new TrajectoryPlot.Point("week6", 6, -4.8, -7.5, -2.1),
              new TrajectoryPlot.Point("week12", 12, -11.5, Double.NaN, Double.NaN),
              new TrajectoryPlot.Point("week18", 18, Double.NaN, Double.NaN, Double.NaN)))));

  @Test
  void hasTitleAxisLabelsLegendAndCaption() {
    SvgDom dom = SvgDom.parse(PLOT.svg());
    assertThat(dom.texts("title")).containsExactly("Change by visit");
    assertThat(dom.texts("axis-label")).containsExactly("Change in CAPS-5 (points)", "Week");
    assertThat(dom.texts("legend-label")).containsExactly("MDMA", "Placebo & <control>");
    assertThat(String.join(" ", dom.texts("caption-line"))).isEqualTo("LS means, MMRM");
  }

  @Test
  void oneCiBarPerPointWithLimitsAndNoMarkerForANotEstimablePoint() {
    SvgDom dom = SvgDom.parse(PLOT.svg());
    assertThat(dom.byClass("ci")).hasSize(4);
    assertThat(dom.byClass("estimate")).hasSize(5);
    assertThat(dom.byClass("series-line")).hasSize(2);
  }

  @Test
  void markersAndBarsSitAtTheAxisMappingOfTheData() {
    SvgDom dom = SvgDom.parse(PLOT.svg());
    Element mdma = dom.byClass("series").get(0);
    List<Element> points = SvgDom.byClass(mdma, "point");
    for (int i = 0; i < 3; i++) {
      TrajectoryPlot.Point p = PLOT.series().get(0).points().get(i);
      Element marker = SvgDom.byClass(points.get(i), "estimate").get(0); // series 0: circles
      assertThat(SvgDom.num(marker, "cy")).isCloseTo(dom.pixel("y-axis", p.estimate(), false), offset(PX));
      // the arms are dodged by half of TrajectoryFigure.DODGE each side of the week
      assertThat(SvgDom.num(marker, "cx")).isCloseTo(dom.pixel("x-axis", p.week(), false) - 3, offset(PX));
      Element ci = SvgDom.byClass(points.get(i), "ci").get(0);
      assertThat(SvgDom.num(ci, "y1")).isCloseTo(dom.pixel("y-axis", p.ciLow(), false), offset(PX));
      assertThat(SvgDom.num(ci, "y2")).isCloseTo(dom.pixel("y-axis", p.ciHigh(), false), offset(PX));
    }
  }

  @Test
  void axesEncloseTheDataAndZero() {
    SvgDom dom = SvgDom.parse(PLOT.svg());
    // Heckbert over [-26.1, 0] with 6 ticks: step 10 (labeling::heckbert(-26.1, 0, 6) = -30 -20 -10 0)
    assertThat(dom.ticks("y-axis").keySet()).containsExactly(-30.0, -20.0, -10.0, 0.0);
    // labeling::heckbert(6, 18, 6) = 5 10 15 20
    assertThat(dom.ticks("x-axis").keySet()).containsExactly(5.0, 10.0, 15.0, 20.0);
    assertThat(dom.byClass("zero-line")).hasSize(1);
  }

  @Test
  void sampleTrajectoryPlotsTheMmrmLsMeansOfTheResult() {
    TrajectoryPlot plot = ResultFigures.trajectory(Sample.RESULT);
    List<LsMean> lsmeans = Sample.RESULT.mmrm().lsmeans();
    assertThat(plot.series().stream().mapToInt(s -> s.points().size()).sum()).isEqualTo(lsmeans.size());
    for (LsMean m : lsmeans) {
      TrajectoryPlot.Point p = plot.series().stream().filter(s -> s.arm().equals(m.arm())).findFirst().orElseThrow()
          .points().stream().filter(q -> q.visit().equals(m.visit())).findFirst().orElseThrow();
      assertThat(new double[] {p.estimate(), p.ciLow(), p.ciHigh()})
          .containsExactly(m.estimate(), m.ciLow(), m.ciHigh());
    }
    // samples/mapp1_like.csv: visits week6, week12, week18 at weeks 6, 12, 18 (its week column)
    assertThat(plot.series().get(0).points().stream().map(TrajectoryPlot.Point::week).toList())
        .containsExactly(6.0, 12.0, 18.0);
    assertThat(plot.text().caption()).contains("MMRM").contains("95%");
    SvgDom.parse(plot.svg());
  }

  @Test
  void weekComesFromTheVisitLabel() {
    assertThat(ResultFigures.week("week6", 1)).isEqualTo(6);
    assertThat(ResultFigures.week("Week 12", 2)).isEqualTo(12);
    assertThat(ResultFigures.week("Baseline", 0)).isEqualTo(0);
    assertThat(ResultFigures.week("end of treatment", 3)).isEqualTo(3);
  }

  @Test
  void outputIsByteStable() {
    assertThat(PLOT.svg()).isEqualTo(PLOT.svg());
    assertThat(ResultFigures.trajectory(Sample.RESULT).svg()).isEqualTo(ResultFigures.trajectory(Sample.RESULT).svg());
  }
}
