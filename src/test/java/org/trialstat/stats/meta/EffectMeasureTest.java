package org.trialstat.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.stats.meta.MetaReference.CLOSED;
import static org.trialstat.stats.meta.MetaReference.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.trialstat.model.StudyEffect;

/**
 * Each study's yi and vi against metafor 3.8.1's {@code escalc} (Cohen's d: the formula evaluated in R),
 * make_meta.out keys "SET yi[i]" / "SET vi[i]", tolerance 1e-8 relative.
 */
class EffectMeasureTest {

  @ParameterizedTest
  @ValueSource(strings = {"bcg_rr", "bcg_or", "bcg_rd", "nor_md", "nor_smd", "nor_d", "zero_rr", "zero_or",
      "zero_rd"})
  void escalcValues(String set) {
    StudyEffect[] e = Datasets.of(set);
    assertThat(e).hasSize(MetaReference.vector(set, "yi").length);
    for (int i = 0; i < e.length; i++) {
      check(e[i].yi(), set, "yi[" + (i + 1) + "]", CLOSED);
      check(e[i].vi(), set, "vi[" + (i + 1) + "]", CLOSED);
    }
  }

  @Test
  void zeroCellIsCorrectedWithANote() {
    assertThat(Datasets.zero(EffectMeasure.RR)[1].reason()).contains("1/2 added");
    assertThat(Datasets.zero(EffectMeasure.RR)[0].reason()).isNull();
  }

  @Test
  void badStudiesAreNotEstimableWithAReason() {
    assertThat(EffectMeasure.RR.fromCounts("s", 3, 10, 0, 0).reason()).contains("one arm");
    assertThat(EffectMeasure.SMD.fromMeans("s", 10, 1, -1, 10, 0, 1).reason()).contains("negative SD");
    assertThat(EffectMeasure.MD.fromMeans("s", 10, 1, 0, 10, 0, 0).reason()).contains("variance is 0");
    assertThat(EffectMeasure.SMD.fromMeans("s", 10, 1, 0, 10, 0, 0).reason()).contains("pooled SD is 0");
    assertThat(EffectMeasure.D.fromMeans("s", 1, 1, 0, 1, 0, 0).reason()).contains("degrees of freedom");
    assertThat(EffectMeasure.SMD.fromMeans("s", 10, 1, Double.NaN, 10, 0, 1).estimable()).isFalse();
  }
}
