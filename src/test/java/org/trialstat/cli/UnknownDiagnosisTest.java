package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empty diagnosis cells decide each endpoint from what is known (issue 16 item 18; docs/methods.md,
 * "Unknown diagnoses"). The expected counts are hand counts of the eight participants below, written
 * beside each case; CAPS-5 remission cut-off 11.
 */
class UnknownDiagnosisTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  // T1: dx 1 -> endpoint 10, dx empty   remission: score <= 11, dx unknown; loss: endpoint dx unknown
  // T2: dx 1 -> endpoint 30, dx empty   remission: no (score above the cut-off decides); loss: unknown
  // T3: dx 1 -> endpoint 5, dx 0        remission yes; loss yes
  // T4: dx empty -> endpoint 20, dx 0   remission no (score 20); loss: baseline dx unknown
  // T5: dx 1, no endpoint               a non-completer
  // P1: dx 1 -> 35, dx 1; P2: dx 1 -> 8, dx 0; P3: dx 0 -> 38, dx 0 (not in loss's denominator)
  private static final String TRIAL = """
      participant_id,arm,visit,week,caps_total,ptsd_dx
      T1,MDMA,baseline,0,40,1
      T1,MDMA,end,18,10,
      T2,MDMA,baseline,0,40,1
      T2,MDMA,end,18,30,
      T3,MDMA,baseline,0,40,1
      T3,MDMA,end,18,5,0
      T4,MDMA,baseline,0,40,
      T4,MDMA,end,18,20,0
      T5,MDMA,baseline,0,40,1
      P1,Placebo,baseline,0,40,1
      P1,Placebo,end,18,35,1
      P2,Placebo,baseline,0,40,1
      P2,Placebo,end,18,8,0
      P3,Placebo,baseline,0,40,0
      P3,Placebo,end,18,38,0
      """;

  @TempDir
  Path tmp;

  private JsonNode analyze(String... options) throws Exception {
    Path f = tmp.resolve("trial.csv");
    Files.writeString(f, TRIAL);
    CliRun run = CliRun.analyzeJson(f, options);
    assertThat(run.code()).as(run.err()).isZero();
    return MAPPER.readTree(run.out());
  }

  private static int[] rate(JsonNode result, int arm, String endpoint) {
    JsonNode r = result.get("arms").get(arm).get(endpoint);
    return new int[] {r.get("events").asInt(), r.get("n").asInt()};
  }

  private static int unknown(JsonNode result, String arm, String endpoint) {
    int count = 0;
    for (JsonNode e : result.get("participants_excluded")) {
      if (e.get("arm").asText().equals(arm) && e.get("outcome").asText().equals(endpoint)
          && e.get("reason").asText().equals("unknown_diagnosis")) {
        count += e.get("count").asInt();
      }
    }
    return count;
  }

  @Test
  void completersLeaveOutOnlyTheUndecided() throws Exception {
    JsonNode r = analyze("--control", "Placebo");
    // MDMA remission: T1 unknown, T2 no, T3 yes, T4 no -> 1 of 3, 1 unknown
    assertThat(rate(r, 0, "remission")).containsExactly(1, 3);
    assertThat(unknown(r, "MDMA", "remission")).isEqualTo(1);
    // MDMA loss of diagnosis: T1, T2 (endpoint) and T4 (baseline) unknown, T3 yes -> 1 of 1, 3 unknown
    assertThat(rate(r, 0, "loss_of_diagnosis")).containsExactly(1, 1);
    assertThat(unknown(r, "MDMA", "loss_of_diagnosis")).isEqualTo(3);
    // Placebo: remission P2 of P1..P3 -> 1 of 3; loss P2 of P1, P2 -> 1 of 2
    assertThat(rate(r, 1, "remission")).containsExactly(1, 3);
    assertThat(rate(r, 1, "loss_of_diagnosis")).containsExactly(1, 2);
  }

  @Test
  void nonresponderImputationCountsAMissingEndpointDiagnosisAsNoEvent() throws Exception {
    JsonNode r = analyze("--control", "Placebo", "--missing", "nonresponder");
    // MDMA remission: T1 no (missing = no event), T2 no, T3 yes, T4 no, T5 no -> 1 of 5, none unknown
    assertThat(rate(r, 0, "remission")).containsExactly(1, 5);
    assertThat(unknown(r, "MDMA", "remission")).isZero();
    // MDMA loss: T1 no, T2 no, T3 yes, T5 no (no endpoint); T4 unknown at baseline -> 1 of 4, 1 unknown
    assertThat(rate(r, 0, "loss_of_diagnosis")).containsExactly(1, 4);
    assertThat(unknown(r, "MDMA", "loss_of_diagnosis")).isEqualTo(1);
  }
}
