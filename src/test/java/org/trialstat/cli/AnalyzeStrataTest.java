package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code analyze --strata}: the JSON block {@code comparisons[].<endpoint>.cmh} and its CSV rows. */
class AnalyzeStrataTest {

  private static final String FILE = "src/test/resources/binary/stratified_trial.csv";

  private static JsonNode cmh() throws Exception {
    final CliRun run = CliRun.of("analyze", "--format", "json", "--strata", "site", "--strata", "severity", FILE);
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out()).get("comparisons").get(0).get("response").get("cmh");
  }

  /**
   * R 4.2.2, metafor 3.8.1: src/test/resources/binary/make_stratified_trial.R (output committed as
   * make_stratified_trial.out, sprintf('%.17g')): mantelhaen.test (test = correct = TRUE,
   * test_uncorrected = FALSE), rma.mh(measure = "RD" / "RR" / "OR"), and rma.mh's Tarone (TA) and BD on
   * the strata with both arms. Tolerance 1e-8 relative (closed forms in R).
   */
  @ParameterizedTest(name = "response.cmh.{0} = {1}")
  @CsvSource({
      "test.statistic, 10.165431333239365",
      "test.p, 0.0014309843295859006",
      "test_uncorrected.statistic, 11.289998495565376",
      "test_uncorrected.p, 0.00077925744606062463",
      "risk_difference.estimate, 0.28840474082738915",
      "risk_difference.ci_low, 0.12655514783370569",
      "risk_difference.ci_high, 0.45025433382107261",
      "risk_difference.p, 0.00047848615579642597",
      "risk_ratio.estimate, 1.7524416866991654",
      "risk_ratio.ci_low, 1.2383226835201984",
      "risk_ratio.ci_high, 2.4800093757072195",
      "risk_ratio.p, 0.0015430796963579096",
      "odds_ratio.estimate, 3.3047500573678423",
      "odds_ratio.ci_low, 1.6392536115657808",
      "odds_ratio.ci_high, 6.6624059051124433",
      "odds_ratio.p, 0.00083296059955006497",
      "breslow_day_tarone.statistic, 0.67112006159293225",
      "breslow_day_tarone.df, 4",
      "breslow_day_tarone.p, 0.95484206591257803",
      "breslow_day.statistic, 0.67162048960683451",
      "breslow_day.p, 0.95478202358455733",
  })
  void matchesR(String path, double expected) throws Exception {
    JsonNode node = cmh();
    for (String part : path.split("\\.")) {
      node = node.get(part);
    }
    assertThat(node.asDouble()).isCloseTo(expected, within(1e-8 * Math.abs(expected)));
  }

  @Test
  void blockLayout() throws Exception {
    final JsonNode cmh = cmh();
    assertThat(cmh.get("strata").asInt()).isEqualTo(6);
    assertThat(cmh.get("strata_used").asInt()).isEqualTo(5);
    assertThat(cmh.get("note").asText()).isEqualTo("1 stratum with one arm only left out (site=C, severity=severe)");
    assertThat(cmh.get("risk_ratio").has("se_log")).isTrue();
    assertThat(cmh.get("risk_difference").has("se")).isTrue();
    assertThat(cmh.get("test").get("method").asText())
        .isEqualTo("Cochran-Mantel-Haenszel chi-squared test with continuity correction");
  }

  @Test
  void noCmhWithoutStrata() throws Exception {
    final CliRun run = CliRun.of("analyze", "--format", "json", FILE);
    final JsonNode response = new ObjectMapper().readTree(run.out()).get("comparisons").get(0).get("response");
    assertThat(response.has("cmh")).isFalse();
  }

  @Test
  void csvRows() {
    final CliRun run = CliRun.of("analyze", "--format", "csv", "--strata", "site", "--strata", "severity", FILE);
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains(",response,cmh,", ",response,cmh_uncorrected,", ",response,mh_risk_difference,",
        ",response,mh_risk_ratio,", ",response,mh_odds_ratio,", ",response,breslow_day,",
        ",response,breslow_day_tarone,");
  }

  @Test
  void unknownStrataColumn() {
    final CliRun run = CliRun.of("analyze", "--strata", "region", FILE);
    assertThat(run.code()).isNotZero();
    assertThat(run.err()).contains("region");
  }

  /** A participant with an empty site cell: left out of the CMH block only, with a note. */
  @Test
  void emptyStrataCellIsLeftOutWithANote(@TempDir Path dir) throws Exception {
    final List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(FILE), StandardCharsets.UTF_8));
    for (int i = 1; i <= 2; i++) { // S001's two rows
      lines.set(i, lines.get(i).replace(",B,severe", ",,severe"));
    }
    final Path file = dir.resolve("empty_site.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    final CliRun run = CliRun.of("analyze", "--format", "json", "--strata", "site", "--strata", "severity",
        file.toString());
    assertThat(run.code()).as(run.err()).isZero();
    final JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("notes").toString())
        .contains("1 participant with an empty strata cell (site, severity) left out of the stratified analysis.");
    assertThat(root.get("comparisons").get(0).get("response").get("cmh").get("strata").asInt()).isEqualTo(6);
    // counted in the accounting of participants, as a missing ANCOVA covariate is (S001 is in arm Drug)
    assertThat(root.get("participants_excluded").toString())
        .contains("{\"arm\":\"Drug\",\"outcome\":\"cmh\",\"reason\":\"missing_strata\",\"count\":1}");
  }

  /**
   * The table block: the response row shows R's values of make_stratified_trial.out rounded (CMH X2
   * 10.165 -> 10.17, p 0.00143 -> 0.0014, MH RD 0.28840 [0.12656, 0.45025], RR 1.7524 [1.2383, 2.4800],
   * OR 3.3048 [1.6393, 6.6624], Tarone p 0.95484).
   */
  @Test
  void tableBlock() {
    final CliRun run = CliRun.of("analyze", "--strata", "site", "--strata", "severity", FILE);
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Stratified binary endpoints, treatment vs control [6]")
        .containsPattern("Drug vs Placebo +Response +5/6 +10\\.17 +0\\.0014 +0\\.288 \\[0\\.127 to 0\\.450\\] +1\\.75 "
            + "\\[1\\.24 to 2\\.48\\] +3\\.30 \\[1\\.64 to 6\\.66\\] +0\\.9548")
        .contains("* stratified, response (Drug vs Placebo): 1 stratum with one arm only left out (site=C, severity=severe)");
    assertThat(CliRun.of("analyze", FILE).out()).doesNotContain("Stratified").doesNotContain("[6]");
  }
}
