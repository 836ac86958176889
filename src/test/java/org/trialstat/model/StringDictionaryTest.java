package org.trialstat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * {@link StringDictionary}: dense codes by first appearance, as a {@code HashMap} from string to its
 * insertion index gives them, however the strings repeat (runs of equal strings hit the remembered last
 * look-up; others probe the table, which grows past half full).
 */
class StringDictionaryTest {

  @Property(tries = 300)
  void codesAreTheIndexOfFirstAppearance(@ForAll @Size(max = 400) List<@StringLength(max = 3) String> strings) {
    StringDictionary d = new StringDictionary();
    Map<String, Integer> reference = new HashMap<>();
    for (String s : strings) {
      Integer expected = reference.computeIfAbsent(s, k -> reference.size());
      assertThat(d.code(new String(s))).isEqualTo(expected); // an equal string, not the same object
    }
    assertThat(d.size()).isEqualTo(reference.size());
    for (Map.Entry<String, Integer> e : reference.entrySet()) {
      assertThat(d.value(e.getValue())).isEqualTo(e.getKey());
    }
  }

  /**
   * Look-ups by characters (a range inside a larger array, as a reader's buffer holds a cell) and by
   * strings, mixed at random, give the codes of first appearance; non-Latin-1 characters included, whose
   * strings {@code String.hashCode} hashes over the same char values.
   */
  @Property(tries = 300)
  void charRangesAndStringsShareTheCodes(@ForAll @Size(max = 400) List<@StringLength(max = 3)
      @net.jqwik.api.constraints.Chars({'a', 'b', 'A', '\u00e9', '\u4e2d', '\ud83d', ' '}) String> strings,
      @ForAll long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    StringDictionary d = new StringDictionary();
    Map<String, Integer> reference = new HashMap<>();
    for (String s : strings) {
      Integer expected = reference.computeIfAbsent(s, k -> reference.size());
      if (r.nextBoolean()) {
        int pad = r.nextInt(3);
        char[] buf = ("x".repeat(pad) + s + "yz").toCharArray();
        assertThat(d.code(buf, pad, pad + s.length())).isEqualTo(expected);
      } else {
        assertThat(d.code(new String(s))).isEqualTo(expected);
      }
    }
    assertThat(d.size()).isEqualTo(reference.size());
    for (Map.Entry<String, Integer> e : reference.entrySet()) {
      assertThat(d.value(e.getValue())).isEqualTo(e.getKey());
    }
  }

  @Test
  void runsOfAParticipantsRowsAndManyParticipants() {
    StringDictionary d = new StringDictionary();
    for (int p = 0; p < 100_000; p++) {
      for (int visit = 0; visit < 5; visit++) {
        assertThat(d.code("P" + p)).isEqualTo(p);
      }
    }
    assertThat(d.code("P0")).isZero(); // after a rehash of 100,000 strings
    assertThat(d.code("P99999")).isEqualTo(99_999);
    assertThat(d.size()).isEqualTo(100_000);
    assertThat(d.values()).hasSize(100_000).startsWith("P0", "P1");
  }
}
