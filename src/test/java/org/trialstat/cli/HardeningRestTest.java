package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression tests of issue 16 (hardening round 2) for the items of helper hard2 (16 rest, 22 rest); item
 * 21 is {@link TerminalSafetyTest}. Each fails before its fix; the item number is in each test's name.
 */
class HardeningRestTest {

  private static final Path SAMPLE = Path.of("samples", "mapp1_like.csv");

  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    return TestFiles.write(tmp, name, content);
  }

  private Path screeningAndFollowUp() throws IOException {
    StringBuilder sb = new StringBuilder("participant_id,arm,visit,week,caps_total\n");
    for (int i = 1; i <= 6; i++) {
      String arm = i <= 3 ? "Drug" : "Placebo";
      sb.append("P").append(i).append(',').append(arm).append(",screening,-2,").append(40 + i).append('\n')
          .append("P").append(i).append(',').append(arm).append(",baseline,0,").append(41 + i).append('\n')
          .append("P").append(i).append(',').append(arm).append(",week12,12,").append(30 + 2 * i).append('\n')
          .append("P").append(i).append(',').append(arm).append(",follow_up,,").append(28 + i).append('\n');
    }
    return write("screening.csv", sb.toString());
  }

  /** Item 16: a default baseline at week -2 and a default endpoint without a week each get a note. */
  @ParameterizedTest
  @ValueSource(strings = {"json", "table", "markdown"})
  void item16DefaultVisitsOfDoubtfulWeeksAreNoted(String format) throws IOException {
    CliRun run = CliRun.of("analyze", "--format", format, screeningAndFollowUp().toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Default baseline: visit 'screening' is the earliest visit, at week -2",
        "Default endpoint: visit 'follow_up' is taken as the latest visit because it has no week value");
  }

  /** Item 16: no such note when the visits are named, nor for ordinary files. */
  @Test
  void item16NamedVisitsGetNoNote() throws IOException {
    CliRun named = CliRun.of("analyze", "--format", "json", "--baseline", "screening", "--endpoint", "follow_up",
        screeningAndFollowUp().toString());
    assertThat(named.code()).as(named.err()).isZero();
    assertThat(named.out()).doesNotContain("Default baseline", "Default endpoint");
    CliRun sample = CliRun.of("analyze", "--format", "json", SAMPLE.toString());
    assertThat(sample.out()).doesNotContain("Default baseline", "Default endpoint");
  }

  private static final Path SEEDS = Path.of("src/test/resources/org/trialstat/io/TableSourceFuzzTestInputs");

  /**
   * Fuzz corpus (issue 16, "Done when"): parso reads 5 of the 7 variables of a sas7bdat file written by
   * haven::write_sas; that was reported as "no such column AVAL". Now the message says what happened.
   */
  @Test
  void sas7bdatThatParsoReadsInPartIsAnError() {
    CliRun run = CliRun.of("analyze", "--id-col", "USUBJID", "--arm-col", "TRTP", "--visit-col", "AVISIT",
        "--score-col", "AVAL", "--scale", "none", SEEDS.resolve("readSas7bdat/haven_escapes_screening.sas7bdat")
            .toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertThat(run.err()).contains("declares 7 variables but parso read the descriptions of 5")
        .doesNotContain("no such column");
  }

  /** The same data as SAS transport: read whole, the week -2 visit noted, the arm name escaped. */
  @Test
  void xptSeedIsReadWithItsScreeningNote() {
    CliRun run = CliRun.of("analyze", "--id-col", "USUBJID", "--arm-col", "TRTP", "--visit-col", "AVISIT",
        "--score-col", "AVAL", "--week-col", "AVISITN", "--scale", "none", "--control", "Placebo",
        SEEDS.resolve("readXpt/haven_escapes_screening.xpt").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Default baseline: visit 'SCREENING'", "Drug\\u001B[2J\\u202E")
        .doesNotContain("\u001b");
  }

  /** Item 22: an Excel {@code sep=;} first line names the delimiter; the header is the next line. */
  @ParameterizedTest
  @ValueSource(strings = {"sep=;\r\n", "SEP=;\n", "\"sep=;\"\n"})
  void item22ExcelSepLineIsHonoured(String sepLine) throws IOException {
    String semicolons = Files.readString(SAMPLE).replace(',', ';');
    Path withSep = write("sep.csv", sepLine + semicolons);
    Path plain = write("plain.csv", semicolons);
    CliRun a = CliRun.of("analyze", "--format", "json", withSep.toString());
    CliRun b = CliRun.of("analyze", "--format", "json", plain.toString());
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.results().replace("sep.csv", "plain.csv")).isEqualTo(b.results());
  }

  /** Item 22: the same in a summary file, and a data error keeps the file's own line numbers. */
  @Test
  void item22ExcelSepLineInSummaryFiles() throws IOException {
    String summary = Files.readString(Path.of("samples/published/studies/mapp1.csv"));
    Path p = write("mapp1.csv", "sep=,\n" + summary);
    CliRun run = CliRun.of("summary", "--format", "json", p.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Path bad = write("bad.csv", "sep=,\n" + summary.replace("-24.4", "abc"));
    CliRun err = CliRun.of("summary", bad.toString());
    assertThat(err.code()).isEqualTo(ExitCode.DATA);
    assertThat(err.err()).contains("bad.csv:3:");
  }

  @Test
  void item22UnsupportedSepLineIsAClearError() throws IOException {
    CliRun run = CliRun.of("analyze", write("pipe.csv", "sep=|\nparticipant_id|arm|visit|caps_total\n").toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertThat(run.err()).contains("pipe.csv:1:1", "sep=|", "expected sep=, sep=; or sep= and a tab");
  }

  /** Item 22: a header name with a zero-width space is shown escaped, and the message says why. */
  @Test
  void item22InvisibleCharactersInHeaderNamesAreShown() throws IOException {
    Path p = write("zw.csv", "participant_id,arm,visit,week,caps\u200b_total\nP1,A,baseline,0,40\n");
    CliRun run = CliRun.of("analyze", p.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertThat(run.err()).doesNotContain("\u200b")
        .contains("did you mean 'caps\\u200B_total', whose name holds invisible or control characters?");
  }

  /** Item 22: {@code -o /proc/x.json} says that the folder takes no files, not that it does not exist. */
  @Test
  void item22OutputIntoProcSaysWhatIsWrong() {
    assumeTrue(Files.isDirectory(Path.of("/proc", "self")), "needs Linux /proc");
    CliRun run = CliRun.of("analyze", "-o", "/proc/x.json", SAMPLE.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("/proc does not take new files").doesNotContain("does not exist");
  }

  /**
   * Item 22: a --junit report that cannot be written is named as --junit and reported before any claim
   * line is printed (the report was printed first, so the run looked complete).
   */
  @Test
  void item22JunitWriteErrorComesFirstAndNamesJunit() {
    assumeTrue(Files.isDirectory(Path.of("/proc", "self")), "needs Linux /proc");
    CliRun run = CliRun.of("verify", "--junit", "/proc/claims.xml", "samples/published/expected.csv");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--junit /proc/claims.xml").doesNotContain("--output");
    assertThat(run.out()).as("nothing printed before the error").isEmpty();
  }
}
