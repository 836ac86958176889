package org.trialstat.stats.design;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The common parts of the dictionaries of design rows and of their inputs ({@link RowInputs},
 * {@code stats.mmrm.DesignRows}): hash tables with linear probing (Knuth, The Art of Computer Programming
 * vol. 3, section 6.4, Algorithm L) holding dense codes 0 .. size-1, -1 in an empty slot, and a table
 * length that is a power of two.
 */
public final class ProbeTable {

  private ProbeTable() {
  }

  /** An empty table of {@code length} slots (a power of two). */
  public static int[] empty(int length) {
    int[] table = new int[length];
    Arrays.fill(table, -1);
    return table;
  }

  /**
   * The 64-bit finaliser of MurmurHash3 (Appleby 2011, fmix64) of a combined hash, cut to an int, so that
   * the low bits used as the table index depend on every bit of {@code h}.
   */
  public static int finish(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /** A table twice as long holding the codes 0 .. size-1, code c at the slot of {@code hash(c)}. */
  public static int[] grown(int[] table, int size, IntUnaryOperator hash) {
    int[] grown = empty(table.length * 2);
    int mask = grown.length - 1;
    for (int c = 0; c < size; c++) {
      int t = hash.applyAsInt(c) & mask;
      while (grown[t] >= 0) {
        t = (t + 1) & mask;
      }
      grown[t] = c;
    }
    return grown;
  }
}
