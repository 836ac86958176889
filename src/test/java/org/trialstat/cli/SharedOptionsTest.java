package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Options that several commands share through one mixin ({@link ResponderOptions}, {@link PerFileOptions}) or
 * one table ({@link ColumnOption}) behave and read the same in each command.
 */
class SharedOptionsTest {

  private static final String FILE = "samples/mapp1_like.csv";

  @ParameterizedTest
  @ValueSource(strings = {"analyze", "impute"})
  void aResponderRuleMustBePositive(String command) {
    CliRun pct = CliRun.of(command, "--baseline", "baseline", "--response-pct", "-5", FILE);
    assertThat(pct.code()).isEqualTo(2);
    assertThat(pct.err()).contains("--response-pct: expected a positive number; got -5.0");
    CliRun drop = CliRun.of(command, "--baseline", "baseline", "--response-drop", "0", FILE);
    assertThat(drop.code()).isEqualTo(2);
    assertThat(drop.err()).contains("--response-drop: expected a positive number; got 0.0");
  }

  @Test
  void theResponderOptionsReadTheSameInAnalyzeAndImpute() {
    assertThat(options(CliRun.of("impute", "--help").out(), "--response-drop", "--reference"))
        .isEqualTo(options(CliRun.of("analyze", "--help").out(), "--response-drop", "--missing"));
  }

  @Test
  void aBlankRequiredColumnIsAUsageErrorAndABlankOptionalOneMeansNone() {
    CliRun blank = CliRun.of("analyze", "--id-col=", FILE);
    assertThat(blank.code()).isEqualTo(2);
    assertThat(blank.err()).contains("--id-col: expected a column name; got a blank one");
    assertThat(CliRun.of("analyze", "--dx-col=", "--week-col=", FILE).code()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"analyze", "mmrm", "impute"})
  void theColumnOptionsStandAfterTheFilesAndStrictBeforeTheOutputOptions(String command) {
    String all = CliRun.of(command, "--help").out();
    String help = all.substring(all.indexOf("Trial files, or folders")); // the option list, past the synopsis
    assertThat(help).contains("--id-col=NAME", "Participant column (default: participant_id).",
        "Diagnosis column, optional (default: ptsd_dx).");
    List<String> order = List.of("--fail-fast", "--id-col=NAME", "--arm-col=NAME", "--visit-col=NAME",
        "--score-col=NAME", "--dx-col=NAME", "--week-col=NAME", "--input-shape=SHAPE", "--strict", "--format=FORMAT");
    for (int i = 1; i < order.size(); i++) {
      assertThat(help.indexOf(order.get(i))).as(order.get(i)).isGreaterThan(help.indexOf(order.get(i - 1)));
    }
  }

  /** The lines of a --help text from the option {@code from} up to, not including, the option {@code to}. */
  private static String options(String help, String from, String to) {
    int start = help.indexOf("      " + from);
    int end = help.indexOf("      " + to, start);
    return help.substring(start, end).replaceAll("(?m)^\\s+", " ").replaceAll("\\s+", " ");
  }
}
