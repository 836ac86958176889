package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * Scores far from 1 under {@code --scale none} (issue 16, item 10: +-1e308 gave exit 4 "value 0 is not
 * finite", 1e200 gave silently wrong ANCOVA t = 0 and "SD not available"). The reference is R's on the
 * unscaled file: {@code edge/zero_events_one_arm.csv} with every score times 2^k has, by an exact
 * identity, 2^k times R's differences, SEs and limits (edge/expected.tsv, from edge/edge_cases.R, R 4.2.2
 * t.test and lm) and R's own t, df, p and d.
 */
class ExtremeScoresTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FILE = "zero_events_one_arm.csv";

  private static Object run(Path file) throws IOException {
    CliRun run = CliRun.of("analyze", "--scale", "none", "--format", "json", file.toString());
    assertThat(run.code()).as(run.err()).isZero();
    return MAPPER.readValue(run.out(), Object.class);
  }

  private static Path scaled(Path dir, int k) throws IOException {
    List<String> lines = Files.readAllLines(TestFiles.resource("edge/" + FILE), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      f[3] = Double.toString(Math.scalb(Double.parseDouble(f[3]), k));
      out.add(String.join(",", f));
    }
    Path p = dir.resolve("scaled_" + k + ".csv");
    Files.write(p, out, StandardCharsets.UTF_8);
    return p;
  }

  @ParameterizedTest
  @ValueSource(ints = {600, 1000, -990})
  void scaledScoresGiveScaledReferenceValues(int k, @TempDir Path dir) throws IOException {
    Object tree = run(scaled(dir, k));
    int checked = 0;
    for (String line : Files.readAllLines(TestFiles.resource("edge/expected.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (line.startsWith("#") || !f[0].equals(FILE) || !f[1].matches(".*(welch|student|ancova|cohens_d|hedges_g)\\..*|arms.*change\\.(mean|sd)")) {
        continue;
      }
      String field = f[1].substring(f[1].lastIndexOf('.') + 1);
      boolean scaleFree = f[1].contains("cohens_d") || f[1].contains("hedges_g") || List.of("t", "df", "p").contains(field);
      double expected = scaleFree ? Double.parseDouble(f[2]) : Math.scalb(Double.parseDouble(f[2]), k);
      double got = JsonPath.number(tree, f[1]);
      // tolerance of expected.tsv (its source in column 5), at least 1e-12 relative
      double tol = Math.max(Double.parseDouble(f[3]), 1e-12) * Math.abs(expected);
      assertThat(Math.abs(got - expected)).as("%s: got %s, %s %s", f[1], got, f[4], expected).isLessThanOrEqualTo(tol);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
  }

  @Test
  void changesBeyondTheLargestDoubleAreNotEstimableWithAReason(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("max.csv");
    Files.writeString(p, "participant_id,arm,visit,caps_total\n"
        + "1,A,baseline,1e308\n1,A,week18,-1e308\n2,A,baseline,1e308\n2,A,week18,1e308\n"
        + "3,A,baseline,-1e308\n3,A,week18,1e308\n4,Placebo,baseline,1e308\n4,Placebo,week18,-1e308\n"
        + "5,Placebo,baseline,-1e308\n5,Placebo,week18,-1e308\n6,Placebo,baseline,1e308\n6,Placebo,week18,1e308\n",
        StandardCharsets.UTF_8);
    Object tree = run(p);
    String reason = "a change from baseline (endpoint - baseline) beyond the range of double-precision numbers "
        + "(|x| > 1.8e308)";
    // baseline and endpoint summaries are finite (hand count: A baseline mean 1e308 / 3)
    assertThat(JsonPath.number(tree, "arms[arm=A].baseline.mean")).isEqualTo(1e308 / 3, org.assertj.core.data.Offset.offset(1e293));
    assertThat(JsonPath.resolve(tree, "arms[arm=A].change.reason")).isEqualTo(reason);
    for (String s : List.of("welch", "student", "ancova", "cohens_d", "hedges_g")) {
      assertThat(JsonPath.resolve(tree, "comparisons[treatment=A,control=Placebo]." + s + ".reason")).as(s)
          .isEqualTo(reason);
    }
  }
}
