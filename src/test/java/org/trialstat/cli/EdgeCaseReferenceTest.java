package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * Numerical edge cases through {@code trialstat analyze --format json}, against external references:
 * zero events in one arm, all events in both arms, n = 2 per arm, identical scores (zero variance), an
 * arm of one participant, a huge effect (d = -23, noncentrality -40) and scores at the scale's limits.
 * The files are in {@code src/test/resources/edge/}; the reference numbers, each with its source and
 * tolerance, in {@code edge/expected.tsv}, produced by {@code edge/edge_cases.R} (R 4.2.2, metafor 3.8.1)
 * and {@code edge/noncentral_t_mpmath.py} (mpmath 1.2.1, 50 digits; used for every Cohen's d / Hedges' g
 * limit because R's {@code pt} is inexact at large noncentrality: effectsize 0.8.3 gives -32.5600 for the
 * lower limit of d in huge_effect.csv, the exact value is -32.96707). Counts and not-estimable cases
 * are checked by hand below.
 */
class EdgeCaseReferenceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CMP = "comparisons[treatment=Drug,control=Placebo].";
  private static final Map<String, CliRun> RUNS = new ConcurrentHashMap<>();

  private static String file(String name) {
    return TestFiles.resource("edge/" + name).toString();
  }

  private static JsonNode json(String name) throws IOException {
    CliRun run = RUNS.computeIfAbsent(name, n -> CliRun.of("analyze", "--format", "json", file(n)));
    assertThat(run.code()).as(run.err()).isZero();
    return MAPPER.readTree(run.out());
  }

  static Stream<Arguments> references() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(TestFiles.resource("edge/expected.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      out.add(Arguments.of(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1} = {2} (tol {3}, {4})")
  @MethodSource("references")
  void matchesTheReference(String name, String path, double value, double tol, String source) throws IOException {
    Object tree = MAPPER.readValue(MAPPER.writeValueAsString(json(name)), Object.class);
    double got = JsonPath.number(tree, path);
    assertThat(Math.abs(got - value)).as("%s %s: got %s, %s %s", name, path, got, source, value)
        .isLessThanOrEqualTo(Math.max(tol * Math.abs(value), 1e-12));
  }

  private static JsonNode at(JsonNode root, String path) throws IOException {
    Object tree = MAPPER.readValue(MAPPER.writeValueAsString(root), Object.class);
    return MAPPER.valueToTree(JsonPath.resolve(tree, path));
  }

  private static void notEstimable(JsonNode root, String path, String reason) throws IOException {
    JsonNode block = at(root, path);
    assertThat(block.get("estimate").isNull()).as(path + " " + block).isTrue();
    assertThat(block.get("ci_low").isNull()).as(path).isTrue();
    assertThat(block.get("ci_high").isNull()).as(path).isTrue();
    assertThat(block.get("reason").asText()).as(path).contains(reason);
  }

  @Test
  void zeroEventsInOneArm() throws IOException {
    JsonNode r = json("zero_events_one_arm.csv");
    // Hand count: drops 20, 5, 15, 40, 1 (Drug) and 5, 0, 2, 2, 2 (Placebo); response = drop >= 10.
    assertThat(at(r, "arms[arm=Drug].response").get("events").asInt()).isEqualTo(3);
    assertThat(at(r, "arms[arm=Placebo].response").get("events").asInt()).isZero();
    assertThat(at(r, "arms[arm=Placebo].response").get("n").asInt()).isEqualTo(5);
    // Wilson with 0 events: lower limit exactly 0 (docs/methods.md).
    assertThat(at(r, "arms[arm=Placebo].response.ci_low").asDouble()).isEqualTo(0.0);
    assertThat(at(r, CMP + "response.risk_ratio").get("reason").asText()).contains("0.5 added to every cell");
    assertThat(at(r, CMP + "response.odds_ratio").get("reason").asText()).contains("0.5 added to every cell");
    // Remission: no endpoint score <= 11 in either arm: zero events in both arms.
    notEstimable(r, CMP + "remission.risk_ratio", "no events in either arm");
    notEstimable(r, CMP + "remission.odds_ratio", "no events in either arm");
    notEstimable(r, CMP + "remission.nnt", "risk difference is 0");
  }

  @Test
  void allEventsInBothArms() throws IOException {
    JsonNode r = json("all_events_both_arms.csv");
    for (String outcome : List.of("response", "loss_of_diagnosis")) {
      assertThat(at(r, "arms[arm=Drug]." + outcome).get("events").asInt()).isEqualTo(3); // hand count: 3 of 3
      assertThat(at(r, "arms[arm=Placebo]." + outcome).get("events").asInt()).isEqualTo(3);
      assertThat(at(r, "arms[arm=Drug]." + outcome + ".rate").asDouble()).isEqualTo(1.0);
      assertThat(at(r, "arms[arm=Drug]." + outcome + ".ci_high").asDouble()).isEqualTo(1.0);
      notEstimable(r, CMP + outcome + ".risk_ratio", "all participants had the event in both arms");
      notEstimable(r, CMP + outcome + ".odds_ratio", "all participants had the event in both arms");
      notEstimable(r, CMP + outcome + ".nnt", "risk difference is 0");
      assertThat(at(r, CMP + outcome + ".risk_difference.estimate").asDouble()).isEqualTo(0.0);
    }
  }

  /**
   * Every score 40: zero variance everywhere. Hand values: means 40, SDs 0, change 0 with SD, SE 0 and
   * a CI of zero width (docs/methods.md; R's t.test refuses: "data are essentially constant"); every
   * comparison of the change scores is not estimable, with a reason.
   */
  @Test
  void identicalScores() throws IOException {
    JsonNode r = json("identical_scores.csv");
    for (String arm : List.of("Drug", "Placebo")) {
      JsonNode a = at(r, "arms[arm=" + arm + "]");
      assertThat(a.get("baseline").get("mean").asDouble()).isEqualTo(40.0);
      assertThat(a.get("baseline").get("sd").asDouble()).isEqualTo(0.0);
      JsonNode c = a.get("change");
      assertThat(c.get("mean").asDouble()).isEqualTo(0.0);
      assertThat(c.get("sd").asDouble()).isEqualTo(0.0);
      assertThat(c.get("se").asDouble()).isEqualTo(0.0);
      assertThat(c.get("ci_low").asDouble()).isEqualTo(0.0);
      assertThat(c.get("ci_high").asDouble()).isEqualTo(0.0);
    }
    notEstimable(r, CMP + "welch", "zero variance");
    notEstimable(r, CMP + "student", "zero variance");
    notEstimable(r, CMP + "ancova", "");
    notEstimable(r, CMP + "cohens_d", "pooled SD is 0");
    notEstimable(r, CMP + "hedges_g", "pooled SD is 0");
    for (String k : List.of("welch", "student", "ancova")) {
      assertThat(at(r, CMP + k).get("p").isNull()).isTrue();
    }
  }

  @Test
  void armOfOneParticipantIsDataNotAnError() throws IOException {
    JsonNode r = json("one_participant_arm.csv");
    JsonNode change = at(r, "arms[arm=Drug].change");
    assertThat(change.get("n").asInt()).isEqualTo(1);
    assertThat(change.get("mean").asDouble()).isEqualTo(-20.0); // hand: 20 - 40
    assertThat(change.get("sd").isNull()).isTrue();
    assertThat(change.get("reason").asText()).contains("n = 1");
    notEstimable(r, CMP + "welch", "n = 1");
    notEstimable(r, CMP + "cohens_d", "n = 1");
  }

  /** No NaN or Infinity in any format, for every edge file; tables mark not estimable values n/e. */
  @ParameterizedTest
  @ValueSource(strings = {"zero_events_one_arm.csv", "all_events_both_arms.csv", "two_per_arm.csv",
      "identical_scores.csv", "one_participant_arm.csv", "huge_effect.csv", "scale_limits.csv"})
  void noNaNAnywhere(String name) {
    for (String format : List.of("json", "csv", "tsv", "table", "markdown")) {
      CliRun run = CliRun.of("analyze", "--format", format, file(name));
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).as(format).doesNotContain("NaN", "Infinity", "∞");
    }
    assertThat(CliRun.of("analyze", file("identical_scores.csv")).out()).contains("n/e");
  }

  @TempDir
  Path tmp;

  /** Scores at the scale's limits are data, one step outside is an error (exit 3 naming line and column). */
  @ParameterizedTest(name = "{0} {1}: exit {2}")
  @CsvSource({
      "caps5, 0, 0", "caps5, 80, 0", "caps5, 80.0, 0", "caps5, 8e1, 0", "caps5, 81, 3", "caps5, 80.01, 3",
      "caps5, -1, 3", "caps5, -0.5, 3",
      "pcl5, 80, 0", "pcl5, 81, 3",
      "caps4, 136, 0", "caps4, 137, 3",
      "none, 500, 0", "none, -7, 0"})
  void scaleLimits(String scale, String score, int exit) throws IOException {
    Path f = tmp.resolve("limits.csv");
    Files.writeString(f, BadInputTest.replaceLine(3, "A1,Drug,end," + score + ",0"));
    CliRun run = CliRun.of("analyze", "--scale", scale, "--remission-max", "11", "--format", "json", f.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(exit);
    if (exit == 0) {
      JsonNode r = MAPPER.readTree(run.out());
      // Hand: A1's endpoint is the given score, A2's is 45.
      assertThat(at(r, "arms[arm=Drug].endpoint.mean").asDouble()).isEqualTo((Double.parseDouble(score) + 45) / 2);
    } else {
      BadInputTest.assertClean(run);
      assertThat(run.err()).startsWith("trialstat: " + f + ":3:4: score \"" + score + "\"");
    }
  }

  @Test
  void scoreRangeOptionMovesTheLimits() throws IOException {
    Path f = tmp.resolve("range.csv");
    Files.writeString(f, BadInputTest.replaceLine(3, "A1,Drug,end,100,0"));
    assertThat(CliRun.of("analyze", f.toString()).code()).isEqualTo(ExitCode.DATA);
    assertThat(CliRun.of("analyze", "--score-range", "0:100", f.toString()).code()).isZero();
    CliRun low = CliRun.of("analyze", "--score-range", "10:100", f.toString());
    assertThat(low.code()).isZero(); // every score of GOOD is >= 20
    Files.writeString(f, BadInputTest.replaceLine(3, "A1,Drug,end,9,0"));
    CliRun below = CliRun.of("analyze", "--score-range", "10:100", f.toString());
    assertThat(below.code()).isEqualTo(ExitCode.DATA);
    assertThat(below.err()).contains(":3:4:", "\"9\"", "expected a number between 10 and 100");
  }
}
