package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input of issue 5, through {@code trialstat analyze}: the exit code (3 for data,
 * 2 for an option naming something the file does not have), one or two lines on stderr naming the
 * file, the line and column where relevant, what was found and what was expected, no stack trace, and
 * nothing at all on stdout. The messages themselves are documented in docs/errors.md.
 */
class BadInputTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A good long-format file: two arms, two visits, a diagnosis column. Line 3 is A1's endpoint row. */
  static final String GOOD = String.join("\n",
      "participant_id,arm,visit,caps_total,ptsd_dx",
      "A1,Drug,baseline,40,1",
      "A1,Drug,end,20,0",
      "A2,Drug,baseline,50,1",
      "A2,Drug,end,45,1",
      "B1,Placebo,baseline,45,1",
      "B1,Placebo,end,40,1",
      "B2,Placebo,baseline,44,1",
      "B2,Placebo,end,30,0") + "\n";

  /** GOOD with line {@code lineNo} (1-based) replaced. */
  static String replaceLine(int lineNo, String replacement) {
    List<String> lines = new ArrayList<>(Arrays.asList(GOOD.split("\n")));
    lines.set(lineNo - 1, replacement);
    return String.join("\n", lines) + "\n";
  }

  @TempDir
  Path tmp;

  /**
   * One bad input.
   *
   * @param name     what is wrong (test display name and file name)
   * @param content  file bytes; null: the file is not created (missing file)
   * @param args     extra options before the file
   * @param exit     expected exit code
   * @param where    expected location after the file name: ":3:4" (line 3, column 4), ":1", or "" (none)
   * @param expected fragments the message must contain: what was found, what was expected
   */
  record Case(String name, byte[] content, List<String> args, int exit, String where, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case data(String name, String content, String where, String... expected) {
    return new Case(name, content.getBytes(StandardCharsets.UTF_8), List.of(), ExitCode.DATA, where,
        List.of(expected));
  }

  static Stream<Case> cases() {
    StringBuilder huge = new StringBuilder("participant_id,arm,visit,caps_total,ptsd_dx\nA1,Drug,baseline,");
    huge.append("9".repeat(2_000_000)).append(",1\n");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
    return Stream.of(
        new Case("missing file", null, List.of(), ExitCode.DATA, "", List.of("file not found",
            "expected an existing CSV file")),
        data("empty file", "", "", "file is empty", "expected a header row"),
        data("blank lines only", "\n\n  \n", "", "file is empty"),
        data("header only", GOOD.substring(0, GOOD.indexOf('\n') + 1), ":1", "no data rows after the header",
            "expected one row per participant and visit"),
        data("missing required column", GOOD.replace("caps_total", "caps_totl"), ":1:4",
            "no column 'caps_total'", "did you mean 'caps_totl'?",
            "columns found: participant_id, arm, visit, caps_totl, ptsd_dx"),
        data("several missing columns", GOOD.replace("caps_total", "score").replace(",arm,", ",group,"), ":1",
            "no column 'arm'", "no column 'caps_total'", "columns found: participant_id, group, visit, score"),
        data("non-numeric score", replaceLine(3, "A1,Drug,end,twenty,0"), ":3:4", "\"twenty\"",
            "not a number", "expected a number between 0 and 80"),
        data("NaN score", replaceLine(3, "A1,Drug,end,NaN,0"), ":3:4", "\"NaN\"", "is NaN",
            "expected a number between 0 and 80", "or empty/NA for a missing value"),
        data("infinite score", replaceLine(3, "A1,Drug,end,Infinity,0"), ":3:4", "\"Infinity\"", "infinite"),
        data("huge exponent score", replaceLine(3, "A1,Drug,end,1e999,0"), ":3:4", "\"1e999\""),
        data("score above the scale", replaceLine(3, "A1,Drug,end,81,0"), ":3:4", "\"81\"",
            "above the maximum 80", "expected a number between 0 and 80"),
        data("negative score", replaceLine(3, "A1,Drug,end,-3,0"), ":3:4", "\"-3\"", "negative",
            "expected a number between 0 and 80"),
        data("decimal comma in a comma file", replaceLine(3, "A1,Drug,end,\"12,5\",0"), ":3:4", "\"12,5\""),
        data("invalid diagnosis flag", replaceLine(3, "A1,Drug,end,20,maybe"), ":3:5", "\"maybe\"",
            "ptsd_dx", "expected 1/0, Y/N, yes/no or true/false"),
        data("unterminated quote", replaceLine(3, "A1,\"Drug,end,20,0"), ":3:2", "never closed",
            "expected a closing quote"),
        data("text after a closing quote", replaceLine(3, "A1,\"Drug\"x,end,20,0"), ":3:2", "text after the closing quote",
            "expected the delimiter or the end of the line"),
        data("ragged row, too many fields", replaceLine(3, "A1,Drug,end,20,0,extra"), ":3:6",
            "row has 6 fields but the header (line 1) has 5", "expected 5 fields separated by ','"),
        data("ragged row, too few fields", replaceLine(3, "A1,Drug,end,20"), ":3:5",
            "row has 4 fields but the header (line 1) has 5"),
        data("same participant and visit twice", replaceLine(3, "A1,Drug,baseline,20,0"), ":3:3",
            "participant \"A1\" has a second row for visit \"baseline\" (the first is on line 2)",
            "expected one row per participant and visit"),
        data("participant in two arms", replaceLine(3, "A1,Placebo,end,20,0"), ":3:2",
            "participant \"A1\" is in arm \"Placebo\" here but in arm \"Drug\" on line 2",
            "expected one arm per participant"),
        data("empty participant id", replaceLine(3, ",Drug,end,20,0"), ":3:1", "participant identifier is empty"),
        data("empty arm", replaceLine(3, "A1,,end,20,0"), ":3:2", "arm is empty"),
        new Case("binary file (PNG)", png, List.of(), ExitCode.DATA, ":1:1", List.of("not valid UTF-8",
            "expected UTF-8 text")),
        new Case("UTF-16 without a byte-order mark", GOOD.getBytes(StandardCharsets.UTF_16LE), List.of(),
            ExitCode.DATA, ":1:1", List.of("NUL byte", "UTF-16 without a byte-order mark",
                "expected a CSV text file in UTF-8")),
        new Case("Latin-1 file", replaceLine(3, "A1,Drög,end,20,0").getBytes(StandardCharsets.ISO_8859_1),
            List.of(), ExitCode.DATA, ":3:2", List.of("bytes 0xF6 are not valid UTF-8", "Latin-1")),
        data("no header row", GOOD.substring(GOOD.indexOf('\n') + 1), ":1", "no header row",
            "\"A1,Drug,baseline,40,1\" looks like data", "expected a first row naming the columns"),
        data("a field of megabytes", huge.toString(), ":2:4", "longer than 1,000,000 characters"),
        data("wide file, participant twice",
            "participant_id,arm,caps_total_baseline,caps_total_end\nA1,Drug,40,20\nA1,Drug,41,21\n"
                + "B1,Placebo,45,40\n", ":3:1", "participant \"A1\" has a second row (the first is on line 2)"),
        data("only one visit", "participant_id,arm,visit,caps_total\nA1,Drug,baseline,40\nB1,Placebo,baseline,41\n",
            "", "every row is at visit 'baseline'", "expected at least two visits"),
        new Case("--strict: missing score", replaceLine(3, "A1,Drug,end,,0").getBytes(StandardCharsets.UTF_8),
            List.of("--strict"), ExitCode.DATA, ":3:4", List.of("participant A1 has no score at visit end",
                "expected a score", "--strict", "missing_score")),
        new Case("--strict: NA score", replaceLine(3, "A1,Drug,end,NA,0").getBytes(StandardCharsets.UTF_8),
            List.of("--strict"), ExitCode.DATA, ":3:4", List.of("participant A1 has no score at visit end")),
        new Case("--strict: unknown diagnosis", replaceLine(3, "A1,Drug,end,20,").getBytes(StandardCharsets.UTF_8),
            List.of("--strict"), ExitCode.DATA, ":3:5", List.of("participant A1 has no diagnosis value at visit end",
                "expected 1/0, Y/N, yes/no or true/false", "--strict", "unknown_diagnosis")),
        new Case("unknown control arm", GOOD.getBytes(StandardCharsets.UTF_8), List.of("--control", "Sham"),
            ExitCode.USAGE, null, List.of("--control: no arm 'Sham'", "arms present: Drug, Placebo")),
        new Case("unknown endpoint visit", GOOD.getBytes(StandardCharsets.UTF_8), List.of("--endpoint", "week18"),
            ExitCode.USAGE, null, List.of("--endpoint: no visit 'week18'", "visits present: baseline, end")),
        new Case("unknown baseline visit", GOOD.getBytes(StandardCharsets.UTF_8), List.of("--baseline", "screen"),
            ExitCode.USAGE, null, List.of("--baseline: no visit 'screen'", "visits present: baseline, end")),
        new Case("endpoint before baseline", GOOD.getBytes(StandardCharsets.UTF_8),
            List.of("--baseline", "end", "--endpoint", "baseline"), ExitCode.USAGE, null,
            List.of("the endpoint visit must come after the baseline visit", "visits in order: baseline, end")),
        new Case("no arm named like a control", GOOD.replace("Placebo", "Other").getBytes(StandardCharsets.UTF_8),
            List.of(), ExitCode.USAGE, null, List.of("cannot tell which arm is the control", "--control",
                "arms present: Drug, Other")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputGivesAOneOrTwoLineMessageAndNoOutput(Case c) throws IOException {
    Path file = tmp.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "_") + ".csv");
    if (c.content() != null) {
      Files.write(file, c.content());
    }
    List<String> args = new ArrayList<>(List.of("analyze"));
    args.addAll(c.args());
    args.add(file.toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.code()).as(run.err()).isEqualTo(c.exit());
    assertClean(run);
    if (c.where() != null) {
      assertThat(run.err()).startsWith("trialstat: " + file + c.where() + ": ");
    } else {
      assertThat(run.err()).startsWith("trialstat: ").contains(file.toString());
    }
    assertThat(run.err()).contains(c.expected());
  }

  /** Stderr has one or two short lines and no stack trace; stdout is empty. */
  static void assertClean(CliRun run) {
    assertThat(run.out()).as("stdout").isEmpty();
    assertThat(run.err().lines().count()).as(run.err()).isBetween(1L, 2L);
    assertThat(run.err()).endsWith("\n").doesNotContain("at org.", "at java.", "Exception", "\tat ")
        .doesNotContain("internal error");
    assertThat(run.err().length()).as("message length").isLessThan(2000);
  }

  @Test
  void directory() throws IOException {
    // A folder is read for its input files (issue "Batch analyses"); one without any is a usage error.
    Path dir = Files.createDirectory(tmp.resolve("data.csv"));
    CliRun run = CliRun.of("analyze", dir.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertClean(run);
    assertThat(run.err()).startsWith("trialstat: no input files");
  }

  @Test
  void unreadableFile() throws IOException {
    Path f = tmp.resolve("locked.csv");
    Files.writeString(f, GOOD);
    try {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions on this file system");
    }
    assumeTrue(!Files.isReadable(f), "running as root: every file is readable");
    CliRun run = CliRun.of("analyze", f.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertClean(run);
    assertThat(run.err()).startsWith("trialstat: " + f + ": permission denied; expected a readable CSV file");
  }

  /** A bad second file stops the run before anything is printed for the good first file. */
  @Test
  void secondFileBadPrintsNothing() throws IOException {
    Path good = tmp.resolve("good.csv");
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(good, GOOD);
    Files.writeString(bad, replaceLine(5, "A2,Drug,end,xx,1"));
    for (String format : List.of("table", "json", "csv", "tsv", "markdown")) {
      CliRun run = CliRun.of("analyze", "--fail-fast", "--format", format, good.toString(), bad.toString());
      assertThat(run.code()).as(format).isEqualTo(ExitCode.DATA);
      assertClean(run);
      assertThat(run.err()).startsWith("trialstat: " + bad + ":5:4: score \"xx\"");
    }
    CliRun missing = CliRun.of("analyze", "--fail-fast", good.toString(), tmp.resolve("nope.csv").toString());
    assertThat(missing.code()).isEqualTo(ExitCode.DATA);
    assertClean(missing);
  }

  /**
   * --strict is about data problems at analysed visits: a missing score at a screening visit (not
   * analysed) is only counted, also under --strict.
   */
  @Test
  void strictIgnoresRowsOfVisitsOutsideTheAnalysis() throws IOException {
    Path f = tmp.resolve("screening.csv");
    String[] lines = GOOD.split("\n");
    StringBuilder sb = new StringBuilder(lines[0]).append('\n');
    sb.append("A1,Drug,screening,,\n").append("B1,Placebo,screening,,1\n");
    for (int i = 1; i < lines.length; i++) {
      sb.append(lines[i]).append('\n');
    }
    Files.writeString(f, sb.toString());
    CliRun run = CliRun.of("analyze", "--strict", "--baseline", "baseline", "--format", "json", f.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode rows = MAPPER.readTree(run.out()).get("rows");
    // Hand count: GOOD's 8 data rows + 2 screening rows = 10 read; the 2 screening rows excluded, 8 used
    assertThat(rows.get("read").asInt()).isEqualTo(10);
    assertThat(rows.get("used").asInt()).isEqualTo(8);
    assertThat(rows.get("excluded").toString())
        .isEqualTo("[{\"reason\":\"visit_not_analysed\",\"count\":2}]");
  }

  /** Without --strict a missing score is data: counted, not an error. */
  @Test
  void withoutStrictAMissingScoreIsCounted() throws IOException {
    Path f = tmp.resolve("missing.csv");
    Files.writeString(f, replaceLine(3, "A1,Drug,end,NA,0"));
    CliRun run = CliRun.of("analyze", "--format", "json", f.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode rows = MAPPER.readTree(run.out()).get("rows");
    // Hand count: GOOD's 8 data rows, one with score NA: 7 used, 1 excluded
    assertThat(rows.get("used").asInt()).isEqualTo(7);
    assertThat(rows.get("excluded").toString()).isEqualTo("[{\"reason\":\"missing_score\",\"count\":1}]");
  }
}
