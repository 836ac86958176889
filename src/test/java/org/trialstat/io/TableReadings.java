package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a whole {@link TableSource} with an external program's reading of the same file, one line per
 * variable (file key, variable, type, rows, missing, sum of the numbers or number of distinct texts, first
 * and last value), as the committed reference scripts print them. Tolerance: sums to 1e-12 relative
 * (both sides add in file order), single numbers to 1e-15 relative, texts exactly.
 */
final class TableReadings {

  /** One line of a readings file. */
  record Reading(String variable, String type, int rows, int missing, String sumOrDistinct, String first,
      String last) {
  }

  private TableReadings() {
  }

  static Map<String, List<Reading>> load(Path tsv) throws IOException {
    Map<String, List<Reading>> m = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      m.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Reading(f[1], f[2], Integer.parseInt(f[3]),
          Integer.parseInt(f[4]), f[5], f[6], f[7]));
    }
    return m;
  }

  static void check(TableSource src, List<Reading> expected) {
    List<Column> cols = src.columns();
    assertThat(cols).extracting(Column::name).containsExactlyElementsOf(
        expected.stream().map(Reading::variable).toList());
    int n = cols.size();
    int[] missing = new int[n];
    double[] sums = new double[n];
    List<Set<String>> distinct = new ArrayList<>();
    String[] first = new String[n];
    String[] last = new String[n];
    for (int i = 0; i < n; i++) {
      distinct.add(new HashSet<>());
    }
    int rows = 0;
    while (src.next()) {
      rows++;
      for (int i = 0; i < n; i++) {
        String text;
        if (cols.get(i).type() == ColumnType.NUMERIC) {
          double v = src.number(i);
          missing[i] += Double.isNaN(v) ? 1 : 0;
          sums[i] += Double.isNaN(v) ? 0 : v;
          text = Double.isNaN(v) ? "NA" : Double.toString(v);
        } else {
          text = src.text(i);
          missing[i] += text.isEmpty() ? 1 : 0;
          distinct.get(i).add(text);
        }
        if (rows == 1) {
          first[i] = text;
        }
        last[i] = text;
      }
    }
    for (int i = 0; i < n; i++) {
      Reading r = expected.get(i);
      String what = src.file() + " " + r.variable();
      assertThat(rows).as(what).isEqualTo(r.rows());
      assertThat(missing[i]).as(what).isEqualTo(r.missing());
      if (r.type().equals("numeric")) {
        assertThat(cols.get(i).type()).as(what).isEqualTo(ColumnType.NUMERIC);
        double sum = Double.parseDouble(r.sumOrDistinct());
        assertThat(sums[i]).as(what).isCloseTo(sum, within(1e-12 * Math.max(1, Math.abs(sum))));
        assertNumber(what, first[i], r.first());
        assertNumber(what, last[i], r.last());
      } else {
        assertThat(cols.get(i).type()).as(what).isEqualTo(ColumnType.CHARACTER);
        assertThat(distinct.get(i)).as(what).hasSize(Integer.parseInt(r.sumOrDistinct()));
        assertThat(first[i]).as(what).isEqualTo(r.first());
        assertThat(last[i]).as(what).isEqualTo(r.last());
      }
    }
  }

  private static void assertNumber(String what, String actual, String expected) {
    if (expected.equals("NA")) {
      assertThat(actual).as(what).isEqualTo("NA");
      return;
    }
    double e = Double.parseDouble(expected);
    assertThat(Double.parseDouble(actual)).as(what).isCloseTo(e, within(1e-15 * Math.abs(e)));
  }
}
