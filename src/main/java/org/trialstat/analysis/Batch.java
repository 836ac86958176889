package org.trialstat.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs one analysis per input file on all cores, with results (and errors) in input order, so that the
 * output is the same as a sequential run whatever the number of cores.
 */
public final class Batch {

  private Batch() {
  }

  /** What one input gave: its result, or the exception that ended its task. */
  public record Outcome<R>(R result, RuntimeException error) {

    /** True when the task succeeded. */
    public boolean ok() {
      return error == null;
    }
  }

  /** Receives outcomes in input order. */
  @FunctionalInterface
  public interface Sink<T, R> {
    /** Called once per input, in input order. */
    void accept(int index, T input, Outcome<R> outcome);
  }

  /**
   * Applies {@code task} to every input, in parallel when there are several.
   *
   * @return the results in input order
   * @throws RuntimeException the exception of the first input (in input order) whose task failed
   */
  public static <T, R> List<R> inOrder(List<T> inputs, Function<T, R> task) {
    if (inputs.size() < 2) {
      List<R> one = new ArrayList<>();
      inputs.forEach(i -> one.add(task.apply(i)));
      return one;
    }
    Object[] out = new Object[inputs.size()];
    IntStream.range(0, inputs.size()).parallel().forEach(i -> {
      try {
        out[i] = task.apply(inputs.get(i));
      } catch (RuntimeException | Error e) {
        out[i] = new Failure(e);
      }
    });
    List<R> results = new ArrayList<>(out.length);
    for (Object o : out) {
      if (o instanceof Failure f) {
        if (f.error instanceof RuntimeException r) {
          throw r;
        }
        throw (Error) f.error;
      }
      @SuppressWarnings("unchecked")
      R r = (R) o;
      results.add(r);
    }
    return results;
  }

  /**
   * Applies {@code task} to every input on {@code threads} threads and hands each outcome to {@code sink}
   * in input order as soon as it and every earlier one are done. At most {@code 2 x threads} results
   * wait at any time, so memory is bounded by the largest few files, not by the number of files. An
   * {@link Error} (out of memory) ends the run.
   */
  public static <T, R> void streamInOrder(List<T> inputs, int threads, Function<T, R> task, Sink<T, R> sink) {
    if (threads < 2 || inputs.size() < 2) {
      for (int i = 0; i < inputs.size(); i++) {
        sink.accept(i, inputs.get(i), run(task, inputs.get(i)));
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "trialstat-batch");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<CompletableFuture<Outcome<R>>> window = new ArrayDeque<>();
      int next = 0;
      int done = 0;
      while (done < inputs.size()) {
        while (next < inputs.size() && window.size() < 2 * threads) {
          T in = inputs.get(next++);
          window.add(CompletableFuture.supplyAsync(() -> run(task, in), pool));
        }
        Outcome<R> o;
        try {
          o = window.removeFirst().join();
        } catch (java.util.concurrent.CompletionException e) {
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw e;
        }
        sink.accept(done, inputs.get(done), o);
        done++;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> Outcome<R> run(Function<T, R> task, T input) {
    try {
      return new Outcome<>(task.apply(input), null);
    } catch (RuntimeException e) {
      return new Outcome<>(null, e);
    }
  }

  /** A task's exception, kept until its input's turn. */
  private record Failure(Throwable error) {
  }
}
