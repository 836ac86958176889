package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.DataException;

/**
 * {@link DatasetJsonTableSource} against Python's json module: our own files in both forms and the R
 * Consortium pilot 5 {@code adsl.json} in {@code ../shared/adam/} (read in place), compared with
 * {@code src/test/resources/io/datasetjson/python_readings.tsv}, made by
 * {@code make_datasetjson_reference.py} beside it (tolerances in {@link TableReadings}).
 */
class DatasetJsonTableSourceTest {

  static final Path DIR = Path.of("src", "test", "resources", "io", "datasetjson");

  @ParameterizedTest
  @CsvSource({"own.json, own_json", "own.ndjson, own_ndjson"})
  void ownFilesMatchPython(String file, String key) throws IOException {
    try (TableSource src = TableSources.open(DIR.resolve(file), file, null)) {
      TableReadings.check(src, TableReadings.load(DIR.resolve("python_readings.tsv")).get(key));
    }
  }

  @Test
  void pilotAdslMatchesPython() throws IOException {
    Path f = Path.of("..", "shared", "adam", "adsl.json");
    Assumptions.assumeTrue(Files.exists(f), "../shared/adam/adsl.json is absent: skipped");
    try (TableSource src = TableSources.open(f, "adsl.json", null)) {
      TableReadings.check(src, TableReadings.load(DIR.resolve("python_readings.tsv")).get("adsl"));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}],\"rows\":[[1],[2,3]]}|record 2: row has more than the 1 cells",
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"},{\"name\":\"B\",\"dataType\":\"string\"}],\"rows\":[[1]]}|record 1, variable B: row has 1 cells but there are 2 columns",
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}],\"rows\":[[\"x\"]]}|record 1, variable A: cell is the string \"x\" but the column's dataType is integer",
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}],\"rows\":[[1.5]]}|record 1, variable A: cell is the number 1.5",
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"string\"}],\"rows\":[[7]]}|record 1, variable A: cell is the number 7 but the column's dataType is string",
      "{\"records\":3,\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}],\"rows\":[[1]]}|\"records\" says 3 but the file has 1 rows",
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}],\"rows\":[[1]],\"records\":2}|\"records\" says 2 but the file has 1 rows",
      "{\"rows\":[[1]],\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}]}|\"rows\" comes before \"columns\"",
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"number\"}],\"rows\":[]}|has dataType \"number\"",
      "{\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}],\"rows\":[[1],[2|malformed JSON in row 2",
  })
  void badFilesAreDataErrors(String content, String message, @TempDir Path tmp) throws IOException {
    assertFails(content, message, tmp);
  }

  @Test
  void ndjsonWithABrokenLine(@TempDir Path tmp) throws IOException {
    assertFails("{\"columns\":[{\"name\":\"A\",\"dataType\":\"integer\"}]}\n[1]\n[2,\n[3]\n",
        "bad.json:3: broken NDJSON line: row 2 does not end on its line", tmp);
  }

  private static void assertFails(String content, String message, Path tmp) throws IOException {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, content);
    assertThatThrownBy(() -> {
      try (TableSource src = TableSources.open(f, "bad.json", null)) {
        while (src.next()) {
          for (int i = 0; i < src.width(); i++) {
            src.text(i);
          }
        }
      }
    }).isInstanceOfSatisfying(DataException.class, e -> org.assertj.core.api.Assertions.assertThat(e.describe())
        .contains(message).doesNotContain("\n"));
  }
}
