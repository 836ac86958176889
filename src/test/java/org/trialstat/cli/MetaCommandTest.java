package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trialstat.TestFiles;
import org.trialstat.report.OutputFormat;

/**
 * {@code trialstat meta} end to end against metafor 3.8.1: the reference values are those of
 * src/test/resources/meta/make_meta.out (written by make_meta.R; case and key named beside each check).
 * Tolerance 1e-8 relative for closed-form values, 1e-6 for values behind REML (iterative tau^2), with a
 * 1e-10 absolute floor; every printed JSON number is the shortest repr of the double, so no precision is
 * lost in the output.
 */
class MetaCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, Double> REF = TestFiles.metaforReference();
  private static final String MAPP1 = "samples/published/studies/mapp1.csv";
  private static final String MAPP2 = "samples/published/studies/mapp2.csv";

  @TempDir
  Path tmp;


  private static void near(JsonNode got, String c, String key, double tol) {
    Double ref = REF.get(c + " " + key);
    assertThat(ref).as("reference %s %s", c, key).isNotNull();
    assertThat(got.isNumber()).as("%s %s: got %s", c, key, got).isTrue();
    assertThat(Math.abs(got.asDouble() - ref)).as("%s %s: got %s, metafor %s", c, key, got, ref)
        .isLessThanOrEqualTo(tol * Math.abs(ref) + 1e-10);
  }

  private static JsonNode json(String... args) throws IOException {
    CliRun run = CliRun.of(args);
    assertThat(run.code()).as(run.err()).isZero();
    return MAPPER.readTree(run.out());
  }

  private String write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  private static void pooled(JsonNode p, String c, double tol, boolean ci) {
    near(p.get("estimate"), c, "est", tol);
    near(p.get("se"), c, "se", tol);
    near(p.get("ci_low"), c, "lo", tol);
    near(p.get("ci_high"), c, "hi", tol);
    near(p.has("t") ? p.get("t") : p.get("z"), c, "stat", tol);
    near(p.get("p"), c, "p", tol);
    near(p.get("tau2"), c, "tau2", tol);
    near(p.get("q"), c, "q", 1e-8);
    near(p.get("q_p"), c, "q_p", 1e-8);
    near(p.get("i2"), c, "i2", tol);
    near(p.get("h2"), c, "h2", tol);
    near(p.get("pi_low"), c, "pi_lo", tol);
    near(p.get("pi_high"), c, "pi_hi", tol);
    if (ci) {
      near(p.get("tau2_ci_low"), c, "tau2_lo", 1e-6);
      near(p.get("tau2_ci_high"), c, "tau2_hi", 1e-6);
      near(p.get("i2_ci_low"), c, "i2_lo", 1e-6);
      near(p.get("i2_ci_high"), c, "i2_hi", 1e-6);
    }
  }

  @Test
  void mappSmdOfTheChange() throws IOException {
    // metafor: escalc("SMD") of MAPP1 (reported SDs) and MAPP2 (SDs from the 95% CIs), rma(method = "REML")
    JsonNode r = json("meta", "-f", "json", MAPP1, MAPP2);
    JsonNode s = r.get("studies");
    for (int i = 0; i < 2; i++) {
      near(s.get(i).get("yi"), "mapp_smd", "yi[" + (i + 1) + "]", 1e-8);
      near(s.get(i).get("vi"), "mapp_smd", "vi[" + (i + 1) + "]", 1e-8);
      near(s.get(i).get("weight"), "mapp_smd_reml", "w[" + (i + 1) + "]", 1e-6);
    }
    pooled(r.get("pooled"), "mapp_smd_reml", 1e-6, true);
    assertThat(r.get("settings").get("measure").asText()).isEqualTo("smd");
    assertThat(r.get("egger").get("reason").asText()).contains("3 studies");
  }

  @Test
  void mappRiskRatioOfLossOfDiagnosis() throws IOException {
    // metafor: escalc("RR", ai = c(28, 37), n1i = c(42, 52), ci = c(12, 20), n2i = c(37, 42)), REML
    JsonNode r = json("meta", "-f", "json", "--outcome", "loss_of_diagnosis", MAPP1, MAPP2);
    for (int i = 0; i < 2; i++) {
      near(r.get("studies").get(i).get("yi"), "mapp_rr", "yi[" + (i + 1) + "]", 1e-8);
      near(r.get("studies").get(i).get("vi"), "mapp_rr", "vi[" + (i + 1) + "]", 1e-8);
    }
    pooled(r.get("pooled"), "mapp_rr_reml", 1e-6, true);
    JsonNode rd = json("meta", "-f", "json", "--outcome", "loss_of_diagnosis", "--measure", "rd", MAPP1, MAPP2);
    pooled(rd.get("pooled"), "mapp_rd_reml", 1e-6, true);
    assertThat(r.get("pooled").get("ratio").asDouble())
        .isCloseTo(Math.exp(REF.get("mapp_rr_reml est")), org.assertj.core.api.Assertions.within(1e-6));
  }

  /** dat.hackshaw1998 (yi, vi as published) as an effect file. */
  private static String hackshaw() {
    return TestFiles.resource("meta/dat_hackshaw1998.csv").toString();
  }

  @Test
  void effectFileWithEveryEstimator() throws IOException {
    for (String m : new String[] {"dl", "reml", "pm", "hs", "he", "sj", "ml", "eb"}) {
      boolean closed = m.equals("dl") || m.equals("hs") || m.equals("he") || m.equals("sj");
      JsonNode r = json("meta", "-f", "json", "--tau2", m, hackshaw());
      pooled(r.get("pooled"), "hack_" + m, closed ? 1e-8 : 1e-6, true);
      JsonNode k = json("meta", "-f", "json", "--tau2", m, "--hksj", hackshaw());
      pooled(k.get("pooled"), "hack_" + m + "_knha", closed ? 1e-8 : 1e-6, false);
      assertThat(k.get("pooled").get("df").asInt()).isEqualTo(36);
      JsonNode a = json("meta", "-f", "json", "--tau2", m, "--hksj-truncated", hackshaw());
      pooled(a.get("pooled"), "hack_" + m + "_adhoc", closed ? 1e-8 : 1e-6, false);
      JsonNode riley = json("meta", "-f", "json", "--tau2", m, "--pi", "riley", hackshaw()).get("pooled");
      near(riley.get("pi_low"), "hack_" + m, "riley_lo", closed ? 1e-8 : 1e-6);
      near(riley.get("pi_high"), "hack_" + m, "riley_hi", closed ? 1e-8 : 1e-6);
    }
    JsonNode fe = json("meta", "-f", "json", "--model", "common", hackshaw()).get("pooled");
    near(fe.get("estimate"), "hack_fe", "est", 1e-8);
    near(fe.get("i2"), "hack_fe", "i2", 1e-8);
    assertThat(fe.get("pi_low").isNull()).isTrue();
  }

  @Test
  void effectFileEggerSubgroupsAndLeaveOneOut() throws IOException {
    JsonNode r = json("meta", "-f", "json", "--subgroup", "design", "--leave-one-out", "--cumulative", hackshaw());
    JsonNode e = r.get("egger");
    near(e.get("t"), "hack_egger", "stat", 1e-8);
    near(e.get("p"), "hack_egger", "p", 1e-8);
    near(e.get("limit"), "hack_egger", "limit", 1e-8);
    JsonNode g = r.get("subgroups");
    assertThat(g.get(0).get("subgroup").asText()).isEqualTo("cohort");
    for (int j = 0; j < 2; j++) {
      near(g.get(j).get("estimate"), "hack_reml_sub", "g" + (j + 1) + "_est", 1e-6);
      near(g.get(j).get("tau2"), "hack_reml_sub", "g" + (j + 1) + "_tau2", 1e-6);
    }
    near(r.get("subgroup_test").get("q"), "hack_reml_sub", "qb", 1e-6);
    near(r.get("subgroup_test").get("p"), "hack_reml_sub", "qb_p", 1e-6);
    assertThat(r.get("leave_one_out")).hasSize(37);
    assertThat(r.get("cumulative")).hasSize(37);
  }

  @Test
  void estimateWithSeOrRatioCi() throws IOException {
    // dat.bcg log RR from make_meta.out (bcg_rr yi, vi) given as estimate + se, and as RR with its 95% CI
    StringBuilder se = new StringBuilder("study,estimate,se\n");
    StringBuilder ci = new StringBuilder("study,estimate,ci_low,ci_high\n");
    double z = 1.959963984540054;
    for (int i = 1; i <= 13; i++) {
      double y = REF.get("bcg_rr yi[" + i + "]");
      double s = Math.sqrt(REF.get("bcg_rr vi[" + i + "]"));
      se.append(String.format(Locale.ROOT, "s%d,%.17g,%.17g%n", i, y, s));
      ci.append(String.format(Locale.ROOT, "s%d,%.17g,%.17g,%.17g%n", i, Math.exp(y), Math.exp(y - z * s),
          Math.exp(y + z * s)));
    }
    pooled(json("meta", "-f", "json", write("se.csv", se.toString())).get("pooled"), "bcg_rr_reml", 1e-6, true);
    pooled(json("meta", "-f", "json", "--measure", "rr", write("ci.csv", ci.toString())).get("pooled"),
        "bcg_rr_reml", 1e-6, true);
  }

  /** dat.bcg as an arm-level file: TB cases as response events. */
  private String bcgArms() throws IOException {
    StringBuilder b = new StringBuilder("study,arm,control,n,response_events,year\n");
    List<String> lines = Files.readAllLines(TestFiles.resource("meta/dat_bcg.csv"), StandardCharsets.UTF_8);
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      int tpos = Integer.parseInt(f[3]);
      int cpos = Integer.parseInt(f[5]);
      b.append(String.format(Locale.ROOT, "T%s,BCG,no,%d,%d,%s%nT%s,Control,yes,%d,%d,%s%n", f[0],
          tpos + Integer.parseInt(f[4]), tpos, f[2], f[0], cpos + Integer.parseInt(f[6]), cpos, f[2]));
    }
    return write("bcg.csv", b.toString());
  }

  @Test
  void mantelHaenszelPetoAndCumulativeFromArmLevelCounts() throws IOException {
    String bcg = bcgArms();
    for (String m : new String[] {"rr", "or", "rd"}) {
      JsonNode p = json("meta", "-f", "json", "--outcome", "response", "--measure", m, "--model", "mh", bcg)
          .get("pooled");
      String c = "bcg_" + m + "_mh";
      near(p.get("estimate"), c, "est", 1e-8);
      near(p.get("se"), c, "se", 1e-8);
      near(p.get("q"), c, "q", 1e-8);
      near(p.get("i2"), c, "i2", 1e-8);
    }
    JsonNode peto = json("meta", "-f", "json", "--outcome", "response", "--measure", "or", "--model", "peto", bcg);
    near(peto.get("pooled").get("estimate"), "bcg_peto", "est", 1e-8);
    near(peto.get("studies").get(0).get("yi"), "bcg_peto", "yi[1]", 1e-8);
    JsonNode cum = json("meta", "-f", "json", "--outcome", "response", "--cumulative", bcg).get("cumulative");
    for (int i = 0; i < 13; i++) {
      near(cum.get(i).get("estimate"), "bcg_rr_reml_cumul", "est[" + (i + 1) + "]", 1e-6);
      near(cum.get(i).get("tau2"), "bcg_rr_reml_cumul", "tau2[" + (i + 1) + "]", 1e-6);
    }
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyFormatWorks(OutputFormat format) {
    CliRun run = CliRun.of("meta", "--format", format.name().toLowerCase(Locale.ROOT), "--leave-one-out",
        "--subgroup", "design", "--cumulative", hackshaw());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isNotEmpty();
  }

  @Test
  void tableHasTheForest() {
    CliRun run = CliRun.of("meta", MAPP1, MAPP2);
    assertThat(run.out()).contains("Pooled", "<", "o", "Prediction interval", "Heterogeneity: tau^2 = ");
  }

  @Test
  void tableHasAFunnelPlotFromThreeStudies() {
    assertThat(CliRun.of("meta", hackshaw()).out()).contains("Funnel plot", "x axis: ");
    assertThat(CliRun.of("meta", MAPP1, MAPP2).out()).doesNotContain("Funnel plot");
  }

  @Test
  void outputCarriesProvenance() throws IOException {
    JsonNode p = json("meta", "-f", "json", "--reproducible", MAPP1, MAPP2).get("provenance");
    assertThat(p.get("inputs")).hasSize(2);
    assertThat(p.get("time_utc").isNull()).isTrue();
    assertThat(CliRun.of("meta", "--reproducible", MAPP1, MAPP2).out()).contains("Provenance: trialstat ");
  }

  @Test
  void tidyRowsCarryThePooledEffect() {
    CliRun run = CliRun.of("meta", "-f", "csv", MAPP1, MAPP2);
    assertThat(run.out()).startsWith("file,study,arm,treatment,control,outcome,statistic,estimate,ci_low,ci_high,p,n,"
        + "method,visit,week,se,t,df,conf_level,reason\n").contains(",pooled,,,,change,smd,", ",pooled,,,,change,i2,");
  }

  @Test
  void oneStudyIsNotEstimable() throws IOException {
    JsonNode p = json("meta", "-f", "json", MAPP1).get("pooled");
    assertThat(p.get("estimate").isNull()).isTrue();
    assertThat(p.get("reason").asText()).contains("k = 1");
  }

  @Test
  void zeroVarianceStudyIsLeftOutWithANote() throws IOException {
    JsonNode r = json("meta", "-f", "json", write("e.csv", "study,yi,vi\na,0.1,0.02\nb,0.3,0\nc,0.2,0.05\n"));
    assertThat(r.get("pooled").get("k").asInt()).isEqualTo(2);
    assertThat(r.get("studies").get(1).get("weight").isNull()).isTrue();
    assertThat(r.get("notes").get(0).asText()).contains("b: left out: sampling variance is 0");
  }

  @Test
  void oneArmStudyIsLeftOutWithANote() throws IOException {
    String one = write("one.csv", "study,arm,n,change_mean,change_sd\nX,MDMA,10,-20,10\n");
    JsonNode r = json("meta", "-f", "json", MAPP1, MAPP2, one);
    assertThat(r.get("notes").toString()).contains("X: left out: a study with one arm");
    assertThat(r.get("pooled").get("k").asInt()).isEqualTo(2);
  }

  @Test
  void badOptionsAndInputsGetClearMessages() throws IOException {
    assertThat(CliRun.of("meta", "--model", "mh", MAPP1, MAPP2).err()).contains("--model mh pools event counts");
    assertThat(CliRun.of("meta", "--hksj", "--model", "common", MAPP1, MAPP2).err()).contains("--hksj adjusts");
    assertThat(CliRun.of("meta", "--measure", "rr", MAPP1, MAPP2).err()).contains("needs event counts");
    assertThat(CliRun.of("meta", "--outcome", "response", "--measure", "smd", MAPP2).code()).isEqualTo(2);
    assertThat(CliRun.of("meta", MAPP1, hackshaw()).err()).contains("mixed input");
    CliRun negative = CliRun.of("meta", write("n.csv", "study,estimate,se\na,1,-0.2\nb,1,0.3\n"));
    assertThat(negative.code()).isEqualTo(3);
    assertThat(negative.err()).contains("n.csv:2:3", "column se", ">= 0");
    CliRun noVi = CliRun.of("meta", write("v.csv", "study,yi\na,1\n"));
    assertThat(noVi.code()).isEqualTo(3);
    assertThat(noVi.err()).contains("yi but not vi");
    CliRun sub = CliRun.of("meta", "--subgroup", "region", MAPP1, MAPP2);
    assertThat(sub.code()).isEqualTo(3);
    assertThat(sub.err()).contains("no 'region' column");
  }
}
