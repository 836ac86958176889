package org.trialstat.stats.mmrm;

/**
 * The cross products H_ab = sum_i x_ia r_ib' (p-vectors) of a pattern's design rows with per-subject
 * vectors r, computed once per distinct column. Within a pattern many of the m p columns (local visit a,
 * design column j) hold the same value for every subject: the intercept, the arm indicator and the
 * baseline are the same at every visit, a visit indicator is all ones at its visit and all zeros at the
 * others, visit:arm is the arm indicator or zeros. When columns (a, j) and (a', j') are equal subject by
 * subject (bit for bit), H_abj and H_a'bj' add the same products x r_ib in the same (subject) order from
 * the same +0.0, so they are the same bits: each distinct column's sums are computed once and copied.
 * For an MMRM with an intercept, arm, visit, baseline and their visit interactions, the m p columns have
 * four distinct ones (ones, arm, baseline, zeros): m^2 p products per subject become 4 m.
 *
 * <p>The distinct columns are found once per pattern, exactly: from the design rows that occur at each
 * visit, a column is constant (the same bits in each of them) or not, and two columns of one visit are
 * equal when they agree in each of those rows; columns of different visits that are not constant are
 * compared subject by subject (a pass over the subjects for each column equal to an earlier one; an
 * unequal pair differs within the first few subjects in practice).
 */
final class CrossProducts {

  private final int m;
  private final int p;
  /** For each (a, j) at {@code a * p + j}, the index of its distinct column. */
  private final int[] columnOf;
  /** The local visit and design column of each distinct column (its first occurrence). */
  private final int[] visitOf;
  private final int[] designColumn;

  private CrossProducts(int m, int p, int[] columnOf, int[] visitOf, int[] designColumn) {
    this.m = m;
    this.p = p;
    this.columnOf = columnOf;
    this.visitOf = visitOf;
    this.designColumn = designColumn;
  }

  /**
   * The distinct columns of a pattern.
   *
   * @param code subject i's design-row code at local visit a at {@code i * m + a}
   * @param rows the distinct design rows, p values each
   */
  static CrossProducts of(int m, int p, int n, int[] code, double[] rows) {
    int[][] occurring = occurring(m, p, n, code, rows);
    // the bits of a column that is the same for every subject, or null
    Long[] constant = new Long[m * p];
    for (int k = 0; k < m * p; k++) {
      constant[k] = constant(occurring[k / p], rows, p, k % p);
    }
    int[] columnOf = new int[m * p];
    int[] first = new int[m * p];
    int distinct = 0;
    for (int k = 0; k < m * p; k++) {
      int found = -1;
      for (int d = 0; d < distinct && found < 0; d++) {
        if (same(m, p, n, code, rows, occurring, constant, first[d], k)) {
          found = d;
        }
      }
      if (found < 0) {
        found = distinct;
        first[distinct++] = k;
      }
      columnOf[k] = found;
    }
    int[] visitOf = new int[distinct];
    int[] designColumn = new int[distinct];
    for (int d = 0; d < distinct; d++) {
      visitOf[d] = first[d] / p;
      designColumn[d] = first[d] % p;
    }
    return new CrossProducts(m, p, columnOf, visitOf, designColumn);
  }

  /** The design-row codes that occur at each local visit, ascending. */
  private static int[][] occurring(int m, int p, int n, int[] code, double[] rows) {
    int distinctRows = rows.length / Math.max(p, 1);
    int[][] occurring = new int[m][];
    boolean[] seen = new boolean[distinctRows];
    int[] list = new int[Math.min(n, distinctRows)];
    for (int a = 0; a < m; a++) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        int c = code[i * m + a];
        if (!seen[c]) {
          seen[c] = true;
          list[count++] = c;
        }
      }
      int[] found = java.util.Arrays.copyOf(list, count);
      for (int c : found) {
        seen[c] = false;
      }
      java.util.Arrays.sort(found);
      occurring[a] = found;
    }
    return occurring;
  }

  /** The bits of column j in every one of the rows {@code codes} when they are all the same, else null. */
  private static Long constant(int[] codes, double[] rows, int p, int j) {
    if (codes.length == 0) {
      return 0L; // no subjects: every column is the empty one
    }
    long bits = Double.doubleToRawLongBits(rows[codes[0] * p + j]);
    for (int c : codes) {
      if (Double.doubleToRawLongBits(rows[c * p + j]) != bits) {
        return null;
      }
    }
    return bits;
  }

  /**
   * Whether columns k and l (a * p + j) hold the same bits for every subject: at one visit, when the
   * rows that occur there agree in both columns; as constants, when the constants are the same bits;
   * otherwise subject by subject.
   */
  private static boolean same(int m, int p, int n, int[] code, double[] rows, int[][] occurring, Long[] constant,
      int k, int l) {
    int ak = k / p;
    int jk = k % p;
    int al = l / p;
    int jl = l % p;
    if (constant[k] != null || constant[l] != null) {
      return constant[k] != null && constant[l] != null && constant[k].longValue() == constant[l].longValue();
    }
    if (ak == al) {
      for (int c : occurring[ak]) {
        if (Double.doubleToRawLongBits(rows[c * p + jk]) != Double.doubleToRawLongBits(rows[c * p + jl])) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < n; i++) {
      if (Double.doubleToRawLongBits(rows[code[i * m + ak] * p + jk])
          != Double.doubleToRawLongBits(rows[code[i * m + al] * p + jl])) {
        return false;
      }
    }
    return true;
  }

  /** Number of distinct columns. */
  int distinct() {
    return visitOf.length;
  }

  /** The accumulators of {@link #add}: m per distinct column, all +0.0. */
  double[] sums() {
    return new double[visitOf.length * m];
  }

  /** sums_db += x_i,d r_b for subject i (rows and codes as in {@link #of}), r_b = {@code r[from + b]}. */
  void add(int i, int[] code, double[] rows, double[] r, int from, double[] sums) {
    for (int d = 0; d < visitOf.length; d++) {
      double x = rows[code[i * m + visitOf[d]] * p + designColumn[d]];
      for (int b = 0; b < m; b++) {
        sums[d * m + b] += x * r[from + b];
      }
    }
  }

  /** H_ab at {@code h[(a * m + b) * p + j]} from the distinct columns' sums. */
  void spread(double[] sums, double[] h) {
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        for (int j = 0; j < p; j++) {
          h[(a * m + b) * p + j] = sums[columnOf[a * p + j] * m + b];
        }
      }
    }
  }
}
