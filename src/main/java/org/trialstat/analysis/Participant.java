package org.trialstat.analysis;

import org.trialstat.model.Observation;
import java.util.List;
import org.trialstat.model.ObservationTable;

/**
 * A participant's baseline and endpoint observations, held as row numbers of the data's
 * {@link ObservationTable} (an {@link Observation} is built on request): 32 bytes per participant.
 */
final class Participant {
  /** The participant's code in the table. */
  final int code;
  final String id;
  final String arm;
  private final ObservationTable table;
  /** The baseline and endpoint rows of the table, -1 when the participant has none. */
  int baselineRow = -1;
  int endpointRow = -1;

  Participant(int code, String id, String arm, ObservationTable table) {
    this.code = code;
    this.id = id;
    this.arm = arm;
    this.table = table;
  }

  /** The baseline observation, or null. */
  Observation baseline() {
    return baselineRow < 0 ? null : table.get(baselineRow);
  }

  /** The endpoint observation, or null. */
  Observation endpoint() {
    return endpointRow < 0 ? null : table.get(endpointRow);
  }

  /** Whether the participant has a baseline row with a score. */
  boolean hasBaselineScore() {
    return baselineRow >= 0 && table.hasScore(baselineRow);
  }

  /** Whether the participant has an endpoint row with a score. */
  boolean hasEndpointScore() {
    return endpointRow >= 0 && table.hasScore(endpointRow);
  }

  /** The baseline score (the participant has a baseline row). */
  double baselineScore() {
    return table.score(baselineRow);
  }

  /** The endpoint score (the participant has an endpoint row). */
  double endpointScore() {
    return table.score(endpointRow);
  }

  boolean completer() {
    return hasBaselineScore() && hasEndpointScore();
  }

  /**
   * Sorts participants by identifier ({@link String#compareTo}; a table's identifiers are distinct), in
   * place: participants of one table are placed by the table's participant ranks (one sort of the
   * identifiers per table, linear time here), others compared by identifier.
   */
  static void sortById(List<Participant> list) {
    ObservationTable t = list.isEmpty() ? null : list.get(0).table;
    for (Participant p : list) {
      if (p.table != t) {
        list.sort(java.util.Comparator.comparing(q -> q.id));
        return;
      }
    }
    if (t == null) {
      return;
    }
    int[] rank = t.participantRanks();
    Participant[] placed = new Participant[rank.length];
    for (Participant p : list) {
      if (placed[rank[p.code]] != null) { // the same participant twice: keep the list's order of equals
        list.sort(java.util.Comparator.comparing(q -> q.id));
        return;
      }
      placed[rank[p.code]] = p;
    }
    int k = 0;
    for (Participant p : placed) {
      if (p != null) {
        list.set(k++, p);
      }
    }
  }
}
