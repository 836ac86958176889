package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstat.TestFiles;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.MmrmAnalysis;
import org.trialstat.analysis.MmrmRequest;
import org.trialstat.io.ColumnNames;
import org.trialstat.io.InputShape;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialCsvReader;
import org.trialstat.model.Convergence;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.MmrmAnalysisResult;
import org.trialstat.model.Scale;
import org.w3c.dom.Element;

/**
 * The trajectory of {@code trialstat mmrm} on the mmrm package's fev_data: FEV1 ~ ARMCD * AVISIT + RACE +
 * SEX, unstructured, REML, Satterthwaite. Reference: SAS PROC MIXED LS means
 * (src/test/resources/mmrm/fev_data.README.md, from openpharma/mmrm design/SAS/sas_log_reml.txt),
 * printed to 4 decimals: tolerance 1e-4.
 */
class MmrmTrajectoryTest {
  private static final double[] TRT = {37.1063, 41.9037, 46.7546, 52.7841};
  private static final double[] PBO = {33.3318, 38.1715, 43.6740, 48.3855};

  private static MmrmAnalysisResult fit() {
    Path fev = TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv"));
    ReadOptions read = new ReadOptions(new ColumnNames("USUBJID", "ARMCD", "AVISIT", "FEV1", "ptsd_dx", "week"),
        InputShape.AUTO, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of("RACE", "SEX"));
    return MmrmAnalysis.analyze(TrialCsvReader.read(fev, "fev_data.csv", read), new MmrmRequest(Scale.NONE,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "PBO", null, List.of("RACE", "SEX"),
        DdfMethod.SATTERTHWAITE, 0.95, AnalysisRequest.Strictness.LENIENT, Convergence.OPTIMUM));
  }

  @Test
  void plotsTheLsMeansOfSasAtTheVisitNumbers() {
    TrajectoryPlot plot = ResultFigures.trajectory(fit());
    assertThat(plot.series().stream().map(TrajectoryPlot.Series::arm).toList()).containsExactlyInAnyOrder("PBO", "TRT");
    // score outcome (no --baseline): the y label names the score, not the change
    assertThat(plot.text().yLabel()).isEqualTo("unspecified scale score (points)");
    SvgDom dom = SvgDom.parse(plot.svg());
    for (int s = 0; s < plot.series().size(); s++) {
      TrajectoryPlot.Series series = plot.series().get(s);
      double[] sas = series.arm().equals("TRT") ? TRT : PBO;
      assertThat(series.points().stream().map(TrajectoryPlot.Point::week).toList()).containsExactly(1.0, 2.0, 3.0, 4.0);
      List<Element> cis = SvgDom.byClass(dom.byClass("series").get(s), "ci");
      for (int v = 0; v < 4; v++) {
        TrajectoryPlot.Point p = series.points().get(v);
        assertThat(p.estimate()).as(series.arm() + " VIS" + (v + 1)).isCloseTo(sas[v], offset(1e-4));
        // the bar spans the interval: its midpoint is the LS mean (a symmetric t interval)
        double mid = (SvgDom.num(cis.get(v), "y1") + SvgDom.num(cis.get(v), "y2")) / 2;
        assertThat(mid).isCloseTo(dom.pixel("y-axis", sas[v], false), offset(0.02));
      }
    }
  }
}
