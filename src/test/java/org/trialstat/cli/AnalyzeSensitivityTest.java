package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trialstat.stats.impute.CondMeanReference;

/**
 * {@code analyze --sensitivity} on rbmi's {@code antidepressant_data} (read at ../shared/rbmi, never
 * copied) against two external references: rbmi's vignette {@code CondMean_Inference} section 3.4 (J2R
 * conditional mean imputation with jackknife, trt_7 = 2.126, SE 0.858, CI 0.444 to 3.807, p 0.013 as
 * PLACEBO - DRUG; trialstat's orientation is DRUG - PLACEBO, so signs and limits flip; tolerance 0.0015 =
 * rbmi's 3 decimals + rounding) and the independent R implementation
 * {@code src/test/resources/impute/make_condmean.R} / {@code make_condmean.out} (nlme::gls, the MMRM's
 * contrast, MAR and JR imputation, the MAR + delta grid 0, 0.5, ..., 20 of the default tipping point;
 * tolerance 2e-4: the two REML optimisers stop at slightly different points, nlme's tolerance being the
 * looser).
 */
class AnalyzeSensitivityTest {

  private static final Path DATA = Path.of("..", "shared", "rbmi", "antidepressant_data.csv");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double R_TOL = 2e-4;
  private static final double RBMI_TOL = 0.0015;

  private static CliRun run(String... extra) {
    List<String> args = new ArrayList<>(List.of("analyze", "--sensitivity", "--id-col", "PATIENT", "--arm-col",
        "THERAPY", "--visit-col", "VISIT", "--score-col", "HAMDTL17", "--baseline-col", "BASVAL", "--scale", "none",
        "--control", "PLACEBO"));
    args.addAll(List.of(extra));
    args.add(DATA.toString());
    return CliRun.of(args.toArray(String[]::new));
  }

  private static JsonNode entry(JsonNode json, String analysis) {
    for (JsonNode e : json.get("sensitivity")) {
      if (e.get("analysis").asText().equals(analysis)) {
        return e;
      }
    }
    throw new AssertionError("no sensitivity entry " + analysis);
  }

  /** estimate, se, ci_low, ci_high, p against {estimate, se, lower, upper, p}. */
  private static void check(JsonNode e, double[] ref, double tol) {
    assertThat(e.get("estimate").asDouble()).as("estimate").isCloseTo(ref[0], within(tol));
    assertThat(e.get("se").asDouble()).as("se").isCloseTo(ref[1], within(tol));
    if (!Double.isNaN(ref[2])) {
      assertThat(e.get("ci_low").asDouble()).as("ci_low").isCloseTo(ref[2], within(tol));
      assertThat(e.get("ci_high").asDouble()).as("ci_high").isCloseTo(ref[3], within(tol));
      assertThat(e.get("p").asDouble()).as("p").isCloseTo(ref[4], within(tol));
    }
  }

