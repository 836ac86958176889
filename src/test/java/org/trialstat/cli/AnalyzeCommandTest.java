package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;

/** The analyze command's contract: formats, exit codes, option validation, output files. */
class AnalyzeCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MAPP1 = TestFiles.resource("oracles/mapp1_like.csv").toString();
  private static final String PILOT = TestFiles.resource("oracles/small_pilot_caps4.csv").toString();

  @TempDir
  Path tmp;

  @Test
  void tableIsTheDefaultAndNamesTheMethods() {
    CliRun run = CliRun.of("analyze", MAPP1);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Scores by arm", "MDMA vs Placebo", "Welch t", "ANCOVA", "Cohen's d",
        "Hedges' g", "Newcombe", "Wilson", "Rows: 339 read, 339 used");
  }

  @Test
  void markdownHasTables() {
    CliRun run = CliRun.of("analyze", "--format", "markdown", MAPP1);
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("| Arm |", "|---|");
  }

  @Test
  void csvHasExactlyTheTidyColumns() {
    CliRun run = CliRun.of("analyze", "--format", "csv", MAPP1, PILOT, "--scale", "caps5", "--score-range", "0:136",
        "--control", "Placebo");
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("file,study,arm,treatment,control,outcome,statistic,estimate,ci_low,ci_high,p,n,method,visit,week"); // visit, week appended (figures issue)
    assertThat(lines).anyMatch(l -> l.contains("small_pilot_caps4.csv")).anyMatch(l -> l.contains("mapp1_like.csv"));
    assertThat(lines).allMatch(l -> !l.contains("NaN") && !l.contains("Infinity"));
  }

  @Test
  void tsvUsesTabs() {
    CliRun run = CliRun.of("analyze", "--format", "tsv", MAPP1);
    assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo(
        "file\tstudy\tarm\ttreatment\tcontrol\toutcome\tstatistic\testimate\tci_low\tci_high\tp\tn\tmethod\tvisit\tweek");
  }

  @Test
  void severalFilesGiveAJsonArray() throws IOException {
    CliRun run = CliRun.of("analyze", "--format", "json", "--control", "Placebo", "--score-range", "0:136", MAPP1,
        PILOT);
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode n = MAPPER.readTree(run.out());
    assertThat(n.isArray()).isTrue();
    assertThat(n.size()).isEqualTo(2);
  }

  @Test
  void defaultControlIsTheArmNamedLikePlacebo() throws IOException {
    JsonNode n = MAPPER.readTree(CliRun.of("analyze", "--format", "json", MAPP1).out());
    assertThat(n.get("settings").get("control").asText()).isEqualTo("Placebo");
    assertThat(n.get("settings").get("baseline").asText()).isEqualTo("baseline");
    assertThat(n.get("settings").get("endpoint").asText()).isEqualTo("week18");
  }

  @Test
  void unknownControlIsAUsageErrorListingTheArms() {
    CliRun run = CliRun.of("analyze", "--control", "Sugar", MAPP1);
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Sugar", "MDMA, Placebo");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownVisitIsAUsageErrorListingTheVisits() {
    CliRun run = CliRun.of("analyze", "--endpoint", "week99", MAPP1);
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("week99", "baseline, week6, week12, week18");
  }

  @Test
  void ambiguousControlIsAUsageError() {
    CliRun run = CliRun.of("analyze", "--scale", "caps4", TestFiles.resource("oracles/dose_response_caps4.csv").toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--control", "125 mg, 100 mg, 40 mg");
  }

  @Test
  void responseOptionsExcludeEachOther() {
    CliRun run = CliRun.of("analyze", "--response-drop", "10", "--response-pct", "30", MAPP1);
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void badConfLevelIsAUsageError() {
    assertThat(CliRun.of("analyze", "--conf-level", "95", MAPP1).code()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRun.of("analyze", "--format", "xml", MAPP1).code()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRun.of("analyze").code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void singleArmStudyHasNoComparisons() throws IOException {
    Path f = tmp.resolve("single.csv");
    Files.writeString(f, "participant_id,arm,visit,caps_total\nA,MDMA,baseline,40\nA,MDMA,end,20\n"
        + "B,MDMA,baseline,50\nB,MDMA,end,45\nC,MDMA,baseline,45\nC,MDMA,end,12\n", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("analyze", "--format", "json", f.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode n = MAPPER.readTree(run.out());
    assertThat(n.get("comparisons").size()).isZero();
    assertThat(n.get("notes").toString()).contains("Single-arm study");
    assertThat(n.get("arms").get(0).get("change").get("mean").asDouble()).isCloseTo(-58.0 / 3, org.assertj.core.data.Offset.offset(1e-12)); // hand: (-20-5-33)/3
  }

  @Test
  void outputFileIsWrittenAndNeverOverAnInput() throws IOException {
    Path out = tmp.resolve("r.json");
    CliRun run = CliRun.of("analyze", "--format", "json", "--output", out.toString(), MAPP1);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(MAPPER.readTree(out.toFile()).get("file").asText()).endsWith("mapp1_like.csv");

    Path copy = tmp.resolve("in.csv");
    Files.copy(Path.of(MAPP1), copy);
    CliRun clash = CliRun.of("analyze", "--output", copy.toString(), copy.toString());
    assertThat(clash.code()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(Path.of(MAPP1)));
  }

  @Test
  void helpAndVersion() {
    assertThat(CliRun.of("--help").code()).isZero();
    assertThat(CliRun.of("analyze", "--help").out()).contains("--response-pct", "--remission-max", "--missing");
    assertThat(CliRun.of("--version").code()).isZero();
  }
}
