package org.trialstat.stats.mmrm;

import java.util.Arrays;
import org.trialstat.stats.design.ProbeTable;

/**
 * The distinct design rows of an MMRM, each with a dense code in order of first appearance: a hash table
 * with linear probing ({@link ProbeTable}: Knuth, The Art of Computer Programming vol. 3, section 6.4,
 * Algorithm L) over the rows' bit patterns ({@link Double#doubleToLongBits}, so -0.0 and 0.0 stay distinct and every stored
 * number is exactly the one coded). A trial's rows repeat: arm x visit indicators and a baseline score on
 * a small integer scale give a few hundred distinct rows for a million observations.
 */
final class DesignRows {

  /** The rows' memory would pass {@link Design#MAX_DOUBLES}. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("design rows exceed " + Design.MAX_DOUBLES + " doubles", null, false, false);
    }
  }

  /** Rows one per observation, coded: the code of each and the dictionary. */
  record Coded(int[] codes, DesignRows rows) {
  }

  private final int p;
  private double[] values;
  private int size;
  private int[] table = ProbeTable.empty(64);

  DesignRows(int p) {
    this.p = p;
    values = new double[16 * Math.max(p, 1)];
  }

  /** The rows of {@code x} (n x p, row-major), coded. */
  static Coded codeAll(double[] x, int p) {
    DesignRows rows = new DesignRows(p);
    int n = p == 0 ? 0 : x.length / p;
    int[] codes = new int[n];
    for (int r = 0; r < n; r++) {
      codes[r] = rows.code(x, r * p);
    }
    return new Coded(codes, rows);
  }

  /**
   * The code of the row {@code row[offset .. offset + p)}, added when new.
   *
   * @throws TooLarge when the distinct rows would take more than {@link Design#MAX_DOUBLES} doubles
   */
  int code(double[] row, int offset) {
    int h = hash(row, offset);
    int mask = table.length - 1;
    for (int t = h & mask; ; t = (t + 1) & mask) {
      int c = table[t];
      if (c < 0) {
        return add(row, offset, t);
      }
      if (same(row, offset, c)) {
        return c;
      }
    }
  }

  private int add(double[] row, int offset, int slot) {
    if ((long) (size + 1) * p > Design.MAX_DOUBLES) {
      throw new TooLarge();
    }
    if ((size + 1) * p > values.length) {
      values = Arrays.copyOf(values, (int) Math.min((long) values.length * 2, Design.MAX_DOUBLES));
    }
    System.arraycopy(row, offset, values, size * p, p);
    table[slot] = size;
    size++;
    if (size * 2 > table.length) {
      rehash();
    }
    return size - 1;
  }

  private boolean same(double[] row, int offset, int c) {
    for (int j = 0; j < p; j++) {
      if (Double.doubleToLongBits(row[offset + j]) != Double.doubleToLongBits(values[c * p + j])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The row's hash: each value's bits folded (high word into low, as {@link Double#hashCode}: a small
   * integer-valued double has only zeros in its low 40 bits), combined by 31 h + v, then the 64-bit
   * finaliser of MurmurHash3 (Appleby 2011, fmix64), so that the low bits used as the table index depend
   * on every bit of the row. (Before, rows that differed only in integer-valued baselines all hashed to
   * one slot in 256, and probing took most of the time of a bootstrap sample's fit.)
   */
  private int hash(double[] row, int offset) {
    long h = 1;
    for (int j = 0; j < p; j++) {
      long bits = Double.doubleToLongBits(row[offset + j]);
      h = 31 * h + (bits ^ (bits >>> 32));
    }
    return ProbeTable.finish(h);
  }

  private void rehash() {
    table = ProbeTable.grown(table, size, c -> hash(values, c * p));
  }

  /** Number of distinct rows. */
  int size() {
    return size;
  }

  /** The distinct rows, p values each, in code order. */
  double[] values() {
    return Arrays.copyOf(values, size * p);
  }
}
