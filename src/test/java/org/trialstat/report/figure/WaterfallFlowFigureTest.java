package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class WaterfallFlowFigureTest {
  private static final double PX = 0.011;

  private static final WaterfallPlot WATERFALL = new WaterfallPlot(
      new FigureText("Change per participant", "Participants, ranked by change", "Change (points)", "caption"),
      List.of("A", "B"),
      List.of(new WaterfallPlot.ParticipantChange("p1", "A", -12), new WaterfallPlot.ParticipantChange("p2", "B", 4),
          new WaterfallPlot.ParticipantChange("p3", "A", -30.5), new WaterfallPlot.ParticipantChange("p4", "B", -3),
          new WaterfallPlot.ParticipantChange("p5", "B", Double.NaN), new WaterfallPlot.ParticipantChange("p0", "A", 4)),
      -10, "Responder: drop of >= 10 points");

  @Test
  void waterfallBarsAreSortedFromLargestIncreaseAndReachTheirValue() {
    SvgDom dom = SvgDom.parse(WATERFALL.svg());
    List<Element> bars = dom.byClass("bar");
    // NaN left out; ties (4, 4) in arm order, then identifier
    assertThat(bars.stream().map(b -> b.getAttribute("data-participant")).toList())
        .containsExactly("p0", "p2", "p4", "p1", "p3");
    double zero = dom.pixel("y-axis", 0, false);
    double[] values = {4, 4, -3, -12, -30.5};
    for (int i = 0; i < bars.size(); i++) {
      Element b = bars.get(i);
      double far = values[i] > 0 ? SvgDom.num(b, "y") : SvgDom.num(b, "y") + SvgDom.num(b, "height");
      assertThat(far).isCloseTo(dom.pixel("y-axis", values[i], false), offset(2 * PX));
      double near = values[i] > 0 ? SvgDom.num(b, "y") + SvgDom.num(b, "height") : SvgDom.num(b, "y");
      assertThat(near).isCloseTo(zero, offset(2 * PX));
    }
    assertThat(bars.get(0).getAttribute("fill")).isEqualTo(Palette.series(0));
    assertThat(bars.get(1).getAttribute("fill")).isEqualTo(Palette.series(1));
    Element threshold = dom.byClass("threshold").get(0);
    assertThat(SvgDom.num(threshold, "y1")).isCloseTo(dom.pixel("y-axis", -10, false), offset(PX));
    assertThat(dom.texts("legend-label")).containsExactly("A", "B", "Responder: drop of >= 10 points");
    assertThat(dom.texts("axis-label")).containsExactly("Change (points)", "Participants, ranked by change");
  }

  /**
   * The sample's completers: R (mapp1_like.expected.json, arms[...].change.n) has 39 MDMA and 42 Placebo
   * participants with baseline and week18 scores; their mean change -22.9487179487179 and -13.5 (1e-6).
   */
  @Test
  void sampleWaterfallHasOneBarPerCompleterWithTheirMeanChange() {
    WaterfallPlot plot = ParticipantFigures.waterfall(Sample.DATA, Sample.RESULT);
    SvgDom dom = SvgDom.parse(plot.svg());
    assertThat(dom.byClass("bar").stream().filter(b -> b.getAttribute("data-arm").equals("MDMA")).count())
        .isEqualTo(39);
    assertThat(dom.byClass("bar").stream().filter(b -> b.getAttribute("data-arm").equals("Placebo")).count())
        .isEqualTo(42);
    assertThat(plot.participants().stream().filter(c -> c.arm().equals("MDMA"))
        .mapToDouble(WaterfallPlot.ParticipantChange::change).average().orElseThrow())
        .isCloseTo(-22.9487179487179, offset(1e-6));
    assertThat(plot.participants().stream().filter(c -> c.arm().equals("Placebo"))
        .mapToDouble(WaterfallPlot.ParticipantChange::change).average().orElseThrow())
        .isCloseTo(-13.5, offset(1e-6));
    assertThat(plot.threshold()).isEqualTo(-10); // the default --response-drop 10
  }

  @Test
  void flowHasABoxPerStageAndTheExclusionsWithCounts() {
    FlowPlot flow = new FlowPlot(new FigureText("Participant flow", "", "", "from the data"), List.of(
        new FlowPlot.Arm("MDMA", List.of(new FlowPlot.Stage("randomized", 46, List.of()),
            new FlowPlot.Stage("With a baseline score", 45, List.of(new FlowPlot.Exclusion("no baseline score", 1))),
            new FlowPlot.Stage("Analysed", 39, List.of(new FlowPlot.Exclusion("no week18 score", 6))))),
        new FlowPlot.Arm("Placebo", List.of(new FlowPlot.Stage("randomized", 44, List.of()),
            new FlowPlot.Stage("With a baseline score", 44, List.of()),
            new FlowPlot.Stage("Analysed", 42, List.of(new FlowPlot.Exclusion("no week18 score", 2)))))),
        List.of("339 data rows read, 339 used."));
    SvgDom dom = SvgDom.parse(flow.svg());
    assertThat(dom.byClass("stage")).hasSize(6);
    assertThat(dom.byClass("stage").stream().map(e -> e.getAttribute("data-n")).toList())
        .containsExactly("46", "45", "39", "44", "44", "42");
    assertThat(dom.byClass("exclusion")).hasSize(3);
    assertThat(dom.byClass("arrow")).hasSize(4);
    assertThat(dom.texts("box-text")).contains("MDMA: randomized (n = 46)", "no week18 score (n = 6)",
        "339 data rows read, 339 used.");
    assertThat(dom.texts("title")).containsExactly("Participant flow");
    assertThat(dom.texts("legend-label")).hasSize(2);
  }

  /**
   * The sample's flow: 46 and 44 randomized (the file's participants per arm; samples/README.md), R's
   * completers 39 and 42 (mapp1_like.expected.json, arms[...].change.n) and baseline n 46 and 44
   * (arms[...].baseline.n).
   */
  @Test
  void sampleFlowCountsMatchTheReference() {
    FlowPlot flow = ParticipantFigures.flow(Sample.DATA, Sample.RESULT);
    assertThat(flow.arms().get(0).stages().stream().map(FlowPlot.Stage::n).toList()).containsExactly(46, 46, 39);
    assertThat(flow.arms().get(1).stages().stream().map(FlowPlot.Stage::n).toList()).containsExactly(44, 44, 42);
    assertThat(flow.arms().get(0).stages().get(2).excluded()).containsExactly(new FlowPlot.Exclusion("no week18 score", 7));
    SvgDom.parse(flow.svg());
  }
}
