package org.trialstat.model;

import java.util.List;

/**
 * One post-baseline visit of {@code analyze}'s {@code visits[]} block (the data behind trajectory figures):
 * per arm the observed mean change from baseline and, for the visits the MMRM used, its LS mean; per
 * comparison the MMRM difference at this visit.
 *
 * @param visit       the visit label
 * @param week        the visit's numeric week from the week column, or NaN when the file has none
 * @param arms        per arm, in the order of the arms
 * @param comparisons per comparison with the control (MMRM differences), empty without an MMRM
 */
public record VisitResult(String visit, double week, List<Arm> arms, List<VisitContrast> comparisons) {

  public VisitResult {
    arms = List.copyOf(arms);
    comparisons = List.copyOf(comparisons);
  }

  /**
   * One arm at the visit.
   *
   * @param arm            the arm
   * @param observedChange change from baseline in participants with both scores, with a t CI
   * @param mmrmLsmean     the MMRM's LS mean of the change, or null when the MMRM did not use this visit
   */
  public record Arm(String arm, MeanSummary observedChange, LsMean mmrmLsmean) {
  }
}
