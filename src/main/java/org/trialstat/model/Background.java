package org.trialstat.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A piece of work started on a daemon thread of its own, beside the caller's, when it is large enough to
 * pay for a thread's start (about 0.1 ms), and otherwise done on the caller's thread when its result is
 * first asked for. Either way {@link Supplier#get} gives the same value, or throws what the work threw
 * (a {@link RuntimeException} or {@link Error} as it is, for example a {@link DataException} or an
 * {@link OutOfMemoryError}), so that only the time it takes depends on the choice, never the result.
 */
public final class Background {

  private Background() {
  }

  /**
   * The work's result, computed on a thread named {@code name} started now when {@code concurrent}, else
   * on the first {@code get()}'s thread (once: later calls give the same value).
   */
  public static <T> Supplier<T> start(boolean concurrent, String name, Supplier<T> work) {
    FutureTask<T> task = new FutureTask<>(work::get);
    if (!concurrent) {
      return () -> {
        task.run(); // runs the work the first time only
        return result(task, work);
      };
    }
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return () -> result(task, work);
  }

  private static <T> T result(FutureTask<T> task, Supplier<T> work) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return work.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(cause); // a Supplier throws no checked exception
    }
  }
}
