package org.trialstat.analysis;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A computation that runs on its own thread while the caller does other work, for the large inputs where
 * that pays (the MMRM of a million participants beside the per-arm summaries and the ANCOVA). The result
 * is the same as running it inline: only when it is computed changes, so the output does not depend on
 * the number of cores. An exception of the computation is rethrown, unwrapped, by {@link #get()}.
 *
 * @param <T> the result
 */
final class Background<T> implements Supplier<T> {

  private final FutureTask<T> task;

  private Background(Supplier<T> work, String name) {
    task = new FutureTask<>(work::get);
    Thread t = new Thread(task, name);
    t.setDaemon(true); // a caller that fails first does not keep the JVM waiting for it
    t.start();
  }

  /**
   * {@code work} started on a thread of its own when {@code background}, else a supplier that runs it
   * on the caller's thread when asked (and only once).
   */
  static <T> Supplier<T> start(Supplier<T> work, boolean background, String name) {
    if (background) {
      return new Background<>(work, name);
    }
    return new Supplier<>() {
      private T value;
      private boolean done;

      @Override
      public T get() {
        if (!done) {
          value = work.get();
          done = true;
        }
        return value;
      }
    };
  }

  /** Waits for the result (trialstat never interrupts its threads: an interruption is a failure). */
  @Override
  public T get() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a background computation", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (CancellationException e) {
      throw new IllegalStateException("background computation cancelled", e);
    }
  }
}
