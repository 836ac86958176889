package org.trialstat.stats.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * The strata of one comparison with the one-arm strata removed, and the note saying so.
 *
 * <p>A stratum in which only one arm has participants (including a stratum of one participant)
 * contributes exactly zero to every sum of the Mantel-Haenszel statistics (each term has a factor
 * {@code nT nC}, {@code a d} or {@code b c} that vanishes), so removing it changes none of them. R's
 * {@code mantelhaen.test} keeps such strata (with the same numbers) but stops with "sample size in each
 * stratum must be > 1" for a stratum of one; {@code metafor::rma.mh} keeps them too and then gives an
 * infinite Breslow-Day / Tarone statistic, because its expected cell counts of that stratum contain a
 * zero. Removing them avoids both.
 *
 * @param used  the strata with both arms, in the given order
 * @param given how many strata were given
 * @param note  the note on left-out strata, or null when none was left out
 */
record Strata(List<StratumTable> used, int given, String note) {

  static Strata of(List<StratumTable> tables) {
    List<StratumTable> used = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (StratumTable t : tables) {
      if (t.bothArms()) {
        used.add(t);
      } else {
        dropped.add(t.label());
      }
    }
    String note = dropped.isEmpty() ? null
        : (dropped.size() == 1 ? "1 stratum" : dropped.size() + " strata") + " with one arm only left out ("
            + String.join(", ", dropped) + ")";
    return new Strata(List.copyOf(used), tables.size(), note);
  }
}
