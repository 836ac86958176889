package org.trialstat.cli;

import java.util.Locale;

/** Large synthetic long-format trial files for the memory tests. */
final class BigFile {
  private BigFile() {
  }

  /**
   * A two-visit file of {@code participants} participants in two arms; scores vary with the id so that
   * every statistic is defined. About 52 bytes per participant.
   */
  static String csv(int participants) {
    StringBuilder b = new StringBuilder(participants * 56);
    b.append("participant_id,arm,visit,caps_total,ptsd_dx\n");
    for (int i = 0; i < participants; i++) {
      String arm = i % 2 == 0 ? "Drug" : "Placebo";
      int base = 30 + i % 40;
      int end = Math.max(0, base - (i % 2 == 0 ? 12 : 5) - i % 7);
      b.append(String.format(Locale.ROOT, "P%07d,%s,baseline,%d,1\nP%07d,%s,week12,%d,%d\n", i, arm, base, i, arm,
          end, end > 33 ? 1 : 0));
    }
    return b.toString();
  }
}
