package org.trialstat.report;

/** The table layouts of {@code trialstat summary} ({@code --layout}), for the table and markdown formats. */
public enum SummaryLayout {
  /**
   * One block per study in the layout of a paper's results table: Study | Arm | N | Change (SD) |
   * d [CI] | response | loss of diagnosis | remission, then the comparisons and footnotes.
   */
  STUDIES,
  /**
   * The literature's two summary tables over all studies: "Authors | Year | Study type | Findings" and
   * "Author/Sponsor | N | % no longer meeting PTSD criteria", with each denominator written out.
   */
  FINDINGS
}
