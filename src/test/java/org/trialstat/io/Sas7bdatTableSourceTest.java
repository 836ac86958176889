package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.model.DataException;

/**
 * {@link Sas7bdatTableSource} (parso) against R's haven 2.5.1 {@code read_sas} on the SAS-written files in
 * {@code ../shared/adam/} (read in place): {@code src/test/resources/io/sas7bdat/haven_readings.tsv}, made
 * by {@code make_sas7bdat_reference.R} beside it (tolerances in {@link TableReadings}).
 */
class Sas7bdatTableSourceTest {

  static final Path DIR = Path.of("src", "test", "resources", "io", "sas7bdat");

  @ParameterizedTest
  @ValueSource(strings = {"dm", "dm_accenture"})
  void sasWrittenFilesMatchHaven(String key) throws IOException {
    Path f = Path.of("..", "shared", "adam", key + ".sas7bdat");
    Assumptions.assumeTrue(Files.exists(f), "../shared/adam/" + key + ".sas7bdat is absent: skipped");
    try (TableSource src = TableSources.open(f, key + ".sas7bdat", null)) {
      TableReadings.check(src, TableReadings.load(DIR.resolve("haven_readings.tsv")).get(key));
    }
  }

  @Test
  void damagedFileIsADataError(@TempDir Path tmp) throws IOException {
    Path f = Path.of("..", "shared", "adam", "dm.sas7bdat");
    Assumptions.assumeTrue(Files.exists(f), "../shared/adam/dm.sas7bdat is absent: skipped");
    byte[] b = Files.readAllBytes(f);
    Path cut = tmp.resolve("cut.sas7bdat");
    Files.write(cut, java.util.Arrays.copyOf(b, 2048));
    assertThatThrownBy(() -> {
      try (TableSource src = TableSources.open(cut, "cut.sas7bdat", null)) {
        while (src.next()) {
          src.text(0);
        }
      }
    }).isInstanceOf(DataException.class);
    Path csv = tmp.resolve("fake.sas7bdat");
    Files.writeString(csv, "a,b\n1,2\n");
    assertThatThrownBy(() -> TableSources.open(csv, "fake.sas7bdat", null)).isInstanceOf(DataException.class)
        .hasMessageStartingWith("not a sas7bdat file");
  }
}
