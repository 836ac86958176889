package org.trialstat.io;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The records of a {@link QuoteFreeCsvRecords}, split one batch ahead by a second thread: decoding,
 * the reader's checks and the splitting run there, while the caller's thread checks the cells of the
 * records before (a two-stage pipeline). The reading thread runs the very same calls, in the same order,
 * as a caller of the {@code QuoteFreeCsvRecords} would; it copies each record (its characters and field
 * bounds) into a batch and hands the batches over in order, and a problem it meets (a
 * {@link org.trialstat.model.DataException}, or any other failure) after the records before it. So the
 * caller sees the same records and the same first problem, at the same record, as without the second
 * thread, whatever the number of cores (on one core the threads just take turns).
 * {@link #close()} stops the reading thread; it must be called (the source does, before it closes
 * the file).
 */
final class ReadAheadCsvRecords implements CharRecords {

  /** Batches read ahead at most (memory: about {@code DEPTH} times a batch's characters). */
  private static final int DEPTH = 4;

  /** One batch: records, each as a range of fields whose bounds index {@code chars}. */
  private static final class Batch {
    char[] chars = new char[1 << 16];
    int charCount;
    int[] bounds = new int[1 << 12];
    int boundCount;
    /** Per record: the index of its first field's bound pair; records[count] ends the last. */
    int[] records;
    long[] lines;
    int count;
    /** The problem met after the records, or null. */
    Throwable problem;
    /** Whether no batch follows. */
    boolean last;

    Batch(int size) {
      records = new int[size + 1];
      lines = new long[size];
    }
  }

  private final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(DEPTH);
  /** Batches the caller is done with, for the reading thread to fill again. */
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(DEPTH + 2);
  private final Thread reader;
  private volatile boolean closed;
  private Batch batch;
  private int record = -1;
  private int first;
  private int size;

  /**
   * Starts reading {@code records} ahead, {@code batchSize} records a batch (small in tests, so that
   * records and problems fall on every side of a batch's end).
   */
  ReadAheadCsvRecords(QuoteFreeCsvRecords records, int batchSize) {
    reader = new Thread(() -> readAll(records, batchSize), "trialstat-csv-read-ahead");
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll(QuoteFreeCsvRecords in, int batchSize) {
    Batch b = new Batch(batchSize);
    try {
      while (in.next()) {
        if (b.count == batchSize) {
          hand(b);
          b = emptyBatch(batchSize);
        }
        add(b, in);
      }
      b.last = true;
    } catch (Throwable t) { // handed to the caller, which throws it where the records stop
      b.problem = t;
      b.last = true;
    }
    hand(b);
  }

  private Batch emptyBatch(int batchSize) {
    Batch b = free.poll();
    if (b == null) {
      return new Batch(batchSize);
    }
    b.count = 0;
    b.charCount = 0;
    b.boundCount = 0;
    return b;
  }

  private static void add(Batch b, QuoteFreeCsvRecords in) {
    int n = in.size();
    int from = in.from(0);
    int length = in.to(n - 1) - from;
    if (b.charCount + length > b.chars.length) {
      b.chars = Arrays.copyOf(b.chars, Math.max(2 * b.chars.length, b.charCount + length));
    }
    System.arraycopy(in.chars(), from, b.chars, b.charCount, length);
    if (b.boundCount + 2 * n > b.bounds.length) {
      b.bounds = Arrays.copyOf(b.bounds, Math.max(2 * b.bounds.length, b.boundCount + 2 * n));
    }
    int shift = b.charCount - from;
    for (int i = 0; i < n; i++) {
      b.bounds[b.boundCount++] = in.from(i) + shift;
      b.bounds[b.boundCount++] = in.to(i) + shift;
    }
    b.charCount += length;
    b.lines[b.count] = in.line();
    b.records[++b.count] = b.boundCount;
  }

  /** Hands a batch over, waiting for room; gives up when the caller has closed. */
  private void hand(Batch b) {
    try {
      while (!closed && !ready.offer(b, 50, TimeUnit.MILLISECONDS)) {
        // the caller is busy with the batches before
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed
    }
  }

  @Override
  public boolean next() {
    while (batch == null || record + 1 >= batch.count) {
      if (batch != null && batch.last) {
        record = batch.count;
        return rethrow(batch.problem);
      }
      if (batch != null) {
        free.offer(batch); // dropped when full
      }
      batch = take();
      record = -1;
    }
    record++;
    first = batch.records[record];
    size = (batch.records[record + 1] - first) / 2;
    return true;
  }

  private Batch take() {
    try {
      return ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    }
  }

  private static boolean rethrow(Throwable problem) {
    if (problem == null) {
      return false;
    }
    if (problem instanceof RuntimeException e) {
      throw e;
    }
    if (problem instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(problem);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long line() {
    return batch.lines[record];
  }

  @Override
  public char[] chars() {
    return batch.chars;
  }

  @Override
  public int from(int i) {
    return batch.bounds[first + 2 * i];
  }

  @Override
  public int to(int i) {
    return batch.bounds[first + 2 * i + 1];
  }

  /** Stops the reading thread and waits for it (it may be blocked in a read of the file). */
  void close() {
    closed = true;
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
