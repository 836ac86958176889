package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;

/** trialstat run: plan validation with line and key before anything runs, outputs and manifest checksums. */
class RunCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;

  private Path plan(String toml) throws IOException {
    Files.copy(TestFiles.resource("oracles/mapp1_like.csv"), tmp.resolve("trial.csv"));
    Path p = tmp.resolve("plan.toml");
    Files.writeString(p, toml);
    return p;
  }

  private static String sha256(Path f) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  @Test
  void runsEveryAnalysisAndRecordsItInTheManifest() throws Exception {
    Path plan = plan("""
        [defaults]
        files = ["trial.csv"]
        options = ["--control", "Placebo"]

        [[analysis]]
        name = "primary"
        command = "mmrm"
        options = ["--baseline", "baseline"]
        formats = ["json", "csv"]

        [[analysis]]
        name = "secondary"
        command = "analyze"
        """);
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("run", "--reproducible", "--output-dir", out.toString(), plan.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode m = MAPPER.readTree(out.resolve("manifest.json").toFile());
    assertThat(m.get("plan").get("sha256").asText()).isEqualTo(sha256(plan));
    JsonNode analyses = m.get("analyses");
    assertThat(analyses).hasSize(3);
    assertThat(analyses.get(0).get("name").asText()).isEqualTo("primary");
    assertThat(analyses.get(0).get("command_line").asText())
        .isEqualTo("trialstat mmrm --control Placebo --baseline baseline --format json --reproducible -- "
            + tmp.resolve("trial.csv"));
    for (JsonNode a : analyses) {
      assertThat(a.get("status").asText()).isEqualTo("ok");
      assertThat(a.get("exit_code").asInt()).isZero();
      JsonNode o = a.get("outputs").get(0);
      Path file = out.resolve(o.get("path").asText());
      assertThat(o.get("sha256").asText()).isEqualTo(sha256(file)); // JDK digest of the file as written
      assertThat(o.get("size").asLong()).isEqualTo(Files.size(file));
    }
    assertThat(out.resolve("primary.json")).exists();
    assertThat(out.resolve("primary.csv")).exists();
    assertThat(out.resolve("secondary.json")).exists();
    // The output is what the command prints alone (the same command line, in-process).
    CliRun alone = CliRun.of("mmrm", "--control", "Placebo", "--baseline", "baseline", "--format", "csv",
        "--reproducible", "--", tmp.resolve("trial.csv").toString());
    assertThat(Files.readString(out.resolve("primary.csv"))).isEqualTo(alone.out());
  }

  @Test
  void aFailingAnalysisIsRecordedAndSetsTheExitCode() throws Exception {
    Path plan = plan("""
        [[analysis]]
        name = "missing"
        command = "analyze"
        files = ["nope.csv"]

        [[analysis]]
        name = "fine"
        command = "analyze"
        files = ["trial.csv"]
        """);
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("run", "--output-dir", out.toString(), plan.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    JsonNode analyses = MAPPER.readTree(out.resolve("manifest.json").toFile()).get("analyses");
    assertThat(analyses.get(0).get("status").asText()).isEqualTo("error");
    assertThat(analyses.get(0).get("exit_code").asInt()).isEqualTo(3);
    assertThat(analyses.get(0).get("message").asText()).contains("file not found");
    assertThat(analyses.get(1).get("status").asText()).isEqualTo("ok");
    assertThat(run.err()).contains("trialstat: missing (json): ");
  }

  @Test
  void planErrorsNameTheLineAndTheKeyAndNothingRuns() throws IOException {
    Path out = tmp.resolve("out");
    String[][] cases = {
        {"[[analysis]]\nname = \"a\"\ncommand = \"analyze\"\nfromats = [\"json\"]\n", "plan.toml:4: unknown key 'analysis[1].fromats'"},
        {"[[analysis]]\nname = \"a\"\ncommand = \"analyze\"\nformats = \"json\"\n", "plan.toml:4: analysis[1].formats: expected an array of strings"},
        {"[[analysis]]\nname = \"a\"\n", "plan.toml:1: analysis[1].command: missing"},
        {"[defaults]\nfiles = [\"trial.csv\"]\n\n[[analysis]]\nname = \"a\"\ncommand = \"analyze\"\noptions = [\"--no-such\"]\n",
            "plan.toml:4: analysis 'a': Unknown option: '--no-such'"},
        {"[[analysis]]\nname = \"a\"\ncommand = \"analyse\"\n", "plan.toml:1: analysis 'a': command: 'analyse' is not a command"},
        {"[[analysis]]\nname = \"a\"\ncommand = \"analyze\"\noptions = [\"-o\", \"x.json\"]\nfiles = [\"trial.csv\"]\n",
            "plan.toml:1: analysis 'a': --output is set by run"},
        {"oops = [\n", "plan.toml:2"},
        {"[[analysis]]\nname = \"a b\"\ncommand = \"analyze\"\n", "plan.toml:2: analysis[1].name: 'a b' is not a file-name-safe name"},
    };
    for (String[] c : cases) {
      Path plan = tmp.resolve("plan.toml");
      Files.deleteIfExists(tmp.resolve("trial.csv"));
      plan(c[0]);
      CliRun run = CliRun.of("run", "--output-dir", out.toString(), plan.toString());
      assertThat(run.code()).as(c[0]).isEqualTo(ExitCode.DATA);
      assertThat(run.err()).as(c[0]).startsWith("trialstat: " + tmp.resolve(c[1]));
      assertThat(out).as("nothing ran: " + c[0]).doesNotExist();
    }
  }

  @Test
  void theSamplePlanRuns() throws Exception {
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("run", "--quiet", "--output-dir", out.toString(), "samples/plan.toml");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode analyses = MAPPER.readTree(out.resolve("manifest.json").toFile()).get("analyses");
    assertThat(analyses.size()).isGreaterThanOrEqualTo(5);
    assertThat(Files.readString(out.resolve("published.txt"))).contains("15 claims: 15 passed");
  }
}
