package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --baseline-col} / {@code --change-col} on rbmi's antidepressant data (no baseline records;
 * BASVAL and CHANGE on every post-baseline record), read in place from {@code ../shared/rbmi/}, against
 * R: {@code src/test/resources/io/baseline_col/make_reference.R} and its output {@code reference.txt}
 * (Welch t.test and lm ANCOVA of CHANGE at visit 7). Tolerance 1e-9 absolute (both are closed-form).
 */
class BaselineColumnTest {

  private static final Path DATA = Path.of("..", "shared", "rbmi", "antidepressant_data.csv");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;

  private static Map<String, Double> reference() throws IOException {
    Map<String, Double> m = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("src", "test", "resources", "io", "baseline_col", "reference.txt"))) {
      String[] kv = line.split(" ");
      m.put(kv[0], Double.parseDouble(kv[1]));
    }
    return m;
  }

  private static CliRun run(Path file, String... extra) {
    String[] base = {"analyze", "--id-col", "PATIENT", "--arm-col", "THERAPY", "--visit-col", "VISIT", "--score-col",
        "HAMDTL17", "--baseline-col", "BASVAL", "--change-col", "CHANGE", "--scale", "none", "--control", "PLACEBO"};
    String[] args = new String[base.length + extra.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    args[args.length - 1] = file.toString();
    return CliRun.of(args);
  }

  @Test
  void dataWithoutBaselineRecordsMatchR() throws IOException {
    Assumptions.assumeTrue(Files.exists(DATA), "../shared/rbmi/antidepressant_data.csv is absent: skipped");
    Map<String, Double> ref = reference();
    CliRun r = run(DATA, "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    JsonNode c = json.get("comparisons").get(0);
    assertThat(c.get("welch").get("estimate").asDouble()).isCloseTo(ref.get("welch_estimate"), within(1e-9));
    assertThat(c.get("welch").get("p").asDouble()).isCloseTo(ref.get("welch_p"), within(1e-9));
    assertThat(c.get("ancova").get("estimate").asDouble()).isCloseTo(ref.get("ancova_estimate"), within(1e-9));
    assertThat(c.get("ancova").get("ci_low").asDouble()).isCloseTo(ref.get("ancova_low"), within(1e-9));
    assertThat(c.get("ancova").get("ci_high").asDouble()).isCloseTo(ref.get("ancova_high"), within(1e-9));
    assertThat(json.get("notes").toString()).contains("Baseline: " + ref.get("participants").intValue()
        + " participant(s) without a record at visit Baseline took the baseline score from BASVAL")
        .doesNotContain("Warning");
  }

  @Test
  void disagreementIsANoteAndUnderStrictAnError() throws IOException {
    Assumptions.assumeTrue(Files.exists(DATA), "../shared/rbmi/antidepressant_data.csv is absent: skipped");
    String text = Files.readString(DATA, StandardCharsets.UTF_8);
    Path f = tmp.resolve("bad_change.csv");
    // the first record: "1503",21,2,7,"4","DRUG","F","006",32,21,-11 -> CHANGE -10 (HAMDTL17 - BASVAL is -11)
    Files.writeString(f, text.replaceFirst(",32,21,-11", ",32,21,-10"));
    CliRun r = run(f);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Warning: CHANGE differs from score - baseline on 1 record(s) (first: line 2,"
        + " participant \"1503\": CHANGE -10 but HAMDTL17 - BASVAL = -11)");
    CliRun strict = run(f, "--strict");
    assertThat(strict.code()).isEqualTo(3);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err()).contains("bad_change.csv:2:11: participant \"1503\": CHANGE -10 but HAMDTL17 - BASVAL = -11");
  }

  @Test
  void changeColNeedsBaselineCol() {
    CliRun r = CliRun.of("analyze", "--change-col", "CHG", "samples/mapp1_like.csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--change-col CHG: give --baseline-col too");
  }
}
