package org.trialstat.model;

import java.util.Arrays;

/**
 * Distinct strings, each with a dense code in order of first appearance, without an entry object or a
 * boxed integer per string (8 bytes of table per string against about 50 for a {@code HashMap}): an
 * open-addressing hash table with linear probing (Knuth, The Art of Computer Programming vol. 3,
 * section 6.4, Algorithm L), kept at most half full. The last string looked up is remembered, so a run
 * of equal strings (a participant's rows in long format) costs one {@code equals} each instead of a
 * probe of a table that, for a million participants, is far larger than the processor's caches. One
 * thread.
 */
public final class StringDictionary {

  private String[] values = new String[16];
  private int[] table = new int[32];
  private int size;
  private String last;
  private int lastCode = -1;

  /** An empty dictionary. */
  public StringDictionary() {
    Arrays.fill(table, -1);
  }

  /** The code of {@code s}, added when new; {@code s} not null. */
  public int code(String s) {
    if (s.equals(last)) {
      return lastCode;
    }
    int code = lookUp(s);
    last = s;
    lastCode = code;
    return code;
  }

  private int lookUp(String s) {
    int mask = table.length - 1;
    for (int t = spread(s.hashCode()) & mask; ; t = (t + 1) & mask) {
      int c = table[t];
      if (c < 0) {
        if (size == values.length) {
          values = Arrays.copyOf(values, size * 2);
        }
        values[size] = s;
        table[t] = size;
        if (++size * 2 > table.length) {
          rehash();
        }
        return size - 1;
      }
      if (values[c].equals(s)) {
        return c;
      }
    }
  }

  /** Number of distinct strings. */
  public int size() {
    return size;
  }

  /** The string of a code. */
  public String value(int code) {
    return values[code];
  }

  /** The strings in code order. */
  public String[] values() {
    return Arrays.copyOf(values, size);
  }

  private static int spread(int h) {
    return (int) ((h * 0x9E3779B97F4A7C15L) >>> 32); // Fibonacci hashing (Knuth 6.4)
  }

  private void rehash() {
    table = new int[table.length * 2];
    Arrays.fill(table, -1);
    int mask = table.length - 1;
    for (int c = 0; c < size; c++) {
      int t = spread(values[c].hashCode()) & mask;
      while (table[t] >= 0) {
        t = (t + 1) & mask;
      }
      table[t] = c;
    }
  }
}
