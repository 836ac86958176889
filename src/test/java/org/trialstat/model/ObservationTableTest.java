package org.trialstat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link ObservationTable#participantRanks()}: the position of each participant's identifier in the
 * identifiers sorted by {@link String#compareTo}, as {@code Collections.sort} of the distinct
 * identifiers gives it, for identifiers in any order of appearance (repeated rows included).
 */
class ObservationTableTest {

  @Property(tries = 300)
  void ranksAreThePositionInTheSortedIdentifiers(
      @ForAll @Size(max = 300) List<@StringLength(max = 3) String> ids) {
    ObservationTableBuilder b = new ObservationTableBuilder(0);
    for (String id : ids) {
      b.add(id, "A", "week0", 1.0, null, new String[0], 2, 1, 0);
    }
    ObservationTable t = b.build();
    List<String> sorted = new ArrayList<>(ids.stream().distinct().toList());
    sorted.sort(String::compareTo);
    int[] ranks = t.participantRanks();
    assertThat(ranks).hasSize(sorted.size());
    for (int code = 0; code < t.participantCount(); code++) {
      assertThat(ranks[code]).isEqualTo(sorted.indexOf(t.participantName(code)));
    }
    assertThat(t.participantRanks()).isSameAs(ranks); // computed once
  }

  /**
   * A builder sized for the whole file hands its columns to the table instead of copying them: the
   * table reads the same rows as one built by growing, and the builder refuses rows after build().
   */
  @Property(tries = 50)
  void aPresizedBuilderGivesTheSameTable(@ForAll @Size(max = 3000) List<@StringLength(max = 2) String> ids) {
    ObservationTableBuilder grown = new ObservationTableBuilder(1);
    ObservationTableBuilder sized = new ObservationTableBuilder(1);
    sized.ensureCapacity(ids.size() + 17);
    for (int i = 0; i < ids.size(); i++) {
      for (ObservationTableBuilder b : List.of(grown, sized)) {
        b.add(ids.get(i), i % 3 == 0 ? "A" : "B", "V" + (i % 4), i % 5 == 0 ? Double.NaN : i * 0.5,
            i % 7 == 0 ? null : i % 2 == 0, new String[] {"c" + (i % 6)}, i + 2L, 3, 4);
      }
    }
    ObservationTable a = grown.build();
    ObservationTable b = sized.build();
    assertThat(b.size()).isEqualTo(a.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).isEqualTo(a.get(i));
      assertThat(b.participantCode(i)).isEqualTo(a.participantCode(i));
      assertThat(b.visitCode(i)).isEqualTo(a.visitCode(i));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sized.add("x", "A", "V0", 1, null,
        new String[] {"c"}, 1, 3, 4)).isInstanceOf(IllegalStateException.class);
  }
}
