package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Observation;
import org.trialstat.model.Scale;

/**
 * Fuzz test of the record-format readers (SAS transport, Dataset-JSON, sas7bdat) through
 * {@link TrialFiles}: any bytes give data that keeps the reader's promises, or a {@link DataException}
 * (or, for a member choice, an {@link InvalidOptionException}) with a one-line message; never another
 * exception. As {@link TrialCsvReaderFuzzTest}: a plain {@code mvn test} replays the seed corpus in
 * {@code src/test/resources/org/trialstat/io/TableSourceFuzzTestInputs/<method>/}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=TableSourceFuzzTest}.
 */
class TableSourceFuzzTest {

  private static final ReadOptions ADAM = ReadOptions.forScale(Scale.NONE).withColumns(
      new ColumnNames("USUBJID", "TRTP", "AVISIT", "AVAL", null, "AVISITN"));
  private static final TrialFiles.Selection FILTERED = new TrialFiles.Selection(
      List.of(WhereFilter.parse("SITEID in (701, 703)")), null, List.of("TRTP", "TRT01P"), "ABLFL");

  @FuzzTest(maxDuration = "1m")
  void readXpt(byte[] input) {
    read(input, "fuzz.xpt");
  }

  @FuzzTest(maxDuration = "1m")
  void readDatasetJson(byte[] input) {
    read(input, "fuzz.json");
  }

  @FuzzTest(maxDuration = "1m")
  void readSas7bdat(byte[] input) {
    read(input, "fuzz.sas7bdat");
  }

  private static void read(byte[] input, String name) {
    Path file;
    try {
      file = Files.createTempFile("fuzz", name);
      Files.write(file, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (TrialFiles.Selection selection : List.of(TrialFiles.Selection.all(), FILTERED)) {
        try {
          TrialFiles.Read read = TrialFiles.read(file, name, ADAM, selection);
          assertThat(read.data().observations()).isNotEmpty();
          for (Observation o : read.data().observations()) {
            assertThat(o.participant()).isNotEmpty();
            assertThat(read.data().arms()).contains(o.arm());
            assertThat(read.data().visits()).contains(o.visit());
            assertThat(Double.isInfinite(o.score())).isFalse();
          }
        } catch (DataException e) {
          assertThat(e.describe()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
          assertThat(e.file()).isEqualTo(name);
        } catch (InvalidOptionException e) {
          assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
      }
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file
      }
    }
  }
}
