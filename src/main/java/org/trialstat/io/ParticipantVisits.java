package org.trialstat.io;

import java.util.Arrays;

/**
 * The (participant, visit) pairs seen so far, by their dense codes, without an object per pair: a bit
 * mask per participant for the first 64 visit codes (8 bytes per participant), and for the rare later
 * codes an open-addressing hash table with linear probing (Knuth, The Art of Computer Programming
 * vol. 3, section 6.4, Algorithm L) over packed {@code long} keys, grown to keep the load below 1/2.
 * The reader uses it to find a participant's second row for a visit.
 */
final class ParticipantVisits {

  private long[] masks = new long[1024];
  private long[] keys = new long[1 << 4];
  private int[] rows = new int[1 << 4];
  private int size;

  ParticipantVisits() {
    Arrays.fill(keys, -1);
  }

  /**
   * Records the pair.
   *
   * @return false when the pair was seen before
   */
  boolean add(int participant, int visit) {
    if (visit < 64) {
      if (participant >= masks.length) {
        masks = Arrays.copyOf(masks, Math.max(participant + 1, masks.length * 2));
      }
      long bit = 1L << visit;
      boolean fresh = (masks[participant] & bit) == 0;
      masks[participant] |= bit;
      return fresh;
    }
    return putIfAbsent(participant, visit, 0) < 0;
  }

  private int putIfAbsent(int participant, int visit, int row) {
    long key = ((long) participant << 32) | (visit & 0xffffffffL);
    int mask = keys.length - 1;
    for (int h = hash(key) & mask; ; h = (h + 1) & mask) {
      if (keys[h] == key) {
        return rows[h];
      }
      if (keys[h] == -1) {
        keys[h] = key;
        rows[h] = row;
        if (++size * 2 > keys.length) {
          rehash();
        }
        return -1;
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing (Knuth 6.4)
    return (int) (h >>> 32);
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldRows = rows;
    keys = new long[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1) {
        int h = hash(oldKeys[i]) & mask;
        while (keys[h] != -1) {
          h = (h + 1) & mask;
        }
        keys[h] = oldKeys[i];
        rows[h] = oldRows[i];
      }
    }
  }
}
