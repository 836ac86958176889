package org.trialstat.report.figure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialstat.model.Statistic;

/** Writes the sample figures under a folder (for looking at them, and for scripts/figures.sh). */
public final class RenderSamplesMain {
  private RenderSamplesMain() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/figures");
    Files.createDirectories(dir);
    write(dir, "trajectory.svg", ResultFigures.trajectory(Sample.RESULT).svg());
    write(dir, "forest.svg", ResultFigures.forest(List.of(Sample.RESULT), Statistic.ANCOVA).svg());
    write(dir, "forest_rr.svg", ResultFigures.forest(List.of(Sample.RESULT), Statistic.RISK_RATIO).svg());
    write(dir, "waterfall.svg", ParticipantFigures.waterfall(Sample.DATA, Sample.RESULT).svg());
    write(dir, "flow.svg", ParticipantFigures.flow(Sample.DATA, Sample.RESULT).svg());
    Files.writeString(dir.resolve("report.html"), Sample.report().html(), StandardCharsets.UTF_8);
  }

  private static void write(Path dir, String name, String svg) throws IOException {
    Files.writeString(dir.resolve(name), svg, StandardCharsets.UTF_8);
  }
}
