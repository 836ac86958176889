package org.trialstat.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.DataException;
import org.trialstat.model.Scale;
import org.trialstat.model.TrialData;

/**
 * Fitting the primary MMRM on a thread of its own (from {@link TrialEstimation#PARALLEL_MIN}
 * observations) changes when it is computed, never what: the whole result equals the inline one. The
 * statistics themselves are tested against R elsewhere (the oracles, MmrmCommandBcvaTest).
 */
class BackgroundMmrmTest {

  /** 120 participants, 2 arms, baseline + 3 visits, some dropouts; scores from a fixed seed. */
  private static TrialData trial() {
    SplittableRandom rnd = new SplittableRandom(20261201);
    List<String[]> rows = new ArrayList<>();
    String[] visits = {"baseline", "week6", "week12", "week18"};
    for (int i = 0; i < 120; i++) {
      String arm = i % 2 == 0 ? "MDMA" : "Placebo";
      double base = 40 + rnd.nextInt(20);
      int last = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(3) : 4;
      for (int v = 0; v < last; v++) {
        double drop = v * (arm.equals("MDMA") ? 7 : 4) + rnd.nextGaussian() * 6;
        double score = Math.max(0, Math.min(80, Math.round(base - drop)));
        rows.add(new String[] {"P" + i, arm, visits[v], Double.toString(score), score > 30 ? "1" : "0"});
      }
    }
    return TrialAnalysisTest.data(rows.toArray(String[][]::new), true);
  }

  @Test
  void theMmrmOnItsOwnThreadGivesTheSameResultAsInline() {
    PreparedTrial prepared = TrialPreparation.prepare(trial(), AnalysisRequest.defaults(Scale.CAPS5));
    AnalysisResult inline = TrialEstimation.estimate(prepared, Integer.MAX_VALUE);
    AnalysisResult background = TrialEstimation.estimate(prepared, 0);
    assertThat(inline.mmrm()).isNotNull();
    assertThat(inline.mmrm().converged()).isTrue();
    // field by field, arrays element by element, doubles bit for bit (NaN equals NaN)
    assertThat(background).usingRecursiveComparison()
        .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class).isEqualTo(inline);
  }

  @Test
  void anExceptionOfTheBackgroundWorkIsRethrownAsItself() {
    DataException failure = new DataException("t.csv", 3, 2, "expected a number");
    Supplier<Object> s = Background.start(() -> {
      throw failure;
    }, true, "test");
    assertThatThrownBy(s::get).isSameAs(failure);
  }

  @Test
  void inlineWorkRunsOnceAndOnlyWhenAsked() {
    AtomicInteger runs = new AtomicInteger();
    Supplier<Integer> s = Background.start(runs::incrementAndGet, false, "test");
    assertThat(runs).hasValue(0);
    assertThat(s.get()).isEqualTo(1);
    assertThat(s.get()).isEqualTo(1);
    assertThat(runs).hasValue(1);
  }
}
