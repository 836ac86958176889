package org.trialstat.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Parallel batch runs keep input order, for results and for the error reported. */
class BatchTest {

  @Test
  void resultsComeInInputOrder() {
    List<Integer> in = IntStream.range(0, 200).boxed().toList();
    assertThat(Batch.inOrder(in, i -> i * i)).isEqualTo(in.stream().map(i -> i * i).toList());
    assertThat(Batch.inOrder(List.of(7), i -> i + 1)).containsExactly(8);
    assertThat(Batch.inOrder(List.<Integer>of(), i -> i)).isEmpty();
  }

  @RepeatedTest(20)
  void theFirstFailingInputInOrderIsReported() {
    List<Integer> in = IntStream.range(0, 64).boxed().toList();
    assertThatThrownBy(() -> Batch.inOrder(in, i -> {
      if (i == 17 || i == 40 || i == 63) {
        throw new IllegalStateException("input " + i);
      }
      return i;
    })).isInstanceOf(IllegalStateException.class).hasMessage("input 17");
  }
}
