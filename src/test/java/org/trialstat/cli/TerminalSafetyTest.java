package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16 item 21: terminal escape sequences (screen clear, window title), line breaks and bidi overrides
 * in arm and visit names are shown escaped in tables, Markdown, messages and the {@code verify} report;
 * JSON keeps the names as they are. Each test fails before the fix (the names were printed raw).
 */
class TerminalSafetyTest {

  /** Clear screen, set window title, right-to-left override, a line break, a pipe (Markdown cell). */
  private static final String CLEAR = "\u001b[2J";
  private static final String TITLE = "\u001b]0;pwned\u0007";
  private static final String RLO = "\u202e";
  private static final String EVIL_ARM = "Drug" + CLEAR + TITLE + RLO + "gnuD";
  private static final String LINE_BREAK_ARM = "Pla|cebo\nline two";
  private static final String EVIL_VISIT = "week" + RLO + "81";
  private static final List<String> RAW = List.of("\u001b", "\u0007", RLO, "cebo\nline");

  @TempDir
  Path tmp;

  private Path trial() throws IOException {
    StringBuilder sb = new StringBuilder("participant_id,arm,visit,week,caps_total\n");
    for (int i = 0; i < 8; i++) {
      String arm = i < 4 ? EVIL_ARM : LINE_BREAK_ARM;
      String quoted = "\"" + arm + "\"";
      sb.append("P").append(i).append(',').append(quoted).append(",baseline,0,").append(40 + i).append('\n');
      sb.append("P").append(i).append(',').append(quoted).append(',').append(EVIL_VISIT).append(",18,")
          .append(i < 4 ? 20 + i : 35 + i).append('\n');
    }
    Path p = tmp.resolve("trial.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  private static void assertNoRaw(String text) {
    for (String raw : RAW) {
      assertThat(text).as("raw %s", raw.codePoints().mapToObj(Integer::toHexString).toList()).doesNotContain(raw);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "markdown"})
  void tablesShowNamesEscaped(String format) throws IOException {
    CliRun run = CliRun.of("analyze", "--format", format, "--control", LINE_BREAK_ARM, trial().toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertNoRaw(run.out());
    assertNoRaw(run.err());
    assertThat(run.out()).contains("Drug\\u001B[2J\\u001B]0;pwned\\u0007\\u202EgnuD", "week\\u202E81");
    if (format.equals("markdown")) {
      assertThat(run.out()).contains("Pla\\|cebo\\nline two");
    } else {
      assertThat(run.out()).contains("Pla|cebo\\nline two");
    }
  }

  @Test
  void jsonKeepsNamesAsTheyAre() throws IOException {
    CliRun run = CliRun.of("analyze", "--format", "json", "--control", LINE_BREAK_ARM, trial().toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Drug\\u001b[2J\\u001b]0;pwned\\u0007" + RLO + "gnuD", "Pla|cebo\\nline two");
  }

  @Test
  void messagesShowNamesEscaped() throws IOException {
    CliRun run = CliRun.of("analyze", "--control", "Sham" + CLEAR + "\nx", trial().toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertNoRaw(run.err());
    assertThat(run.err().strip()).doesNotContain("\n").contains("Sham\\u001B[2J\\nx");
    assertThat(run.err()).contains("Drug\\u001B[2J");
  }

  @Test
  void verifyReportShowsClaimsEscaped() throws IOException {
    Files.copy(Path.of("samples/published/studies/mapp1.csv"), tmp.resolve("mapp1.csv"));
    Path claims = tmp.resolve("claims.csv");
    Files.writeString(claims, "file,command,statistic,expected,compare,tolerance,source\n"
        + "mapp1.csv,summary,\"comparisons[study=MAPP1,treatment=MDMA,control=Placebo].cohens_d.estimate\",0.91,abs,,"
        + "\"Mitchell" + CLEAR + RLO + "\nforged PASS line\"\n"
        + "mapp1.csv,summary,\"arms[arm=X" + TITLE + "].n\",1,abs,,\n", StandardCharsets.UTF_8);
    Path junit = tmp.resolve("report.xml");
    CliRun run = CliRun.of("verify", "--junit", junit.toString(), claims.toString());
    assertNoRaw(run.out());
    assertNoRaw(run.err());
    assertThat(run.out()).contains("Mitchell\\u001B[2J\\u202E\\nforged PASS line", "X\\u001B]0;pwned\\u0007");
    assertThat(run.out().lines()).hasSize(3);
    String xml = Files.readString(junit);
    assertThat(xml).doesNotContain(RLO).contains("\\u202E");
  }
}
