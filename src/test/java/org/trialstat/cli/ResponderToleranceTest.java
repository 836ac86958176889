package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 14: the responder tolerance is a few ulps of the scores, not 1e-9 relative. Hand counts. */
class ResponderToleranceTest {

  @TempDir
  Path tmp;

  private JsonNode response(String rows, String... options) throws IOException {
    Path f = tmp.resolve("t.csv");
    Files.writeString(f, "participant_id,arm,visit,caps_total\n" + rows, StandardCharsets.UTF_8);
    CliRun run = CliRun.analyzeJson(f, options);
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static String pairs(String arm, double base, double end, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(arm).append(i).append(',').append(arm).append(",baseline,").append(base).append('\n');
      b.append(arm).append(i).append(',').append(arm).append(",end,").append(end).append('\n');
    }
    return b.toString();
  }

  /** Scores near 1e10 with no change: 0 of 5 responders by hand (a relative 1e-9 slack gave 5 of 5). */
  @Test
  void hugeScoresWithoutChangeAreNoResponders() throws IOException {
    JsonNode r = response(pairs("Drug", 1e10, 1e10, 5) + pairs("Placebo", 1e10, 1e10 + 1, 5), "--scale", "none",
        "--control", "Placebo");
    JsonNode drug = r.findValue("arms").get(0);
    assertThat(drug.at("/response/events").asInt()).isZero();
    assertThat(drug.at("/response/n").asInt()).isEqualTo(5);
  }

  /** 40.3 to 30.3 is a drop of exactly 10 in decimal: 3 of 3 responders by hand. */
  @Test
  void decimalDropOfExactlyTheThresholdCounts() throws IOException {
    JsonNode r = response(pairs("Drug", 40.3, 30.3, 3) + pairs("Placebo", 40.3, 35.3, 3), "--control", "Placebo");
    JsonNode drug = r.findValue("arms").get(0);
    assertThat(drug.at("/response/events").asInt()).isEqualTo(3);
  }
}
