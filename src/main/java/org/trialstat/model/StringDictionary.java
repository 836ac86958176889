package org.trialstat.model;

import java.util.Arrays;

/**
 * Distinct strings, each with a dense code in order of first appearance, without an entry object or a
 * boxed integer per string (16-32 bytes of table per string against about 50 for a {@code HashMap}): an
 * open-addressing hash table with linear probing (Knuth, The Art of Computer Programming vol. 3,
 * section 6.4, Algorithm L), kept at most half full. Each slot holds the string's hash code beside its
 * code, so a probe compares hash codes in the one table and reads a string only when they match, and
 * growing the table reads no string at all: for a million participants the table and the strings are
 * far larger than the processor's caches, and each string read is a cache miss. The last string looked
 * up is remembered, so a run of equal strings (a participant's rows in long format) costs one
 * {@code equals} each. A string can also be looked up by its characters ({@link #code(char[], int, int)}),
 * with the same codes: the hash is {@link String#hashCode()}'s (s[0]·31^(n-1) + ... + s[n-1], Java SE
 * API specification), computed over the characters, and a {@code String} is made only for a string not
 * seen before. One thread.
 */
public final class StringDictionary {

  private String[] values = new String[16];
  /** Slots: 0 empty, else the hash code in the high 32 bits and code + 1 in the low 32 bits. */
  private long[] table = new long[32];
  /** 64 - log2(table.length), for {@link #home}. */
  private int shift = 64 - 5;
  private int size;
  private String last;
  private int lastCode = -1;

  /** An empty dictionary. */
  public StringDictionary() {
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

  /**
   * The code of the string {@code chars[from, to)}, added when new (then, and only then, as a new
   * {@code String}): the same code as {@link #code(String)} gives for an equal string.
   */
  public int code(char[] chars, int from, int to) {
    if (last != null && matches(last, chars, from, to)) {
      return lastCode;
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + chars[i];
    }
    int mask = table.length - 1;
    int code;
    for (int t = home(h); ; t = (t + 1) & mask) {
      long e = table[t];
      if (e == 0) {
        code = insert(new String(chars, from, to - from), h, t);
        break;
      }
      int c = (int) e - 1;
      if ((int) (e >>> 32) == h && matches(values[c], chars, from, to)) {
        code = c;
        break;
      }
    }
    last = values[code];
    lastCode = code;
    return code;
  }

  private static boolean matches(String s, char[] chars, int from, int to) {
    if (s.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i - from) != chars[i]) {
        return false;
      }
    }
    return true;
  }

  private int lookUp(String s) {
    int h = s.hashCode();
    int mask = table.length - 1;
    for (int t = home(h); ; t = (t + 1) & mask) {
      long e = table[t];
      if (e == 0) {
        return insert(s, h, t);
      }
      int c = (int) e - 1;
      if ((int) (e >>> 32) == h && values[c].equals(s)) {
        return c;
      }
    }
  }

  /** Adds {@code s}, of hash code {@code h}, at the empty slot {@code t}; its code. */
  private int insert(String s, int h, int t) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size] = s;
    table[t] = slot(h, size);
    if (++size * 2 > table.length) {
      rehash();
    }
    return size - 1;
  }

  private static long slot(int hash, int code) {
    return ((long) hash << 32) | (code + 1L);
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

  /**
   * The home slot of hash code {@code h}: the top bits of its product with 2^64/φ (Fibonacci hashing,
   * Knuth 6.4). Top bits rather than low ones, so that doubling the table sends slot t to 2t or 2t + 1:
   * {@link #rehash} then writes the new table in order (a stream through memory, not a cache miss per
   * string).
   */
  private int home(int h) {
    return (int) ((h * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private void rehash() {
    long[] old = table;
    table = new long[old.length * 2];
    shift--;
    int mask = table.length - 1;
    for (long e : old) {
      if (e != 0) {
        int t = home((int) (e >>> 32));
        while (table[t] != 0) {
          t = (t + 1) & mask;
        }
        table[t] = e;
      }
    }
  }
}
