package org.trialstat.stats.mmrm;

import org.trialstat.model.DdfMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialstat.model.MmrmResult;

/**
 * Data the model cannot support: the fit returns converged = false, NaN numbers and a reason naming the
 * visit, arm or term, and never throws. Programming errors throw IllegalArgumentException.
 */
class MmrmDataConditionsTest {

  /** Complete-data synthetic trial: subject s in arm s % arms, visits v0..v(T-1), fixed seed. */
  static MmrmInput synthetic(int subjects, int visits, int arms, long seed) {
    Random rnd = new Random(seed);
    List<String> subj = new ArrayList<>();
    List<String> vis = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      double b = 40 + 8 * rnd.nextGaussian();
      double u = 5 * rnd.nextGaussian();
      for (int v = 0; v < visits; v++) {
        subj.add("S" + s);
        vis.add("v" + v);
        arm.add("A" + (s % arms));
        y.add(-2.0 * v * (s % arms) - 3 * v + 0.3 * (b - 40) + u + 4 * rnd.nextGaussian());
        base.add(b);
      }
    }
    List<String> vo = new ArrayList<>();
    for (int v = 0; v < visits; v++) {
      vo.add("v" + v);
    }
    List<String> ao = new ArrayList<>();
    for (int a = 0; a < arms; a++) {
      ao.add("A" + a);
    }
    return new MmrmInput(subj, vis, arm, y.stream().mapToDouble(Double::doubleValue).toArray(),
        base.stream().mapToDouble(Double::doubleValue).toArray(), List.of(), vo, ao, "A0");
  }

  static MmrmInput withY(MmrmInput in, double[] y) {
    return new MmrmInput(in.subject(), in.visit(), in.arm(), y, in.baseline(), in.covariates(), in.visitOrder(),
        in.armOrder(), in.control());
  }

  private static void assertNotEstimable(MmrmResult r, String reasonPart) {
    assertThat(r.converged()).isFalse();
    assertThat(r.reason()).contains(reasonPart);
    assertThat(r.lsmeans()).allSatisfy(l -> assertThat(l.estimate()).isNaN());
    assertThat(r.comparisons()).allSatisfy(c -> {
      assertThat(c.difference().estimate()).isNaN();
      assertThat(c.difference().reason()).isEqualTo(r.reason());
    });
  }

  @Test
  void armWithoutObservationsAtAVisit() {
    MmrmInput in = MmrmData.caps("/oracles/mapp1_like.csv", "Placebo");
    double[] y = in.y().clone();
    for (int i = 0; i < y.length; i++) {
      if (in.arm().get(i).equals("Placebo") && in.visit().get(i).equals("week6")) {
        y[i] = Double.NaN;
      }
    }
    MmrmResult r = Mmrm.fit(withY(in, y), DdfMethod.SATTERTHWAITE, 0.95);
    assertNotEstimable(r, "visit week6 has no observations in arm Placebo");
    assertThat(r.lsmeans()).hasSize(6);
    assertThat(r.comparisons()).hasSize(3);
    assertThat(r.lsmeans().stream().filter(l -> l.arm().equals("Placebo") && l.visit().equals("week6"))
        .findFirst().orElseThrow().n()).isZero();
  }

  @Test
  void visitWithoutObservations() {
    MmrmInput in = synthetic(20, 3, 2, 1);
    double[] y = in.y().clone();
    for (int i = 0; i < y.length; i++) {
      if (in.visit().get(i).equals("v1")) {
        y[i] = Double.NaN;
      }
    }
    assertNotEstimable(Mmrm.fit(withY(in, y), DdfMethod.SATTERTHWAITE, 0.95), "visit v1 has no observations");
  }

  @Test
  void visitsNeverObservedTogether() {
    MmrmInput in = synthetic(40, 2, 2, 2);
    double[] y = in.y().clone();
    for (int i = 0; i < y.length; i++) {
      int s = Integer.parseInt(in.subject().get(i).substring(1));
      boolean keep = (s / 2) % 2 == 0 ? in.visit().get(i).equals("v0") : in.visit().get(i).equals("v1");
      if (!keep) {
        y[i] = Double.NaN;
      }
    }
    assertNotEstimable(Mmrm.fit(withY(in, y), DdfMethod.SATTERTHWAITE, 0.95),
        "visits v0 and v1 are never observed in the same subject");
  }

  @Test
  void tooFewSubjectsForUnstructuredCovariance() {
    // 5 subjects, 2 arms, 4 visits, complete: residual df per visit N - 3 = 2 < 4 visits, so the REML
    // estimate of a 4 x 4 unstructured matrix is singular
    MmrmResult r = Mmrm.fit(synthetic(5, 4, 2, 3), DdfMethod.SATTERTHWAITE, 0.95);
    assertThat(r.converged()).isFalse();
    assertThat(r.reason()).containsAnyOf("not positive definite", "did not converge");
    assertThat(r.lsmeans()).allSatisfy(l -> assertThat(l.estimate()).isNaN());
  }

  @Test
  void duplicateSubjectVisit() {
    MmrmInput in = synthetic(10, 2, 2, 4);
    List<String> visit = new ArrayList<>(in.visit());
    visit.set(1, "v0");
    MmrmInput dup = new MmrmInput(in.subject(), visit, in.arm(), in.y(), in.baseline(), List.of(), in.visitOrder(),
        in.armOrder(), "A0");
    assertNotEstimable(Mmrm.fit(dup, DdfMethod.SATTERTHWAITE, 0.95),
        "subject S0 has more than one observation at visit v0");
  }

  @Test
  void unknownVisitOrArm() {
    MmrmInput in = synthetic(10, 2, 2, 5);
    List<String> visit = new ArrayList<>(in.visit());
    visit.set(3, "v9");
    MmrmInput bad = new MmrmInput(in.subject(), visit, in.arm(), in.y(), in.baseline(), List.of(), in.visitOrder(),
        in.armOrder(), "A0");
    assertNotEstimable(Mmrm.fit(bad, DdfMethod.SATTERTHWAITE, 0.95), "visit v9 is not one of the visits");
    List<String> arm = new ArrayList<>(in.arm());
    arm.set(3, "Z");
    bad = new MmrmInput(in.subject(), in.visit(), arm, in.y(), in.baseline(), List.of(), in.visitOrder(),
        in.armOrder(), "A0");
    assertNotEstimable(Mmrm.fit(bad, DdfMethod.SATTERTHWAITE, 0.95), "arm Z is not one of the arms");
  }

  @Test
  void collinearCovariateIsNamed() {
    MmrmInput in = synthetic(30, 3, 2, 6);
    List<String> twiceBase = new ArrayList<>();
    for (double b : in.baseline()) {
      twiceBase.add(Double.toString(2 * b + 1));
    }
    MmrmInput bad = new MmrmInput(in.subject(), in.visit(), in.arm(), in.y(), in.baseline(),
        List.of(new Covariate("score2", twiceBase, false)), in.visitOrder(), in.armOrder(), "A0");
    assertNotEstimable(Mmrm.fit(bad, DdfMethod.SATTERTHWAITE, 0.95), "score2 is collinear");
  }

  @Test
  void nonNumericCovariate() {
    MmrmInput in = synthetic(10, 2, 2, 7);
    List<String> vals = new ArrayList<>();
    for (int i = 0; i < in.y().length; i++) {
      vals.add(i == 4 ? "abc" : "1.5");
    }
    MmrmInput bad = new MmrmInput(in.subject(), in.visit(), in.arm(), in.y(), in.baseline(),
        List.of(new Covariate("age", vals, false)), in.visitOrder(), in.armOrder(), "A0");
    assertNotEstimable(Mmrm.fit(bad, DdfMethod.SATTERTHWAITE, 0.95), "covariate age has a non-numeric value 'abc'");
  }

  @Test
  void missingValuesDropObservations() {
    MmrmInput in = synthetic(30, 3, 2, 8);
    List<String> sex = new ArrayList<>();
    double[] y = in.y().clone();
    double[] base = in.baseline().clone();
    for (int i = 0; i < y.length; i++) {
      sex.add(i % 7 == 0 ? "" : (i / 6) % 2 == 0 ? "F" : "M");
    }
    y[5] = Double.NaN;
    base[10] = Double.NaN;
    MmrmResult r = Mmrm.fit(new MmrmInput(in.subject(), in.visit(), in.arm(), y, base,
        List.of(new Covariate("sex", sex, true)), in.visitOrder(), in.armOrder(), "A0"), DdfMethod.RESIDUAL, 0.9);
    int dropped = 0;
    for (int i = 0; i < y.length; i++) {
      if (i % 7 == 0 || i == 5 || i == 10) {
        dropped++;
      }
    }
    assertThat(r.reason()).isNull();
    assertThat(r.converged()).isTrue();
    assertThat(r.observations()).isEqualTo(90 - dropped);
    // p = 1 + 1 + 2 + 2 + 1 + 2 + 1 (sex) = 10
    assertThat(r.lsmeans().get(0).df()).isEqualTo(90 - dropped - 10);
    assertThat(r.lsmeans().get(0).confLevel()).isEqualTo(0.9);
  }

  @Test
  void programmingErrorsThrow() {
    MmrmInput in = synthetic(10, 2, 2, 9);
    assertThatThrownBy(() -> Mmrm.fit(in, DdfMethod.SATTERTHWAITE, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mmrm.fit(in, DdfMethod.SATTERTHWAITE, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MmrmInput(in.subject(), in.visit(), in.arm(), new double[3], null, List.of(),
        in.visitOrder(), in.armOrder(), "A0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MmrmInput(in.subject(), in.visit(), in.arm(), in.y(), null, List.of(),
        in.visitOrder(), in.armOrder(), "B")).isInstanceOf(IllegalArgumentException.class);
  }
}
