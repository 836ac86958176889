package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstat.TestFiles;

/**
 * Issue 5, "nothing lost": every input row is accounted for (JSON {@code rows} and the table
 * footnote), spreadsheet output cannot execute text from the input, and {@code --output} is atomic.
 */
class NothingLostTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;

  /** Long file with a screening visit, missing scores, a participant without baseline, unknown diagnoses. */
  static final String MESSY = String.join("\n",
      "participant_id,arm,visit,week,caps_total,ptsd_dx,site",
      "A1,Drug,screening,-2,41,1,s1",
      "A1,Drug,baseline,0,40,1,s1",
      "A1,Drug,week6,6,30,1,s1",
      "A1,Drug,week12,12,20,0,s1",
      "",
      "A2,Drug,baseline,0,NA,1,s2",
      "A2,Drug,week6,6,33,1,s2",
      "A2,Drug,week12,12,30,,s2",
      "A3,Drug,baseline,0,50,1,s2",
      "A3,Drug,week6,6,,,s2",
      "A3,Drug,week12,12,.,,s2",
      "A4,Drug,baseline,0,48,1,s1",
      "A4,Drug,week12,12,35,,s1",
      "B1,Placebo,screening,-2,,,s1",
      "B1,Placebo,baseline,0,45,1,s1",
      "B1,Placebo,week6,6,44,1,s1",
      "B1,Placebo,week12,12,40,1,s1",
      "B2,Placebo,baseline,0,44,1,s2",
      "B2,Placebo,week12,12,30,0,s2",
      "B3,Placebo,baseline,0,52,1,s2",
      ",,,,,,",
      "B3,Placebo,week12,12,50,1,s2") + "\n";

  /** Wide file with empty cells; each participant-by-visit cell is a row. */
  static final String WIDE = String.join("\n",
      "participant_id,arm,caps_total_baseline,caps_total_week6,caps_total_week12,ptsd_dx_baseline,ptsd_dx_week12",
      "A1,Drug,40,30,20,1,0",
      "A2,Drug,,33,30,1,",
      "A3,Drug,50,,,1,",
      "B1,Placebo,45,44,40,1,1",
      "B2,Placebo,44,NA,30,1,0",
      "B3,Placebo,52,,50,1,1") + "\n";

  static Stream<Arguments> files() {
    String mapp1 = TestFiles.resource("oracles/mapp1_like.csv").toString();
    String pilot = TestFiles.resource("oracles/small_pilot_caps4.csv").toString();
    String dose = TestFiles.resource("oracles/dose_response_caps4.csv").toString();
    return Stream.of(
        Arguments.of("mapp1_like", null, mapp1, List.of()),
        Arguments.of("mapp1_like, endpoint week6", null, mapp1, List.of("--endpoint", "week6")),
        Arguments.of("mapp1_like, baseline week6", null, mapp1, List.of("--baseline", "week6")),
        Arguments.of("small pilot", null, pilot, List.of("--scale", "caps4")),
        Arguments.of("dose response", null, dose, List.of("--scale", "caps4", "--control", "40 mg")),
        Arguments.of("messy long", MESSY, null, List.of("--baseline", "baseline")),
        Arguments.of("messy long, nonresponder", MESSY, null, List.of("--baseline", "baseline", "--missing",
            "nonresponder")),
        Arguments.of("messy long, endpoint week6", MESSY, null, List.of("--baseline", "baseline", "--endpoint",
            "week6")),
        Arguments.of("messy wide", WIDE, null, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyRowIsUsedOrExcludedWithAReason(String name, String content, String resource, List<String> options)
      throws IOException {
    String file = resource;
    if (content != null) {
      Path f = tmp.resolve("in.csv");
      Files.writeString(f, content);
      file = f.toString();
    }
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
    args.addAll(options);
    args.add(file);
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = MAPPER.readTree(run.out());
    JsonNode rows = json.get("rows");
    int read = rows.get("read").asInt();
    int used = rows.get("used").asInt();
    int excluded = 0;
    // the reason codes of docs/errors.md that analyze uses (model_not_estimable: the messy files are too small
    // for the MMRM, issue 16 item 17)
    Set<String> codes = Set.of("visit_not_analysed", "missing_score", "no_baseline", "visit_not_modelled",
        "model_not_estimable");
    for (JsonNode e : rows.get("excluded")) {
      assertThat(e.get("reason").asText()).isIn(codes);
      assertThat(e.get("count").asInt()).isPositive();
      excluded += e.get("count").asInt();
    }
    assertThat(read).as("read = used + excluded").isEqualTo(used + excluded);
    assertThat(read).as("read = data rows of the file").isEqualTo(dataRows(Path.of(file)));

    // The same accounting in the table and markdown footnotes.
    StringBuilder footnote = new StringBuilder("Rows: " + read + " read, " + used + " used");
    for (JsonNode e : rows.get("excluded")) {
      footnote.append(", ").append(e.get("count").asInt()).append(' ').append(e.get("reason").asText());
    }
    footnote.append('.');
    for (String format : List.of("table", "markdown")) {
      args.set(2, format);
      CliRun table = CliRun.of(args.toArray(String[]::new));
      assertThat(table.code()).isZero();
      assertThat(table.out()).as(format).contains(footnote.toString());
      for (JsonNode p : json.get("participants_excluded")) {
        assertThat(table.out()).as(format).contains("Arm " + p.get("arm").asText() + ": " + p.get("count").asInt()
            + " participant(s) left out of " + p.get("outcome").asText() + " (" + p.get("reason").asText() + ")");
      }
    }
  }

  /** Data rows: long format, non-blank lines after the header; wide, participant rows x score columns. */
  private static int dataRows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.replace(",", "").isBlank()).collect(Collectors.toList());
    String header = lines.get(0);
    if (header.contains(",visit,")) {
      return lines.size() - 1;
    }
    int scoreColumns = (int) List.of(header.split(",")).stream().filter(c -> c.startsWith("caps_total_")).count();
    return (lines.size() - 1) * scoreColumns;
  }

  /**
   * The messy file without its week6 rows, counted by hand: visits screening (week -2), baseline,
   * week12, so the only post-baseline visit is the endpoint and no row is used by a repeated-measures
   * model.
   */
  @Test
  void messyFileCountedByHand() throws IOException {
    // Only screening, baseline and week12: no intermediate visit, so no repeated-measures rows.
    String twoVisits = MESSY.lines().filter(l -> !l.contains(",week6,")).collect(Collectors.joining("\n")) + "\n";
    Path f = tmp.resolve("two.csv");
    Files.writeString(f, twoVisits);
    CliRun run = CliRun.of("analyze", "--format", "json", "--baseline", "baseline", f.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = MAPPER.readTree(run.out());
    // Hand count: 16 data rows (18 lines with content minus the header and the ",,,," row);
    // visit_not_analysed: A1 and B1 screening = 2; missing_score: A2 baseline NA, A3 week12 "." = 2;
    // used: 16 - 4 = 12.
    assertThat(json.get("rows").toString()).isEqualTo("{\"read\":16,\"used\":12,\"excluded\":["
        + "{\"reason\":\"missing_score\",\"count\":2},{\"reason\":\"visit_not_analysed\",\"count\":2}]}");
    // Hand count: completers A1, A4 (Drug), B1, B2, B3 (Placebo). Loss of diagnosis needs both
    // diagnoses: A4's week12 diagnosis is empty -> 1 Drug participant left out of loss_of_diagnosis.
    // A4's week12 score 35 is above the remission cut-off (11): no remission, whatever the diagnosis
    // (docs/methods.md, "Unknown diagnoses"), so A4 stays in remission's denominator.
    assertThat(json.get("participants_excluded").toString()).isEqualTo("["
        + "{\"arm\":\"Drug\",\"outcome\":\"loss_of_diagnosis\",\"reason\":\"unknown_diagnosis\",\"count\":1}]");
    CliRun table = CliRun.of("analyze", "--baseline", "baseline", f.toString());
    assertThat(table.out()).contains("Rows: 16 read, 12 used, 2 missing_score, 2 visit_not_analysed.",
        "Arm Drug: 1 participant(s) left out of loss_of_diagnosis (unknown_diagnosis).")
        .doesNotContain("left out of remission");
  }

  // ---------------------------------------------------------------------------------------------
  // CSV injection

  private static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"click\")";
  private static final List<String> DANGEROUS = List.of(FORMULA, "+1", "-x", "@SUM(1+1)");

  private Path injectionFile() throws IOException {
    StringBuilder sb = new StringBuilder("participant_id,arm,visit,caps_total\n");
    int id = 0;
    int[][] scores = {{40, 20}, {50, 45}, {45, 40}, {44, 30}, {60, 20}, {38, 37}};
    for (String arm : DANGEROUS) {
      String cell = "\"" + arm.replace("\"", "\"\"") + "\"";
      for (int[] s : scores) {
        id++;
        // Participant ids that look like formulas too; they are not printed, but must not break anything.
        String pid = "=P" + id;
        sb.append(pid).append(',').append(cell).append(",baseline,").append(s[0] + id % 3).append('\n');
        sb.append(pid).append(',').append(cell).append(",end,").append(s[1] + id % 5).append('\n');
      }
    }
    Path f = tmp.resolve("injection.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void csvAndTsvNeutraliseFormulasButNotNumbers() throws IOException {
    Path f = injectionFile();
    for (String format : List.of("csv", "tsv")) {
      CliRun run = CliRun.of("analyze", "--format", format, "--control", FORMULA, f.toString());
      assertThat(run.code()).as(run.err()).isZero();
      CSVFormat parse = format.equals("csv") ? CSVFormat.RFC4180 : CSVFormat.TDF;
      List<CSVRecord> records = parse.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(run.out())).getRecords();
      assertThat(records).isNotEmpty();
      Set<String> armsSeen = new java.util.TreeSet<>();
      boolean negativeNumber = false;
      for (CSVRecord r : records) {
        for (String col : List.of("arm", "treatment", "control")) {
          String v = r.get(col);
          if (!v.isEmpty()) {
            assertThat(v).as(format + " " + col).startsWith("'");
            assertThat(DANGEROUS).as(format + " " + col).contains(v.substring(1));
            armsSeen.add(v.substring(1));
          }
        }
        for (String col : List.of("estimate", "ci_low", "ci_high", "p", "n")) {
          String v = r.get(col);
          if (!v.isEmpty()) {
            assertThat(v).as(format + " " + col).doesNotStartWith("'");
            assertThat(Double.parseDouble(v)).isFinite();
            negativeNumber |= v.startsWith("-");
          }
        }
      }
      assertThat(armsSeen).containsExactlyInAnyOrderElementsOf(DANGEROUS);
      assertThat(negativeNumber).as("some negative numbers are printed, unprefixed").isTrue();
    }
  }

  @Test
  void jsonKeepsTheRawNames() throws IOException {
    Path f = injectionFile();
    CliRun run = CliRun.of("analyze", "--format", "json", "--control", FORMULA, f.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = MAPPER.readTree(run.out());
    List<String> arms = new ArrayList<>();
    json.get("arms").forEach(a -> arms.add(a.get("arm").asText()));
    assertThat(arms).containsExactlyElementsOf(DANGEROUS);
    assertThat(json.get("settings").get("control").asText()).isEqualTo(FORMULA);
    List<String> treatments = new ArrayList<>();
    json.get("comparisons").forEach(c -> {
      treatments.add(c.get("treatment").asText());
      assertThat(c.get("control").asText()).isEqualTo(FORMULA);
    });
    assertThat(treatments).containsExactly("+1", "-x", "@SUM(1+1)");
  }

  // ---------------------------------------------------------------------------------------------
  // --output

  private Path goodInput() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in")).resolve("good.csv");
    Files.writeString(in, BadInputTest.GOOD);
    return in;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void outputIsWrittenWithoutLeavingTemporaryFiles() throws IOException {
    Path in = goodInput();
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path target = outDir.resolve("result.json");
    CliRun run = CliRun.of("analyze", "--format", "json", "--output", target.toString(), in.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(names(outDir)).containsExactly("result.json");
    String first = Files.readString(target);
    assertThat(CliRun.withoutProvenance(first))
        .isEqualTo(CliRun.of("analyze", "--format", "json", in.toString()).results());

    // Overwriting an existing output replaces it whole, again without leftovers.
    Files.writeString(target, "OLD CONTENT THAT IS LONGER THAN NOTHING ".repeat(1000));
    CliRun again = CliRun.of("analyze", "--format", "json", "-o", target.toString(), in.toString());
    assertThat(again.code()).isZero();
    assertThat(CliRun.withoutProvenance(Files.readString(target))).isEqualTo(CliRun.withoutProvenance(first));
    assertThat(names(outDir)).containsExactly("result.json");
  }

  @Test
  void failedRunLeavesTheTargetUnchanged() throws IOException {
    Path in = goodInput();
    Path bad = in.resolveSibling("bad.csv");
    Files.writeString(bad, BadInputTest.replaceLine(4, "A2,Drug,baseline,500,1"));
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path target = outDir.resolve("result.csv");
    Files.writeString(target, "previous results\n");
    CliRun run = CliRun.of("analyze", "--format", "csv", "--fail-fast", "--output", target.toString(), in.toString(),
        bad.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    BadInputTest.assertClean(run);
    assertThat(Files.readString(target)).isEqualTo("previous results\n");
    assertThat(names(outDir)).containsExactly("result.csv");

    // No output file at all is created when the run fails.
    Path absent = outDir.resolve("new.csv");
    assertThat(CliRun.of("analyze", "-o", absent.toString(), bad.toString()).code()).isEqualTo(ExitCode.DATA);
    assertThat(names(outDir)).containsExactly("result.csv");
  }

  @Test
  void outputNeverOverwritesAnInputWhateverItsSpelling() throws IOException {
    Path in = goodInput();
    String original = Files.readString(in);
    Path link = tmp.resolve("link.csv");
    Files.createSymbolicLink(link, in);
    for (String spelling : List.of(in.toString(), in.getParent().resolve(".").resolve("good.csv").toString(),
        in.getParent().resolve("..").resolve("in").resolve("good.csv").toString(), link.toString())) {
      CliRun run = CliRun.of("analyze", "--output", spelling, in.toString());
      assertThat(run.code()).as(spelling).isEqualTo(ExitCode.USAGE);
      BadInputTest.assertClean(run);
      assertThat(run.err()).contains("is an input file");
      assertThat(Files.readString(in)).isEqualTo(original);
      // And with the input given through the other spelling.
      CliRun swapped = CliRun.of("analyze", "--output", in.toString(), spelling);
      assertThat(swapped.code()).as(spelling).isEqualTo(ExitCode.USAGE);
      assertThat(Files.readString(in)).isEqualTo(original);
    }
    assertThat(names(in.getParent())).containsExactly("good.csv");
  }

  @Test
  void unwritableTargetsAreUsageErrors() throws IOException {
    Path in = goodInput();
    Path dir = Files.createDirectories(tmp.resolve("adir"));
    CliRun toDir = CliRun.of("analyze", "--output", dir.toString(), in.toString());
    assertThat(toDir.code()).isEqualTo(ExitCode.USAGE);
    BadInputTest.assertClean(toDir);
    assertThat(toDir.err()).contains("is a directory");

    CliRun noDir = CliRun.of("analyze", "--output", tmp.resolve("no/such/dir/r.json").toString(), in.toString());
    assertThat(noDir.code()).isEqualTo(ExitCode.USAGE);
    BadInputTest.assertClean(noDir);
    assertThat(noDir.err()).contains("cannot write", "does not exist");
  }
}
