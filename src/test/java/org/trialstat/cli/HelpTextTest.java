package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's --help renders cleanly: picocli formats descriptions with String.format. */
class HelpTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"analyze", "mmrm", "summary", "verify", "plot", "report"})
  void helpPrintsWithoutPicocliFormatWarnings(String command) {
    // picocli reports a description it cannot format ("% o" in a literal percent sign) on System.err.
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CliRun run;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      run = CliRun.of(command, "--help");
    } finally {
      System.setErr(saved);
    }
    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    assertThat(run.out()).doesNotContain("%%");
  }

  @ParameterizedTest
  @ValueSource(strings = {"analyze", "summary"})
  void percentSignsArePrintedLiterally(String command) {
    String out = CliRun.of(command, "--help").out();
    assertThat(out).containsAnyOf("PERCENT % of the", "and % no longer");
  }
}
