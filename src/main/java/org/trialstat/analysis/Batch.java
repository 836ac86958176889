package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs one analysis per input file on all cores, with results (and the error reported) in input order,
 * so that the output is the same as a sequential run whatever the number of cores.
 */
public final class Batch {

  private Batch() {
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

  /** A task's exception, kept until its input's turn. */
  private record Failure(Throwable error) {
  }
}
