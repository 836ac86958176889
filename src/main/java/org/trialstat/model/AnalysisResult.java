package org.trialstat.model;

import java.util.List;

/**
 * Everything {@code trialstat analyze} computes for one file.
 *
 * @param file          the file name as given
 * @param settings      the settings used
 * @param rows          row accounting
 * @param arms          per-arm results in order of first appearance
 * @param comparisons   every non-control arm against the control, in order of first appearance
 * @param participantExclusions participants left out of one endpoint (for example an unknown diagnosis)
 * @param notes         definitions and caveats that apply to this analysis, for footnotes
 * @param visits        per post-baseline visit: observed mean change per arm and the MMRM's LS means and
 *                      differences (the data of trajectory figures); empty when no visit follows the
 *                      baseline
 * @param mmrm          the repeated-measures fit behind the comparisons' {@code mmrm} effects, or null when the file
 *                      has fewer than two post-baseline visits (or one arm)
 * @param models        the models fitted with --covariate / --factor, for the {@code model} blocks
 * @param doseResponse  the change per unit dose of {@code --dose-col} (the dose-response ANCOVA), or null
 * @param subgroups     the comparisons per level of {@code --subgroup} with the interaction tests, or null
 * @param sensitivity   the sensitivity analyses of {@code --sensitivity}; empty without it
 */
public record AnalysisResult(String file, AnalysisSettings settings, RowAccounting rows, List<ArmResult> arms,
    List<Comparison> comparisons, List<ParticipantExclusion> participantExclusions, List<String> notes,
    MmrmResult mmrm, List<VisitResult> visits, Models models, Difference doseResponse, SubgroupResult subgroups,
    List<SensitivityEstimate> sensitivity) {

  /** A result without subgroups or sensitivity analyses. */
  public AnalysisResult(String file, AnalysisSettings settings, RowAccounting rows, List<ArmResult> arms,
      List<Comparison> comparisons, List<ParticipantExclusion> participantExclusions, List<String> notes,
      MmrmResult mmrm, List<VisitResult> visits, Models models, Difference doseResponse) {
    this(file, settings, rows, arms, comparisons, participantExclusions, notes, mmrm, visits, models, doseResponse,
        null, List.of());
  }

  /** A result without a dose-response estimate. */
  public AnalysisResult(String file, AnalysisSettings settings, RowAccounting rows, List<ArmResult> arms,
      List<Comparison> comparisons, List<ParticipantExclusion> participantExclusions, List<String> notes,
      MmrmResult mmrm, List<VisitResult> visits, Models models) {
    this(file, settings, rows, arms, comparisons, participantExclusions, notes, mmrm, visits, models, null);
  }

  public AnalysisResult {
    visits = visits == null ? List.of() : List.copyOf(visits);
    arms = List.copyOf(arms);
    comparisons = List.copyOf(comparisons);
    participantExclusions = List.copyOf(participantExclusions);
    notes = List.copyOf(notes);
    sensitivity = sensitivity == null ? List.of() : List.copyOf(sensitivity);
    if (models == null) {
      models = Models.NONE;
    }
  }

  /** A result without per-visit results and without reported models. */
  public AnalysisResult(String file, AnalysisSettings settings, RowAccounting rows, List<ArmResult> arms,
      List<Comparison> comparisons, List<ParticipantExclusion> participantExclusions, List<String> notes,
      MmrmResult mmrm) {
    this(file, settings, rows, arms, comparisons, participantExclusions, notes, mmrm, List.of(), Models.NONE);
  }

  /** A result without reported models (no --covariate or --factor). */
  public AnalysisResult(String file, AnalysisSettings settings, RowAccounting rows, List<ArmResult> arms,
      List<Comparison> comparisons, List<ParticipantExclusion> participantExclusions, List<String> notes,
      MmrmResult mmrm, List<VisitResult> visits) {
    this(file, settings, rows, arms, comparisons, participantExclusions, notes, mmrm, visits, Models.NONE);
  }

  /** The same result with other notes. */
  public AnalysisResult withNotes(List<String> other) {
    return new AnalysisResult(file, settings, rows, arms, comparisons, participantExclusions, other, mmrm, visits,
        models, doseResponse, subgroups, sensitivity);
  }

  /** The same result with sensitivity analyses. */
  public AnalysisResult withSensitivity(List<SensitivityEstimate> entries) {
    return new AnalysisResult(file, settings, rows, arms, comparisons, participantExclusions, notes, mmrm, visits,
        models, doseResponse, subgroups, entries);
  }

  /**
   * The fixed-effects models of the ANCOVA ({@code ancova_fit.model}) and the MMRM ({@code mmrm_fit.model}),
   * reported when --covariate or --factor is given.
   *
   * @param ancova the ANCOVA's model, or null
   * @param mmrm   the MMRM's model, or null
   */
  public record Models(FittedModel ancova, FittedModel mmrm) {
    /** No model reported. */
    public static final Models NONE = new Models(null, null);
  }

  /**
   * Participants of one arm left out of one endpoint's denominator for a reason other than its
   * definition.
   *
   * @param arm      the arm
   * @param outcome  the outcome key, for example {@code loss_of_diagnosis}
   * @param reason   fixed reason code, for example {@code unknown_diagnosis}
   * @param count    how many participants
   */
  public record ParticipantExclusion(String arm, String outcome, String reason, int count) {
  }
}
