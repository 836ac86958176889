package org.trialstat.analysis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.TrialData;

/**
 * The participant-level analysis of {@code trialstat analyze}: resolves the settings against the data,
 * derives each participant's change and binary outcomes, and calls the routines of
 * {@code org.trialstat.stats}. The definitions are in {@code docs/methods.md}.
 *
 * <p>Results do not depend on the order of the rows: each statistic sees its values sorted, so a
 * shuffled file gives byte-identical output (arms and comparisons keep the order of first appearance
 * of the arms).
 */
public final class TrialAnalysis {

  /** Participant exclusion reason: the diagnosis needed by an endpoint is unknown (empty cell). */
  public static final String UNKNOWN_DIAGNOSIS = "unknown_diagnosis";

  /** Names of a default control arm (any case), shared by {@code analyze}, {@code mmrm} and {@code summary}. */
  static final Pattern CONTROL_NAME =
      Pattern.compile("placebo|control|sham|comparator", Pattern.CASE_INSENSITIVE);

  private TrialAnalysis() {
  }

  /**
   * Runs the analysis: {@link TrialPreparation#prepare} then {@link TrialEstimation#estimate}.
   *
   * @throws InvalidOptionException when an option names an arm or visit the data does not have
   * @throws DataException          in strict mode, on the first row excluded for a data problem
   */
  public static AnalysisResult analyze(TrialData data, AnalysisRequest request) {
    return TrialEstimation.estimate(TrialPreparation.prepare(data, request));
  }

  static String resolveVisit(TrialData data, String requested, String fallback, String option) {
    if (requested == null) {
      return fallback;
    }
    if (data.visits().contains(requested)) {
      return requested;
    }
    throw new InvalidOptionException(String.format(Locale.ROOT, "%s: no visit '%s' in %s; visits present: %s",
        option, requested, data.source(), String.join(", ", data.visits())));
  }

  /**
   * The comparator: the named arm, or the one arm whose name contains placebo, control, sham or
   * comparator (ignoring case). A single-arm file has none.
   */
  static String resolveControl(TrialData data, String requested) {
    List<String> arms = data.arms();
    if (requested != null) {
      if (arms.contains(requested)) {
        return requested;
      }
      throw new InvalidOptionException(String.format(Locale.ROOT, "--control: no arm '%s' in %s; arms present: %s",
          requested, data.source(), String.join(", ", arms)));
    }
    if (arms.size() == 1) {
      return null;
    }
    List<String> matches = arms.stream().filter(a -> CONTROL_NAME.matcher(a).find()).collect(Collectors.toList());
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new InvalidOptionException(String.format(Locale.ROOT,
        "%s: cannot tell which arm is the control (%s); name it with --control; arms present: %s",
        data.source(), matches.isEmpty() ? "no arm is named like placebo, control, sham or comparator"
            : "several arms are named like a control: " + String.join(", ", matches),
        String.join(", ", arms)));
  }

  /**
   * The comparator, as {@link #resolveControl}, for a method that needs two arms.
   *
   * @param method what compares the arms, for the message ("imputation")
   * @throws DataException when the file has one arm
   */
  static String requireControl(TrialData data, String requested, String method) {
    String control = resolveControl(data, requested);
    if (control == null) {
      throw new DataException(data.source(), 0, 0, method + " compares arms, but the file has one arm ("
          + data.arms().get(0) + "); expected a control arm and at least one other arm");
    }
    return control;
  }
}
