package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.model.DataException;
import org.trialstat.model.Observation;
import org.trialstat.model.TrialData;

/**
 * Reading ahead on a thread of its own ({@link ReadAhead}, CSV files of {@link CsvTableSource#READ_AHEAD_MIN}
 * bytes or more) gives the same rows and the same first error as reading on the caller's thread.
 */
class ReadAheadTest {

  @TempDir
  Path dir;

  /** 0, 1, ... count - 1, then {@code failure} (or the end when null). */
  private static Supplier<Integer> counting(int count, RuntimeException failure, AtomicInteger calls) {
    return () -> {
      int i = calls.getAndIncrement();
      if (i < count) {
        return i;
      }
      if (failure != null) {
        throw failure;
      }
      return null;
    };
  }

  @Test
  void everyItemInOrderThenTheEnd() {
    int n = 3 * ReadAhead.BATCH + 17;
    try (ReadAhead<Integer> r = new ReadAhead<>(counting(n, null, new AtomicInteger()), "test")) {
      for (int i = 0; i < n; i++) {
        assertThat(r.next()).isEqualTo(i);
      }
      assertThat(r.next()).isNull();
      assertThat(r.next()).isNull();
    }
  }

  @Test
  void aFailureComesAfterTheItemsBeforeItAsTheSameException() {
    DataException failure = new DataException("t.csv", 5000, 3, "expected a number");
    int n = 2 * ReadAhead.BATCH + 5;
    try (ReadAhead<Integer> r = new ReadAhead<>(counting(n, failure, new AtomicInteger()), "test")) {
      for (int i = 0; i < n; i++) {
        assertThat(r.next()).isEqualTo(i);
      }
      assertThatThrownBy(r::next).isSameAs(failure);
    }
  }

  @Test
  void closingEarlyStopsTheProducer() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    ReadAhead<Integer> r = new ReadAhead<>(counting(Integer.MAX_VALUE, null, calls), "test");
    assertThat(r.next()).isZero();
    r.close(); // joins the producer
    int after = calls.get();
    Thread.sleep(50);
    assertThat(calls.get()).isEqualTo(after);
    assertThat(after).isLessThanOrEqualTo((ReadAhead.DEPTH + 4) * ReadAhead.BATCH); // bounded read-ahead
  }

  /** A long-format trial of {@code participants} x 5 visits, over READ_AHEAD_MIN bytes for 80,000. */
  private static List<String> trial(int participants) {
    List<String> lines = new ArrayList<>();
    lines.add("participant_id,arm,visit,week,caps_total,ptsd_dx");
    String[] visits = {"baseline", "week3", "week6", "week12", "week18"};
    for (int i = 0; i < participants; i++) {
      String arm = i % 2 == 0 ? "MDMA" : "Placebo";
      for (int v = 0; v < visits.length; v++) {
        int score = 20 + (i * 7 + v * 13) % 50;
        lines.add("P" + i + "," + arm + "," + visits[v] + "," + (v * 3) + "," + score + "," + (score > 30 ? 1 : 0));
      }
    }
    return lines;
  }

  private Path write(List<String> lines) throws IOException {
    Path f = dir.resolve("big.csv");
    Files.write(f, lines, StandardCharsets.UTF_8);
    assertThat(Files.size(f)).isGreaterThanOrEqualTo(CsvTableSource.READ_AHEAD_MIN); // the read-ahead path
    return f;
  }

  private static TrialData sequential(Path f) throws IOException {
    return TrialCsvReader.read(new ByteArrayInputStream(Files.readAllBytes(f)), f.toString(), ReadOptions.defaults());
  }

  private static TrialData readAhead(Path f) {
    return TrialFiles.read(f, f.toString(), ReadOptions.defaults(), TrialFiles.Selection.all()).data();
  }

  @Test
  void aLargeFileReadAheadHasTheRowsOfASequentialRead() throws IOException {
    Path f = write(trial(80_000));
    TrialData a = readAhead(f);
    TrialData s = sequential(f);
    assertThat(a.observations()).hasSize(400_000).hasSameSizeAs(s.observations());
    for (int i = 0; i < a.observations().size(); i += 997) {
      Observation x = a.observations().get(i);
      Observation y = s.observations().get(i);
      assertThat(x).isEqualTo(y);
    }
    assertThat(a.observations().get(a.observations().size() - 1)).isEqualTo(s.observations().get(s.observations().size() - 1));
    assertThat(a.arms()).isEqualTo(s.arms());
    assertThat(a.visits()).isEqualTo(s.visits());
  }

  @Test
  void theConsumersErrorInAnEarlierRowWinsOverALexingErrorFurtherOn() throws IOException {
    List<String> lines = trial(80_000);
    lines.set(3000, lines.get(3000).replaceFirst(",[0-9]+,([01])$", ",abc,$1")); // bad score on line 3001
    lines.set(250_000, lines.get(250_000) + ",\"unclosed"); // lexing error much further on
    Path f = write(lines);
    DataException ahead = catchData(() -> readAhead(f));
    DataException seq = catchData(() -> sequential(f));
    assertThat(ahead.describe()).isEqualTo(seq.describe());
    assertThat(ahead.line()).isEqualTo(3001);
  }

  @Test
  void aLexingErrorIsReportedAsASequentialReadReportsIt() throws IOException {
    List<String> lines = trial(80_000);
    lines.set(250_000, lines.get(250_000) + ",extra"); // a row wider than the header on line 250001
    Path f = write(lines);
    DataException ahead = catchData(() -> readAhead(f));
    DataException seq = catchData(() -> sequential(f));
    assertThat(ahead.describe()).isEqualTo(seq.describe());
    assertThat(ahead.line()).isEqualTo(250_001);
  }

  private interface Read {
    Object run() throws IOException;
  }

  private static DataException catchData(Read r) {
    try {
      r.run();
    } catch (DataException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a DataException");
  }
}
