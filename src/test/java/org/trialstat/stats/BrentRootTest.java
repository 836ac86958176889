package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrentRootTest {

  @Test
  void findsAnAnalyticRoot() {
    // x^2 - 2 on [0, 4]: the root is sqrt(2) (analytic); tolerance 2 * 1e-15 * sqrt(2) + 1e-15
    double root = new BrentRoot(1e-15, 1e-15, 0, 200).solve(x -> x * x - 2, 0, 4);
    assertThat(root).isCloseTo(Math.sqrt(2), within(4e-15));
    // cos(x) - x (the Dottie number 0.739085133215160641655..., OEIS A003957), tolerance as above
    assertThat(new BrentRoot(1e-15, 1e-15, 0, 200).solve(x -> Math.cos(x) - x, 0, 1))
        .isCloseTo(0.7390851332151607, within(4e-15));
  }

  @Test
  void aFunctionThatTurnsNanStopsAtTheEvaluationCap() {
    // a sign change between the midpoint and the upper end, and NaN everywhere between them
    assertThatThrownBy(() -> new BrentRoot(1e-15, 1e-15, 0, 50)
        .solve(x -> x <= 0.5 ? -1 : x == 1 ? 1 : Double.NaN, 0, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("50 evaluations");
  }

  @Test
  void noSignChangeIsAnIllegalArgument() {
    assertThatThrownBy(() -> new BrentRoot(1e-15, 1e-15, 0, 50).solve(x -> x * x + 1, -1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
