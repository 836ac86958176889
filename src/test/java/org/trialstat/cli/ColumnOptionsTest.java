package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16 items 9 and 16: column options that are blank or name a column the file lacks. */
class ColumnOptionsTest {

  private static final String SAMPLE = "samples/mapp1_like.csv";

  @TempDir
  Path tmp;

  /** Item 9: a blank required column name is a usage error (was exit 4). */
  @ParameterizedTest
  @ValueSource(strings = {"--id-col", "--arm-col", "--visit-col", "--score-col"})
  void blankColumnNameIsExit2(String option) {
    CliRun run = CliRun.of("analyze", option, "", SAMPLE);
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(option, "blank").doesNotContain("\tat ");
  }

  /** Item 9: {@code mmrm --covariate ""} likewise. */
  @Test
  void blankCovariateIsExit2() {
    CliRun run = CliRun.of("mmrm", "--covariate", "", SAMPLE);
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--covariate").doesNotContain("\tat ");
  }

  /** Item 16: a misspelt optional column option is exit 2 listing the columns (was silently ignored). */
  @ParameterizedTest
  @ValueSource(strings = {"--week-col", "--dx-col", "--id-col", "--score-col"})
  void misspeltColumnOptionIsExit2ListingTheColumns(String option) {
    CliRun run = CliRun.of("analyze", option, "wek", SAMPLE);
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(option + " \"wek\"", "has no such column", "columns found:", "caps_total");
    assertThat(run.out()).isEmpty();
  }

  /** Item 16: a required column missing under its default name stays a data error (exit 3, documented). */
  @Test
  void requiredDefaultColumnMissingStaysExit3() throws IOException {
    Path f = tmp.resolve("t.csv");
    Files.writeString(f, "participant_id,arm,visit,score\nA1,Drug,baseline,40\nA1,Drug,end,20\n",
        StandardCharsets.UTF_8);
    CliRun run = CliRun.of("analyze", f.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.DATA);
  }

  /** A blank --dx-col still means "no diagnosis column" (docs/usage.md). */
  @Test
  void blankDiagnosisColumnMeansNone() {
    CliRun run = CliRun.of("analyze", "--dx-col", "", SAMPLE);
    assertThat(run.code()).as(run.err()).isZero();
  }
}
