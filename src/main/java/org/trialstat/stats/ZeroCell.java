package org.trialstat.stats;

/**
 * The zero-cell correction of a 2x2 table shared by the ratio measures and the meta-analysis effect
 * sizes: when any of the four cells is 0, 1/2 is added to every cell (Haldane 1956; the default of R's
 * metafor {@code escalc}, {@code add = 1/2, to = "only0"}).
 */
public final class ZeroCell {

  private ZeroCell() {
  }

  /**
   * The cells {a, b, c, d} = {events T, non-events T, events C, non-events C}, corrected when one is 0.
   *
   * @return a new array of the four cells
   */
  public static double[] cells(int eventsT, int nT, int eventsC, int nC) {
    double[] x = {eventsT, (double) nT - eventsT, eventsC, (double) nC - eventsC};
    if (x[0] == 0 || x[1] == 0 || x[2] == 0 || x[3] == 0) {
      for (int i = 0; i < 4; i++) {
        x[i] += 0.5;
      }
    }
    return x;
  }

  /** True when the table has a zero cell (and {@link #cells} corrects it). */
  public static boolean hasZero(int eventsT, int nT, int eventsC, int nC) {
    return eventsT == 0 || eventsT == nT || eventsC == 0 || eventsC == nC;
  }
}
