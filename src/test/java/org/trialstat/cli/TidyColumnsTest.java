package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 25: the tidy CSV keeps what JSON keeps (se, t, df, conf_level, reason, appended at the
 * end), a 0.5-corrected ratio says so in its method, and summary's warnings reach stderr in every format.
 * The numbers are compared with the same run's JSON (same computation, other writer); their values are
 * tested against R elsewhere (SummaryAnalysisTest, MeanDifferenceTestTest).
 */
class TidyColumnsTest {

  @TempDir
  Path tmp;

  private Path write(String name, String content) throws IOException {
    return TestFiles.write(tmp, name, content);
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords();
  }

  private static CSVRecord row(List<CSVRecord> rows, String outcome, String statistic) {
    return rows.stream().filter(r -> r.get("outcome").equals(outcome) && r.get("statistic").equals(statistic))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + outcome + "/" + statistic));
  }

  @Test
  void appendedColumnsCarryWhatJsonCarries() throws IOException {
    CliRun run = CliRun.of("analyze", "--format", "csv", "samples/mapp1_like.csv");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow())
        .isEqualTo("file,study,arm,treatment,control,outcome,statistic,estimate,ci_low,ci_high,p,n,method,visit,week,"
            + "se,t,df,conf_level,reason");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        CliRun.of("analyze", "--format", "json", "samples/mapp1_like.csv").out());
    var welchJson = json.findValue("welch");
    CSVRecord welch = row(csv(run.out()), "change", "welch");
    assertThat(Double.parseDouble(welch.get("se"))).isEqualTo(welchJson.get("se").asDouble());
    assertThat(Double.parseDouble(welch.get("t"))).isEqualTo(welchJson.get("t").asDouble());
    assertThat(Double.parseDouble(welch.get("df"))).isEqualTo(welchJson.get("df").asDouble());
    assertThat(welch.get("conf_level")).isEqualTo("0.95");
    assertThat(row(csv(run.out()), "change", "cohens_d").get("conf_level")).isEqualTo("0.95");
    assertThat(row(csv(run.out()), "baseline", "sd").get("conf_level")).isEmpty();
  }

  @Test
  void zeroCellOddsRatioSaysSoInMethodAndReason() throws IOException {
    Path f = write("zero.csv", """
        study,arm,control,n,change_mean,change_sd,loss_of_diagnosis_events
        S,Drug,no,20,-20,10,8
        S,Placebo,yes,20,-10,10,0
        """);
    CliRun run = CliRun.of("summary", "--format", "csv", f.toString());
    assertThat(run.code()).as(run.err()).isZero();
    CSVRecord or = row(csv(run.out()), "loss_of_diagnosis", "odds_ratio");
    assertThat(or.get("method")).contains("0.5 added to every cell");
    assertThat(or.get("reason")).isEqualTo("0.5 added to every cell (zero cell)");
  }

  @Test
  void sdThatLooksLikeSeIsWarnedOnStderrInEveryFormat() throws IOException {
    // SDs of 2 for changes of -24.4 and -13.9 (the SEs of MAPP1, not its SDs): d about -5
    Path f = write("se.csv", """
        study,arm,control,n,change_mean,change_sd
        S,Drug,no,42,-24.4,1.79
        S,Placebo,yes,37,-13.9,1.89
        """);
    for (String format : List.of("csv", "tsv", "json", "table", "markdown")) {
      CliRun run = CliRun.of("summary", "--format", format, f.toString());
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.err()).as(format).contains("trialstat: warning: S:");
      assertThat(CliRun.of("summary", "--quiet", "--format", format, f.toString()).err()).isEmpty();
    }
  }
}
