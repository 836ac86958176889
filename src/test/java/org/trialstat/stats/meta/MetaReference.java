package org.trialstat.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.TestFiles;

/**
 * The reference values of {@code meta/make_meta.out}, printed by {@code meta/make_meta.R} (R 4.2.2,
 * metafor 3.8.1; every value with 17 significant digits; the script names the metafor call behind each
 * key), and the data-set inputs the script writes ({@code dat_bcg.csv}: metafor's dat.bcg, Colditz et
 * al. 1994; {@code dat_normand1999.csv}: dat.normand1999; {@code dat_hackshaw1998.csv}: dat.hackshaw1998).
 */
final class MetaReference {

  /** Tolerance of closed-form values: 1e-8 relative (the bar). */
  static final double CLOSED = 1e-8;
  /** Tolerance of values behind an iterative tau^2 (REML, ML, PM, EB, Q-profile limits): 1e-6 relative. */
  static final double ITERATIVE = 1e-6;
  /** Absolute floor, for values that are 0 in one program and 1e-13 in the other. */
  static final double FLOOR = 1e-10;

  private static final Map<String, Double> VALUES = load();

  private MetaReference() {
  }

  private static Map<String, Double> load() {
    Map<String, Double> m = new HashMap<>();
    try {
      for (String line : Files.readAllLines(TestFiles.resource("meta/make_meta.out"), StandardCharsets.UTF_8)) {
        String[] f = line.trim().split(" ");
        m.put(f[0] + " " + f[1], Double.parseDouble(f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** The value of CASE KEY, for example ("bcg_rr_reml", "tau2"). */
  static double value(String c, String key) {
    Double v = VALUES.get(c + " " + key);
    if (v == null) {
      throw new IllegalArgumentException("no reference " + c + " " + key);
    }
    return v;
  }

  /** True when the reference has CASE KEY. */
  static boolean has(String c, String key) {
    return VALUES.containsKey(c + " " + key);
  }

  /** The values CASE KEY[1], KEY[2], ... */
  static double[] vector(String c, String key) {
    List<Double> out = new ArrayList<>();
    for (int i = 1; has(c, key + "[" + i + "]"); i++) {
      out.add(value(c, key + "[" + i + "]"));
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Asserts |got - ref| &lt;= tol |ref| + FLOOR, naming the reference in the message. */
  static void check(double got, String c, String key, double tol) {
    double ref = value(c, key);
    assertThat(Math.abs(got - ref)).as("%s %s: got %s, metafor %s (tolerance %s relative)", c, key, got, ref, tol)
        .isLessThanOrEqualTo(tol * Math.abs(ref) + FLOOR);
  }

  /** The rows of a data-set CSV written by the script (quoted strings, no embedded commas but in names). */
  static List<String[]> csv(String name) {
    try {
      List<String> lines = Files.readAllLines(TestFiles.resource("meta/" + name), StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      for (String l : lines.subList(1, lines.size())) {
        rows.add(splitQuoted(l));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] splitQuoted(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(b.toString());
        b.setLength(0);
      } else {
        b.append(ch);
      }
    }
    cells.add(b.toString());
    return cells.toArray(String[]::new);
  }
}
