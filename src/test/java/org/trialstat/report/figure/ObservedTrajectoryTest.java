package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstat.TestFiles;
import org.trialstat.model.VisitResult;
import org.w3c.dom.Element;

/**
 * The trajectory drawn from {@code visits[]}: {@code trajectory:observed} plots the observed mean change
 * per arm and visit against R 4.2.2 (src/test/resources/visits/observed_change.R, t.test: mean and 95% CI,
 * its output observed_change.out), at x = the file's week column; {@code trajectory} plots the MMRM LS
 * means of the same block (checked against nlme/emmeans in VisitsBlockTest).
 */
class ObservedTrajectoryTest {
  private static final double PX = 0.011;

  @Test
  void observedMeansAtTheWeekOfTheVisitAsRComputesThem() throws IOException {
    TrajectoryPlot plot = ResultFigures.trajectory(Sample.RESULT, true);
    assertThat(plot.text().caption()).startsWith("Observed mean change with 95% t confidence intervals");
    SvgDom dom = SvgDom.parse(plot.svg());
    List<String> lines = Files.readAllLines(TestFiles.resource("visits/observed_change.out"));
    assertThat(lines).hasSize(6);
    for (String line : lines) {
      String[] f = line.split(",");
      int arm = f[1].equals("MDMA") ? 0 : 1;
      TrajectoryPlot.Point p = plot.series().get(arm).points().stream().filter(x -> x.visit().equals(f[0]))
          .findFirst().orElseThrow();
      // closed forms: 1e-12 relative against R
      assertThat(p.estimate()).isCloseTo(Double.parseDouble(f[3]), offset(1e-12 * Math.abs(p.estimate())));
      assertThat(p.ciLow()).isCloseTo(Double.parseDouble(f[5]), offset(1e-12 * Math.abs(p.ciLow())));
      assertThat(p.ciHigh()).isCloseTo(Double.parseDouble(f[6]), offset(1e-12 * Math.abs(p.ciHigh())));
      // week from the file's week column: week6 -> 6
      assertThat(p.week()).isEqualTo(Double.parseDouble(f[0].substring(4)));
      Element series = dom.byClass("series").get(arm);
      Element point = SvgDom.byClass(series, "point").stream()
          .filter(e -> e.getAttribute("data-visit").equals(f[0])).findFirst().orElseThrow();
      Element marker = SvgDom.byClass(point, "estimate").get(0);
      assertThat(SvgDom.num(marker, arm == 0 ? "cy" : "y") + (arm == 0 ? 0 : SvgDom.num(marker, "height") / 2))
          .isCloseTo(dom.pixel("y-axis", Double.parseDouble(f[3]), false), offset(2 * PX));
    }
  }

  @Test
  void defaultTrajectoryIsTheLsMeansOfTheVisitsBlock() {
    TrajectoryPlot plot = ResultFigures.trajectory(Sample.RESULT);
    assertThat(plot.text().caption()).startsWith("LS means with 95% confidence intervals");
    for (VisitResult v : Sample.RESULT.visits()) {
      for (int a = 0; a < v.arms().size(); a++) {
        VisitResult.Arm arm = v.arms().get(a);
        TrajectoryPlot.Point p = plot.series().stream().filter(s -> s.arm().equals(arm.arm())).findFirst()
            .orElseThrow().points().stream().filter(x -> x.visit().equals(v.visit())).findFirst().orElseThrow();
        // the same double as visits[].arms[].mmrm_lsmean (never recomputed)
        assertThat(p.estimate()).isEqualTo(arm.mmrmLsmean().estimate());
        assertThat(p.ciLow()).isEqualTo(arm.mmrmLsmean().ciLow());
        assertThat(p.week()).isEqualTo(v.week());
      }
    }
  }
}
