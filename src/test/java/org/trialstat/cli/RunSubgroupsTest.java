package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * trialstat run with subgroups, end to end on the bundled ADaM-style plan (samples/adam/plan.toml): one
 * output per subgroup, each the analysis of that subgroup alone, and subgroups whose file names would
 * collide refused before anything runs.
 */
class RunSubgroupsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path PLAN = Path.of("samples", "adam", "plan.toml");

  @TempDir
  Path tmp;

  private JsonNode runPlan() throws IOException {
    CliRun run = CliRun.of("run", "--quiet", "--reproducible", "--output-dir", tmp.toString(), PLAN.toString());
    assertThat(run.code()).as(run.err()).isZero();
    return MAPPER.readTree(tmp.resolve("manifest.json").toFile());
  }

  @Test
  void everySubgroupGetsItsOwnOutputsAndManifestEntries() throws IOException {
    JsonNode m = runPlan();
    // primary: json + csv; by-stratum: 2 subgroups x (json + csv)
    assertThat(m.get("analyses")).hasSize(6);
    assertThat(m.get("analyses").get(2).get("subgroup").asText()).isEqualTo("DSSTRAT=\"CAPS5 >= 45\"");
    assertThat(m.get("analyses").get(2).get("command_line").asText()).isEqualTo(
        "trialstat analyze --adam --param CAPS5TOT --population ITTFL --where 'DTYPE=\"\"' "
            + "--where 'DSSTRAT=\"CAPS5 >= 45\"' --format json --reproducible -- samples/adam/adeff.xpt");
    for (String f : new String[] {"primary.json", "primary.csv", "by-stratum.DSSTRAT_CAPS5_ge_45.json",
        "by-stratum.DSSTRAT_CAPS5_ge_45.csv", "by-stratum.DSSTRAT_CAPS5_lt_45.json",
        "by-stratum.DSSTRAT_CAPS5_lt_45.csv"}) {
      assertThat(tmp.resolve(f)).isRegularFile();
    }
  }

  /**
   * Each subgroup's output is that subgroup's analysis. Expected values: R 4.2.2 t.test (Welch) on the
   * Week 18 change in each stratum of samples/adam/adeff.csv (the same records as adeff.xpt), printed by
   * src/test/resources/run/make_subgroups.R into make_subgroups.out; tolerance 1e-9 (R prints 15
   * significant digits). Counts are the script's counts of participants with a Week 18 record.
   */
  @Test
  void eachSubgroupIsAnalysedAloneAsR() throws IOException {
    runPlan();
    JsonNode high = MAPPER.readTree(tmp.resolve("by-stratum.DSSTRAT_CAPS5_ge_45.json").toFile());
    assertThat(high.get("arms").get(0).get("change").get("n").asInt()).isEqualTo(19); // Placebo
    assertThat(high.get("arms").get(1).get("change").get("n").asInt()).isEqualTo(11); // Drug
    JsonNode w = high.get("comparisons").get(0).get("welch");
    assertThat(w.get("estimate").asDouble()).isCloseTo(-18.8516746411483, within(1e-9));
    assertThat(w.get("se").asDouble()).isCloseTo(3.09044786975657, within(1e-9));
    assertThat(w.get("df").asDouble()).isCloseTo(18.8414787208314, within(1e-9));
    assertThat(w.get("p").asDouble()).isCloseTo(7.5356082931782e-06, within(1e-15));

    JsonNode low = MAPPER.readTree(tmp.resolve("by-stratum.DSSTRAT_CAPS5_lt_45.json").toFile());
    assertThat(low.get("arms").get(0).get("change").get("n").asInt()).isEqualTo(6);
    assertThat(low.get("arms").get(1).get("change").get("n").asInt()).isEqualTo(13);
    w = low.get("comparisons").get(0).get("welch");
    assertThat(w.get("estimate").asDouble()).isCloseTo(-9.6025641025641, within(1e-9));
    assertThat(w.get("ci_low").asDouble()).isCloseTo(-18.3452396440413, within(1e-9));
    assertThat(w.get("ci_high").asDouble()).isCloseTo(-0.859888561086925, within(1e-9));
    assertThat(w.get("p").asDouble()).isCloseTo(0.0345785382962033, within(1e-12));
  }

  @Test
  void subgroupsThatWouldShareAFileNameAreAPlanErrorBeforeAnythingRuns() throws IOException {
    Files.copy(Path.of("samples", "mapp1_like.csv"), tmp.resolve("trial.csv"));
    Path plan = tmp.resolve("plan.toml");
    Files.writeString(plan, """
        [defaults]
        files = ["trial.csv"]

        [[analysis]]
        name = "by-arm"
        command = "analyze"
        subgroups = ["arm=MDMA", "arm = MDMA"]
        """);
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("run", "--output-dir", out.toString(), plan.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertThat(run.err()).contains("plan.toml:4: analysis 'by-arm': subgroups: ", "would both write by-arm.arm_MDMA.json");
    assertThat(out).doesNotExist();
  }
}
