package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;

/**
 * {@code meta} on trialstat's own JSON results ({@code analyze}/{@code summary --format json}, one object
 * or the per-file array) against metafor 3.8.1: src/test/resources/meta/make_json_input.R (analyze's
 * mapp1_like.csv with MAPP2's summary; output make_json_input.out) and make_meta.R (MAPP1 + MAPP2,
 * make_meta.out). Tolerances as MetaCommandTest: 1e-8 relative for escalc, 1e-6 behind REML.
 */
class MetaJsonInputTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, Double> META = TestFiles.metaforReference();
  private static final String SAMPLE = "samples/mapp1_like.csv";
  private static final String MAPP1 = "samples/published/studies/mapp1.csv";
  private static final String MAPP2 = "samples/published/studies/mapp2.csv";

  @TempDir
  Path tmp;

  private Path json(String name, String... command) {
    Path out = tmp.resolve(name);
    String[] args = new String[command.length + 4];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "-f";
    args[command.length + 1] = "json";
    args[command.length + 2] = "-o";
    args[command.length + 3] = out.toString();
    CliRun run = CliRun.of(args);
    assertThat(run.code()).as(run.err()).isZero();
    return out;
  }

  private static JsonNode meta(String... args) throws IOException {
    String[] all = new String[args.length + 3];
    all[0] = "meta";
    all[1] = "-f";
    all[2] = "json";
    System.arraycopy(args, 0, all, 3, args.length);
    CliRun run = CliRun.of(all);
    assertThat(run.code()).as(run.err()).isZero();
    return MAPPER.readTree(run.out());
  }

  private static void near(JsonNode got, Map<String, Double> ref, String key, double tol) {
    Double want = ref.get(key);
    assertThat(want).as(key).isNotNull();
    assertThat(Math.abs(got.asDouble() - want)).as("%s: got %s, metafor %s", key, got, want)
        .isLessThanOrEqualTo(tol * Math.abs(want) + 1e-10);
  }

  @Test
  void analyzeAndSummaryResultsPoolAsMetaforOnTheirArms() throws IOException {
    Map<String, Double> ref = TestFiles.metaforReference("meta/make_json_input.out");
    Path a = json("a.json", "analyze", SAMPLE);
    Path b = json("b.json", "summary", MAPP2);
    for (String m : new String[] {"smd", "md"}) {
      JsonNode r = meta("--measure", m, a.toString(), b.toString());
      JsonNode s = r.get("studies");
      assertThat(s.get(0).get("study").asText()).isEqualTo("mapp1_like"); // analyze: the file's stem
      assertThat(s.get(1).get("study").asText()).isEqualTo("MAPP2"); // summary: the study column
      for (int i = 0; i < 2; i++) {
        near(s.get(i).get("yi"), ref, "json_" + m + " yi[" + (i + 1) + "]", 1e-8);
        near(s.get(i).get("vi"), ref, "json_" + m + " vi[" + (i + 1) + "]", 1e-8);
      }
      JsonNode p = r.get("pooled");
      near(p.get("estimate"), ref, "json_" + m + " est", 1e-6);
      near(p.get("se"), ref, "json_" + m + " se", 1e-6);
      near(p.get("q"), ref, "json_" + m + " q", 1e-8);
    }
  }

  @Test
  void oneSummaryResultOfSeveralStudiesIsTheSameAsItsCsvFiles() throws IOException {
    Path both = json("both.json", "summary", MAPP1, MAPP2);
    JsonNode r = meta("--outcome", "loss_of_diagnosis", both.toString());
    for (int i = 0; i < 2; i++) {
      near(r.get("studies").get(i).get("yi"), META, "mapp_rr yi[" + (i + 1) + "]", 1e-8);
      near(r.get("studies").get(i).get("vi"), META, "mapp_rr vi[" + (i + 1) + "]", 1e-8);
    }
    near(r.get("pooled").get("estimate"), META, "mapp_rr_reml est", 1e-6);
    near(r.get("studies").get(0).get("yi"), META, "mapp_rr yi[1]", 1e-8);
    JsonNode smd = meta(both.toString());
    near(smd.get("pooled").get("estimate"), META, "mapp_smd_reml est", 1e-6);
  }

  @Test
  void theArrayOfSeveralAnalyzeFilesGivesAStudyPerFile() throws IOException {
    Map<String, Double> ref = TestFiles.metaforReference("meta/make_json_input.out");
    Path two = json("two.json", "analyze", SAMPLE, "samples/mapp1_like_wide.csv");
    JsonNode r = meta(two.toString());
    assertThat(r.get("studies")).hasSize(2);
    assertThat(r.get("studies").get(1).get("study").asText()).isEqualTo("mapp1_like_wide");
    for (int i = 0; i < 2; i++) { // the wide file holds the same trial
      near(r.get("studies").get(i).get("yi"), ref, "json_smd yi[1]", 1e-8);
    }
  }

  @Test
  void missingEffectsAndOtherJsonAreClearErrors() throws IOException {
    Path a = json("a.json", "summary", MAPP1);
    CliRun remission = CliRun.of("meta", "--outcome", "remission", a.toString(), a.toString());
    assertThat(remission.code()).isEqualTo(ExitCode.DATA);
    assertThat(remission.err()).contains("a.json: no arm of these results has remission (events, n)");
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"a\": 1}");
    CliRun o = CliRun.of("meta", other.toString(), a.toString());
    assertThat(o.code()).isEqualTo(ExitCode.DATA);
    assertThat(o.err()).contains("other.json: JSON: no 'arms' list; expected the output of analyze or summary");
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "[{\"arms\": [");
    assertThat(CliRun.of("meta", broken.toString(), a.toString()).err()).contains("broken.json: not valid JSON");
    CliRun sub = CliRun.of("meta", "--subgroup", "design", a.toString(), a.toString());
    assertThat(sub.code()).isEqualTo(ExitCode.USAGE);
    assertThat(sub.err()).contains("--subgroup reads a column of arm-level or effect files");
    CliRun mixed = CliRun.of("meta", a.toString(), TestFiles.resource("meta/dat_hackshaw1998.csv").toString());
    assertThat(mixed.code()).isEqualTo(ExitCode.USAGE);
    assertThat(mixed.err()).contains("mixed input");
  }
}
