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
}
