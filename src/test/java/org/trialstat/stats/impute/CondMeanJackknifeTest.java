package org.trialstat.stats.impute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.ImputedEstimate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * rbmi's conditional mean imputation with jackknife on rbmi's {@code antidepressant_data}, read at
 * ../shared/rbmi (never copied into the project). Expected values: rbmi vignette
 * {@code CondMean_Inference} (insightsengineering/rbmi, vignettes/CondMean_Inference.html as built in
 * the repository), section 3.4 "Pool" (frequentist, JR for every participant with monotone dropout,
 * 3618's intermittent value under MAR) and section 4.4 (information-anchored). rbmi's reference
 * level is the first factor level, DRUG: it prints trt = PLACEBO - DRUG, lsm_ref = DRUG, lsm_alt =
 * PLACEBO; trialstat's difference is DRUG - PLACEBO, so the sign of trt and of its limits is flipped. Tolerance 0.001 + 0.5e-3 (rbmi prints 3 decimals).
 */
class CondMeanJackknifeTest {

  static final List<String> VISITS = List.of("4", "5", "6", "7");
  static final List<String> ARMS = List.of("PLACEBO", "DRUG");
  static final double TOL = 0.0015;

  static List<Subject> antidepressant(Strategy strategy) throws IOException {
    Path csv = Path.of("..", "shared", "rbmi", "antidepressant_data.csv");
    Assumptions.assumeTrue(Files.exists(csv), "rbmi's antidepressant_data.csv not at " + csv + ": skipped");
    Map<String, String[]> arm = new LinkedHashMap<>();
    Map<String, double[]> y = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",");
      y.computeIfAbsent(f[0], k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN})
          [VISITS.indexOf(f[4])] = Double.parseDouble(f[10]);
      arm.put(f[0], new String[] {f[5], f[8]});
    }
    List<Subject> out = new ArrayList<>();
    for (var e : y.entrySet()) {
      String[] a = arm.get(e.getKey());
      out.add(new Subject(e.getKey(), a[0], "PLACEBO", Double.parseDouble(a[1]), e.getValue(),
          Subject.dropout(e.getValue()), strategy));
    }
    return out;
  }

  static List<ImputedEstimate> run(Strategy s, boolean anchored) throws IOException {
    return CondMeanJackknife.run(antidepressant(s), VISITS, ARMS, "PLACEBO", 0.95, anchored, new double[] {0},
        Set.of("DRUG"));
  }

  static ImputedEstimate find(List<ImputedEstimate> r, String kind, String arm, String visit) {
    return r.stream().filter(e -> e.kind().equals(kind) && e.arm().equals(arm) && e.visit().equals(visit))
        .findFirst().orElseThrow();
  }

  static void check(ImputedEstimate e, double est, double se, double lo, double hi, double p) {
    assertThat(e.estimate()).as("estimate").isCloseTo(est, within(TOL));
    assertThat(e.se()).as("se").isCloseTo(se, within(TOL));
    assertThat(e.lower()).as("lower").isCloseTo(lo, within(TOL));
    assertThat(e.upper()).as("upper").isCloseTo(hi, within(TOL));
    if (!Double.isNaN(p)) {
      assertThat(e.p()).as("p").isCloseTo(p, within(TOL));
    }
  }

  @Test
  void jumpToReferenceJackknifeAsRbmiCondMeanInferenceVignette() throws IOException {
    List<ImputedEstimate> r = run(Strategy.JR, false);
    // CondMean_Inference 3.4: trt_7 2.126 0.858 0.444 3.807 0.013 (PLACEBO - DRUG)
    check(find(r, "difference", "DRUG", "7"), -2.126, 0.858, -3.807, -0.444, 0.013);
    // trt_4 -0.092 0.695 -1.453 1.27 0.895; trt_5 1.305 0.878 -0.416 3.027 0.137; trt_6 1.929 0.862 0.239 3.619 0.025
    check(find(r, "difference", "DRUG", "4"), 0.092, 0.695, -1.27, 1.453, 0.895);
    check(find(r, "difference", "DRUG", "5"), -1.305, 0.878, -3.027, 0.416, 0.137);
    check(find(r, "difference", "DRUG", "6"), -1.929, 0.862, -3.619, -0.239, 0.025);
    // lsm_ref_7 -6.965 0.685 -8.307 -5.622; lsm_alt_7 -4.839 0.762 -6.333 -3.346
    check(find(r, "ls_mean", "DRUG", "7"), -6.965, 0.685, -8.307, -5.622, Double.NaN);
    check(find(r, "ls_mean", "PLACEBO", "7"), -4.839, 0.762, -6.333, -3.346, Double.NaN);
  }

  @Test
  void informationAnchoredAsRbmiCondMeanInferenceVignette() throws IOException {
    List<ImputedEstimate> r = run(Strategy.JR, true);
    // CondMean_Inference 4.4: trt_7 2.126 1.123 -0.076 4.327 0.058; trt_6 1.929 0.993 -0.018 3.876 0.052
    check(find(r, "difference", "DRUG", "7"), -2.126, 1.123, -4.327, 0.076, 0.058);
    check(find(r, "difference", "DRUG", "6"), -1.929, 0.993, -3.876, 0.018, 0.052);
    // lsm_ref_7 -6.965 0.85 -8.63 -5.299
    check(find(r, "ls_mean", "DRUG", "7"), -6.965, 0.85, -8.63, -5.299, Double.NaN);
  }

  /**
   * Every visit's difference, SE, CI, p and both LS means against the independent R implementation
   * ({@code src/test/resources/impute/make_condmean.R}, output {@code make_condmean.out}: nlme::gls
   * imputation model, the strategies as rbmi's stat_specs 3.4), which reproduces the rbmi numbers of the
   * JR test above to 6 decimals first (its "JR visit 7" lines). Tolerance 2e-4: nlme's REML optimiser
   * stops at a looser tolerance than trialstat's.
   */
  static void checkAgainstR(Strategy s) throws IOException {
    List<ImputedEstimate> r = run(s, false);
    Map<String, double[]> ref = CondMeanReference.values();
    for (String v : VISITS) {
      String prefix = s.name() + " visit " + v + " ";
      check(find(r, "difference", "DRUG", v), ref.get(prefix + "difference DRUG-PLACEBO"), 2e-4);
      check(find(r, "ls_mean", "PLACEBO", v), ref.get(prefix + "lsmean PLACEBO"), 2e-4);
      check(find(r, "ls_mean", "DRUG", v), ref.get(prefix + "lsmean DRUG"), 2e-4);
    }
  }

  static void check(ImputedEstimate e, double[] ref, double tol) {
    assertThat(e.estimate()).as("estimate").isCloseTo(ref[0], within(tol));
    assertThat(e.se()).as("se").isCloseTo(ref[1], within(tol));
    assertThat(e.lower()).as("lower").isCloseTo(ref[2], within(tol));
    assertThat(e.upper()).as("upper").isCloseTo(ref[3], within(tol));
    assertThat(e.p()).as("p").isCloseTo(ref[4], within(tol));
  }

  @Test
  void copyReferenceAsTheRReference() throws IOException {
    checkAgainstR(Strategy.CR);
  }

  @Test
  void copyIncrementsInReferenceAsTheRReference() throws IOException {
    checkAgainstR(Strategy.CIR);
  }

  @Test
  void marAndJumpToReferenceAsTheRReference() throws IOException {
    checkAgainstR(Strategy.MAR);
    checkAgainstR(Strategy.JR);
  }
}
