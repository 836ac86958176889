package org.trialstat.stats.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.trialstat.model.ChiSquareTest;
import org.trialstat.model.StratifiedBinaryResult;
import org.trialstat.model.WaldEffect;

/**
 * Algebraic properties of the stratified statistics (no reference values: the numbers themselves are
 * checked against R in StratifiedBinaryAnalysisTest). Swapping the arms negates the RD and inverts the
 * ratios and leaves the CMH and Breslow-Day statistics unchanged (the formulas are symmetric in the
 * arms: Delta changes sign, V does not); the order of the strata does not matter. Relative tolerance
 * 1e-12 (rounding of sums in another order).
 */
class StratifiedPropertiesTest {

  @Provide
  Arbitrary<List<StratumTable>> strata() {
    Arbitrary<StratumTable> table = Combinators.combine(Arbitraries.integers().between(0, 30),
        Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 100),
        Arbitraries.integers().between(0, 100)).as((nT, nC, pT, pC) -> new StratumTable("s",
            nT * pT / 100, nT, nC * pC / 100, nC));
    return table.list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * Random seeds (jqwik reports the seed of a failure and retries its sample first). The
   * counterexample {@link #knownSwapCounterexample()} was found on a random seed; with the
   * tolerance of 1e-12, 60,000 random tries of each property passed after the fixes of the CMH
   * continuity correction and the Breslow-Day expected cells.
   */
  @Property(tries = 300)
  void swappingTheArmsNegatesAndInverts(@ForAll("strata") List<StratumTable> tables) {
    List<StratumTable> swapped = tables.stream()
        .map(t -> new StratumTable(t.label(), t.eventsC(), t.nC(), t.eventsT(), t.nT())).toList();
    StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(tables, 0.95);
    StratifiedBinaryResult s = StratifiedBinaryAnalysis.analyze(swapped, 0.95);
    same(r.cmh(), s.cmh());
    same(r.cmhUncorrected(), s.cmhUncorrected());
    same(r.breslowDay(), s.breslowDay());
    same(r.tarone(), s.tarone());
    if (r.riskDifference().estimable()) {
      close(s.riskDifference().estimate(), -r.riskDifference().estimate());
      close(s.riskDifference().se(), r.riskDifference().se());
    }
    assertThat(s.oddsRatio().estimable()).isEqualTo(r.oddsRatio().estimable());
    if (r.oddsRatio().estimable()) {
      close(s.oddsRatio().estimate(), 1 / r.oddsRatio().estimate());
      close(s.oddsRatio().se(), r.oddsRatio().se());
    }
  }

  /**
   * The counterexample of the swap property found on a random seed: Delta is exactly -1/2, so the
   * continuity-corrected CMH statistic is 0 in both arm orders; decided on a floating-point sum, the
   * swapped order fell just below 1/2 and got no correction (0.2517), as R's mantelhaen.test does
   * (src/test/resources/binary/make_cmh_boundary.R). Fixed by the exact Delta of CochranMantelHaenszel.
   */
  @net.jqwik.api.Example
  void knownSwapCounterexample() {
    swappingTheArmsNegatesAndInverts(List.of(new StratumTable("s", 2, 2, 0, 1), new StratumTable("s", 0, 7, 5, 23)));
  }

  @Property(tries = 300)
  void strataOrderDoesNotMatter(@ForAll("strata") List<StratumTable> tables) {
    List<StratumTable> shuffled = new ArrayList<>(tables);
    Collections.shuffle(shuffled, new Random(tables.size()));
    StratifiedBinaryResult r = StratifiedBinaryAnalysis.analyze(tables, 0.95);
    StratifiedBinaryResult s = StratifiedBinaryAnalysis.analyze(shuffled, 0.95);
    same(r.cmh(), s.cmh());
    same(r.tarone(), s.tarone());
    for (WaldEffect[] pair : new WaldEffect[][] {{r.riskDifference(), s.riskDifference()},
        {r.riskRatio(), s.riskRatio()}, {r.oddsRatio(), s.oddsRatio()}}) {
      assertThat(pair[1].estimable()).isEqualTo(pair[0].estimable());
      if (pair[0].estimable()) {
        close(pair[1].estimate(), pair[0].estimate());
        close(pair[1].ciHigh(), pair[0].ciHigh());
      }
    }
  }

  private static void same(ChiSquareTest a, ChiSquareTest b) {
    assertThat(b.estimable()).isEqualTo(a.estimable());
    if (a.estimable()) {
      close(b.statistic(), a.statistic());
      assertThat(b.df()).isEqualTo(a.df());
    }
  }

  private static void close(double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).isNaN();
    } else {
      assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1e-300, Math.abs(expected)) + 1e-15));
    }
  }
}
