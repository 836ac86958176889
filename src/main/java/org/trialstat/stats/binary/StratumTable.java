package org.trialstat.stats.binary;

import java.util.Locale;

/**
 * One stratum's 2x2 table of a binary endpoint: events and participants of the treatment and the
 * control arm. In the usual notation {@code a = eventsT, b = nT - eventsT, c = eventsC,
 * d = nC - eventsC, N = nT + nC}.
 *
 * @param label   the stratum's name (for notes), for example "site=A severity=severe"
 * @param eventsT events in the treatment arm
 * @param nT      participants in the treatment arm
 * @param eventsC events in the control arm
 * @param nC      participants in the control arm
 */
public record StratumTable(String label, int eventsT, int nT, int eventsC, int nC) {

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException for a negative count or events above n (a programming error:
   *     the tables come from our own tallies)
   */
  public StratumTable {
    check(eventsT, nT, "treatment");
    check(eventsC, nC, "control");
  }

  private static void check(int events, int n, String arm) {
    if (n < 0 || events < 0 || events > n) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s arm: events %d and n %d are not counts with events <= n", arm, events, n));
    }
  }

  /** True when both arms have participants, so that the stratum carries information. */
  public boolean bothArms() {
    return nT > 0 && nC > 0;
  }

  double a() {
    return eventsT;
  }

  double b() {
    return (double) nT - eventsT;
  }

  double c() {
    return eventsC;
  }

  double d() {
    return (double) nC - eventsC;
  }

  /** N = nT + nC. */
  double total() {
    return (double) nT + nC;
  }

  /** Events in both arms, m1 = a + c. */
  double events() {
    return (double) eventsT + eventsC;
  }

  /** Non-events in both arms, m2 = b + d. */
  double nonEvents() {
    return total() - events();
  }
}
