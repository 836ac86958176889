package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz test of the whole {@code trialstat analyze} command: any file contents, under several option
 * sets, give exit 0 with complete output (no NaN, no Infinity; valid JSON), or exit 3 (data error) or 2
 * (an option names what the file lacks) with a one- or two-line message and nothing on stdout; never
 * exit 4 (internal error) and never an exception out of {@code Main.run}.
 *
 * <p>Under a plain {@code mvn test} (JAZZER_FUZZ unset) Jazzer replays the empty input and the seed
 * corpus {@code src/test/resources/org/trialstat/cli/AnalyzeFuzzTestInputs/analyzeAnyBytes/} (a
 * second or two). To fuzz for real, coverage-guided, for {@code maxDuration}:
 * <pre>JAZZER_FUZZ=1 mvn test -Dtest=AnalyzeFuzzTest</pre>
 * (see docs/errors.md). A crashing input is written into the seed directory, where it becomes a
 * regression test: keep it, fix the bug.
 */
class AnalyzeFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path FILE;

  static {
    try {
      Path dir = Files.createTempDirectory("trialstat-fuzz");
      dir.toFile().deleteOnExit();
      FILE = dir.resolve("fuzz.csv");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Option sets: defaults; strict long with other rules; wide-friendly with no range check. */
  private static final List<List<String>> OPTIONS = List.of(
      List.of("--format", "json"),
      List.of("--format", "csv", "--strict", "--missing", "nonresponder", "--response-pct", "30",
          "--input-shape", "long", "--conf-level", "0.9"),
      List.of("--format", "table", "--scale", "none", "--remission-max", "11", "--control", "Placebo",
          "--baseline", "baseline"));

  @FuzzTest(maxDuration = "5m")
  void analyzeAnyBytes(byte[] input) throws IOException {
    Files.write(FILE, input);
    for (List<String> options : OPTIONS) {
      List<String> args = new ArrayList<>();
      args.add("analyze");
      args.addAll(options);
      args.add(FILE.toString());
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.code()).as(run.err()).isIn(ExitCode.OK, ExitCode.USAGE, ExitCode.DATA);
      if (run.code() == ExitCode.OK) {
        assertThat(run.out()).isNotEmpty().doesNotContain("NaN", "Infinity");
        assertThat(run.err()).isEmpty();
        if (options.get(1).equals("json")) {
          assertThat(MAPPER.readTree(run.out()).get("rows").get("read").asInt()).isPositive();
        }
      } else {
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("trialstat: ").doesNotContain("internal error", "\tat ");
        assertThat(run.err().lines().count()).isBetween(1L, 2L);
      }
    }
  }
}
