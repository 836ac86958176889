package org.trialstat.report;

import java.util.Arrays;
import java.util.List;
import org.trialstat.model.MetaResult;

/**
 * A text funnel plot: each study's effect (x, analysis scale) against its standard error (y, 0 at
 * the top, growing downwards), with the pooled estimate as a column of {@code :} and the pseudo 95%
 * limits {@code estimate -/+ 1.96 se} as {@code /} and {@code \}. A study is {@code o}, two or more in
 * one cell a digit (9 for nine or more). Asymmetry about the pooled column is what Egger's test tests.
 */
final class MetaFunnel {

  static final int WIDTH = 41;
  static final int HEIGHT = 12;
  private static final double Z = 1.959963984540054;

  private MetaFunnel() {
  }

  /** The plot lines and an axis line, or an empty list with fewer than 3 included studies or no pooled estimate. */
  static List<String> lines(MetaResult r) {
    List<MetaResult.Study> in = r.studies().stream().filter(MetaResult.Study::included).toList();
    double mu = r.pooled().estimate();
    if (in.size() < 3 || !Double.isFinite(mu)) {
      return List.of();
    }
    double seMax = in.stream().mapToDouble(s -> Math.sqrt(s.vi())).max().orElse(1);
    double lo = mu - Z * seMax;
    double hi = mu + Z * seMax;
    for (MetaResult.Study s : in) {
      lo = Math.min(lo, s.yi());
      hi = Math.max(hi, s.yi());
    }
    char[][] g = new char[HEIGHT][WIDTH];
    for (char[] row : g) {
      Arrays.fill(row, ' ');
    }
    for (int y = 0; y < HEIGHT; y++) {
      double se = seMax * y / (HEIGHT - 1);
      g[y][col(mu, lo, hi)] = ':';
      g[y][col(mu - Z * se, lo, hi)] = '/';
      g[y][col(mu + Z * se, lo, hi)] = '\\';
    }
    int[][] count = new int[HEIGHT][WIDTH];
    for (MetaResult.Study s : in) {
      int y = (int) Math.round(Math.sqrt(s.vi()) / seMax * (HEIGHT - 1));
      int x = col(s.yi(), lo, hi);
      count[y][x]++;
      g[y][x] = count[y][x] == 1 ? 'o' : (char) ('0' + Math.min(9, count[y][x]));
    }
    String[] out = new String[HEIGHT + 1];
    for (int y = 0; y < HEIGHT; y++) {
      out[y] = new String(g[y]).stripTrailing();
    }
    out[HEIGHT] = "x axis: " + Fmt.fixed(lo, 2) + " to " + Fmt.fixed(hi, 2)
        + (r.settings().measure().ratio() ? " (log scale)" : "") + "; y axis: 0 to " + Fmt.fixed(seMax, 2);
    return List.of(out);
  }

  private static int col(double x, double lo, double hi) {
    return (int) Math.round((x - lo) / (hi - lo) * (WIDTH - 1));
  }
}
