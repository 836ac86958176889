package org.trialstat.io;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Items of a sequential source produced on a thread of its own, a few batches ahead of the consumer: for
 * large CSV files, the lexer (Commons CSV behind {@link GuardedReader}) runs on one core while the
 * caller turns the previous records into columns on another. The consumer sees exactly the items, in
 * the order, that calling the source itself would give; a failure of the source reaches the consumer
 * after every item produced before it, as the same exception, so the first problem reported is the one
 * a sequential read reports (a problem the consumer finds in an earlier row comes first). Bounded: at
 * most {@link #DEPTH} batches of {@link #BATCH} items wait. One consumer thread.
 *
 * @param <T> the item; the source returns null at its end
 */
final class ReadAhead<T> implements AutoCloseable {

  /** Items per batch. */
  static final int BATCH = 1024;
  /** Batches that may wait for the consumer. */
  static final int DEPTH = 8;

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH + 2);
  private final Thread thread;
  private volatile boolean closed;
  private Object[] batch = new Object[0];
  private int at;
  private int size;
  private boolean done;

  ReadAhead(Supplier<T> source, String name) {
    thread = new Thread(() -> produce(source), name);
    thread.setDaemon(true);
    thread.start();
  }

  private record Batch(Object[] items, int size) {
  }

  private void produce(Supplier<T> source) {
    Object[] b = new Object[BATCH];
    int n = 0;
    try {
      for (T t = source.get(); t != null; t = source.get()) {
        b[n++] = t;
        if (n == BATCH) {
          if (!put(new Batch(b, n))) {
            return;
          }
          b = new Object[BATCH];
          n = 0;
        }
      }
      if (put(new Batch(b, n))) {
        put(END);
      }
    } catch (RuntimeException | Error e) {
      if (put(new Batch(b, n))) {
        put(e);
      }
    }
  }

  /** Hands {@code o} to the consumer; false once the consumer has closed (the producer then stops). */
  private boolean put(Object o) {
    try {
      while (!closed) {
        if (queue.offer(o, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** The next item, or null at the end; rethrows the source's failure where it occurred. */
  @SuppressWarnings("unchecked")
  T next() {
    while (at == size) {
      if (done) {
        return null;
      }
      Object o = take();
      if (o == END) {
        done = true;
        return null;
      }
      if (o instanceof RuntimeException e) {
        done = true;
        throw e;
      }
      if (o instanceof Error e) {
        done = true;
        throw e;
      }
      Batch b = (Batch) o;
      batch = b.items();
      size = b.size();
      at = 0;
    }
    T t = (T) batch[at];
    batch[at++] = null; // the consumer keeps what it needs
    return t;
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) { // trialstat never interrupts its threads: a failure
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the records read ahead", e);
    }
  }

  /** Stops the producer (it may be reading ahead when the consumer fails) and waits for it to end. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    queue.clear();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
