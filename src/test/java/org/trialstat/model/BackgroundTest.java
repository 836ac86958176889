package org.trialstat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Background}: the same result, and the same exception, on a thread of its own or on the caller's. */
class BackgroundTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void givesTheWorksResultOnceWhereverItRuns(boolean concurrent) {
    AtomicInteger runs = new AtomicInteger();
    Thread caller = Thread.currentThread();
    AtomicInteger onCaller = new AtomicInteger();
    Supplier<String> s = Background.start(concurrent, "test-work", () -> {
      runs.incrementAndGet();
      if (Thread.currentThread() == caller) {
        onCaller.incrementAndGet();
      }
      return "value";
    });
    assertThat(s.get()).isEqualTo("value");
    assertThat(s.get()).isEqualTo("value");
    assertThat(runs).hasValue(1);
    assertThat(onCaller).hasValue(concurrent ? 0 : 1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void rethrowsTheWorksExceptionAsItIs(boolean concurrent) {
    DataException data = new DataException("t.csv", 3, 2, "expected a number, found 'x'");
    Supplier<Object> s = Background.start(concurrent, "test-work", () -> {
      throw data;
    });
    assertThatThrownBy(s::get).isSameAs(data);
    StackOverflowError error = new StackOverflowError();
    Supplier<Object> e = Background.start(concurrent, "test-work", () -> {
      throw error;
    });
    assertThatThrownBy(e::get).isSameAs(error);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void startsNothingBeforeItIsAskedForUnlessConcurrent(boolean concurrent) throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    Supplier<Integer> s = Background.start(concurrent, "test-work", runs::incrementAndGet);
    if (!concurrent) {
      Thread.sleep(20);
      assertThat(runs).hasValue(0);
    }
    assertThat(s.get()).isEqualTo(1);
  }
}