  @Test
  void antidepressantDataAsRbmiAndTheRReference() throws IOException {
    Assumptions.assumeTrue(Files.exists(DATA), "rbmi's antidepressant_data.csv not at " + DATA + ": skipped");
    CliRun r = run("--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    Map<String, double[]> ref = CondMeanReference.values();
    assertThat(json.get("sensitivity")).hasSize(4);

    // the primary MMRM: gls REML estimate and model-based SE (Satterthwaite df: not in gls)
    JsonNode mmrm = entry(json, "mmrm");
    check(mmrm, ref.get("MMRM (gls REML) visit 7 difference DRUG-PLACEBO"), R_TOL);
    assertThat(mmrm.get("estimate").asDouble()).isEqualTo(json.get("comparisons").get(0).get("mmrm")
        .get("estimate").asDouble());

    // MAR conditional mean: R make_condmean.out "MAR visit 7 difference DRUG-PLACEBO"
    check(entry(json, "mar"), ref.get("MAR visit 7 difference DRUG-PLACEBO"), R_TOL);

    // J2R: rbmi CondMean_Inference 3.4 (trt_7 2.126 0.858 0.444 3.807 0.013, PLACEBO - DRUG), and the R script
    JsonNode jr = entry(json, "jump_to_reference");
    check(jr, new double[] {-2.126, 0.858, -3.807, -0.444, 0.013}, RBMI_TOL);
    check(jr, ref.get("JR visit 7 difference DRUG-PLACEBO"), R_TOL);

    // tipping point: the R script's first delta of seq(0, 20, 0.5) with p >= 0.05, and the grid
    JsonNode tip = entry(json, "tipping_point");
    double delta = CondMeanReference.tippingDelta();
    assertThat(tip.get("delta").asDouble()).isEqualTo(delta);
    check(tip, ref.get(String.format(java.util.Locale.ROOT, "MAR+delta %.1f visit 7 difference DRUG-PLACEBO",
        delta)), R_TOL);
    JsonNode grid = tip.get("grid");
    assertThat(grid).hasSize(41);
    for (JsonNode g : grid) {
      double[] at = ref.get(String.format(java.util.Locale.ROOT, "MAR+delta %.1f visit 7 difference DRUG-PLACEBO",
          g.get("delta").asDouble()));
      assertThat(g.get("estimate").asDouble()).isCloseTo(at[0], within(R_TOL));
      assertThat(g.get("se").asDouble()).isCloseTo(at[1], within(R_TOL));
      assertThat(g.get("p").asDouble()).isCloseTo(at[4], within(R_TOL));
    }
  }

  @Test
  void givenGridStartsAtZeroAndShiftsTheNamedArm() throws IOException {
    Assumptions.assumeTrue(Files.exists(DATA), "rbmi's antidepressant_data.csv not at " + DATA + ": skipped");
    CliRun r = run("--format", "json", "--delta", "2,4", "--delta-arm", "DRUG");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode tip = entry(MAPPER.readTree(r.out()), "tipping_point");
    List<Double> deltas = new ArrayList<>();
    tip.get("grid").forEach(g -> deltas.add(g.get("delta").asDouble()));
    assertThat(deltas).containsExactly(0.0, 2.0, 4.0);
    // R make_condmean.out: p 0.0378 at delta 2 (< 0.05), >= 0.05 at 4: significance is lost at 4
    assertThat(tip.get("delta").asDouble()).isEqualTo(4.0);
    check(tip, CondMeanReference.values().get("MAR+delta 4.0 visit 7 difference DRUG-PLACEBO"), R_TOL);
  }

  @Test
  void tablesAndTidyRows() {
    Assumptions.assumeTrue(Files.exists(DATA), "rbmi's antidepressant_data.csv not at " + DATA + ": skipped");
    CliRun table = run();
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("Sensitivity analyses at 7, treatment - control [11]")
        .contains("J2R, conditional mean").contains("[11] Sensitivity analyses at the endpoint");
    CliRun csv = run("--format", "csv");
    assertThat(csv.code()).as(csv.err()).isZero();
    for (String s : List.of("sensitivity_mmrm", "sensitivity_mar", "sensitivity_jump_to_reference",
        "sensitivity_tipping_point", "sensitivity_tipping_delta")) {
      assertThat(csv.out()).contains(",DRUG,PLACEBO,change," + s + ",");
    }
  }

  @Test
  void withoutTheOptionNothingChangesAndDeltaAloneIsAUsageError() throws IOException {
    CliRun plain = CliRun.analyzeJson(Path.of("samples", "mapp1_like.csv"));
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(MAPPER.readTree(plain.out()).has("sensitivity")).isFalse();
    CliRun bad = CliRun.of("analyze", "--delta", "1,2", "samples/mapp1_like.csv");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--delta and --delta-arm need --sensitivity");
  }

  @Test
  void marImputationEqualsTheMmrmEstimateOnTheSample() throws IOException {
    // conditional mean imputation under MAR from the MMRM itself, then the (linear) ANCOVA: the MMRM's point
    // estimate (on antidepressant_data R's make_condmean.out gives -2.801834 for both). A property, not a
    // reference value.
    CliRun r = CliRun.analyzeJson(Path.of("samples", "mapp1_like.csv"), "--sensitivity");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(entry(json, "mar").get("estimate").asDouble()).isCloseTo(entry(json, "mmrm").get("estimate")
        .asDouble(), within(1e-6));
  }

  @Test
  void covariatesOfThePrimaryAnalysisAreNamedWhenTheImputationLeavesThemOut() throws IOException {
    // the imputation model has arm, visit and baseline only (docs/methods.md): with --factor the output says so
    CliRun r = CliRun.analyzeJson(Path.of("samples", "three_arm_sites.csv"), "--sensitivity", "--control", "Placebo",
        "--factor", "site");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> notes = new ArrayList<>();
    MAPPER.readTree(r.out()).get("notes").forEach(n -> notes.add(n.asText()));
    assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("--sensitivity: the imputation model")
        .contains("+ site)"));
    CliRun plain = CliRun.analyzeJson(Path.of("samples", "mapp1_like.csv"), "--sensitivity");
    assertThat(plain.out()).doesNotContain("--sensitivity: the imputation model");
  }
}
