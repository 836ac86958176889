package org.trialstat.stats.mmrm;

/**
 * The data cannot support the MMRM: the reason in words, and the counts reached before the check that
 * failed (null cell counts and zero counts when it failed before counting), so that the failed result
 * still reports them. {@link Mmrm#fit} turns it into a not-estimable result; it never leaves the
 * package.
 */
final class NotEstimableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Observations per arm and visit, or null. */
  final transient int[][] cellCounts;
  final int observations;
  final int subjects;

  NotEstimableException(String reason, int[][] cellCounts, int observations, int subjects) {
    super(reason, null, false, false);
    this.cellCounts = cellCounts;
    this.observations = observations;
    this.subjects = subjects;
  }

  NotEstimableException(String reason) {
    this(reason, null, 0, 0);
  }
}
