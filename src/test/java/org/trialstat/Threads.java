package org.trialstat;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/** Running a task on a fork-join pool of a given size, for the tests that output does not depend on cores. */
public final class Threads {
  private Threads() {
  }

  /** The result of {@code task} run on a pool of {@code threads} threads (its parallel streams use it). */
  public static <T> T onThreads(int threads, Callable<T> task) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(task).get();
    } finally {
      pool.shutdown();
    }
  }
}
