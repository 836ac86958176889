package org.trialstat.model;

import java.util.List;

/**
 * Everything {@code trialstat summary} computes for all studies of all its files.
 *
 * @param files        the input files as given
 * @param confLevel    confidence level of every interval trialstat computes ({@code --conf-level})
 * @param inputCiLevel level of the published CIs that were converted to SDs ({@code --input-ci-level})
 * @param studies      the studies in order of first appearance (files in the order given)
 */
public record SummaryResult(List<String> files, double confLevel, double inputCiLevel, List<Study> studies) {

  public SummaryResult {
    files = List.copyOf(files);
    studies = List.copyOf(studies);
  }

  /**
   * One study.
   *
   * @param file        the file it came from
   * @param study       its name
   * @param authors     authors label, or null
   * @param year        year as written, or null
   * @param design      study type, or null
   * @param control     the control arm, or null (single group or no comparison)
   * @param arms        per-arm results in file order
   * @param comparisons every other arm against the control
   * @param notes       conversions, what was not reported and left out, study notes
   * @param warnings    numbers that look wrong (for example an SD that looks like an SE)
   */
  public record Study(String file, String study, String authors, String year, String design, String control,
      List<Arm> arms, List<Comparison> comparisons, List<String> notes, List<String> warnings) {

    public Study {
      arms = List.copyOf(arms);
      comparisons = List.copyOf(comparisons);
      notes = List.copyOf(notes);
      warnings = List.copyOf(warnings);
    }
  }

  /** Where the SD of an arm's change came from. */
  public enum SdSource implements Keyed {
    /** The {@code change_sd} column. */
    REPORTED,
    /** SD = SE x sqrt(n) from {@code change_se}. */
    SE,
    /** SE from the published CI, then SD = SE x sqrt(n). */
    CI,
    /** No SD, SE or CI reported. */
    NONE
  }

  /**
   * One arm.
   *
   * @param arm         arm name
   * @param control     whether this is the study's control arm
   * @param n           the arm's n (change summary, default denominator)
   * @param randomized  randomized to the arm, or {@link SummaryInput#NOT_REPORTED}
   * @param baseline    baseline mean and SD with n, or null when not reported
   * @param change      change from baseline with SE and CI at the output level, or null when the mean
   *                    change is not reported
   * @param sdSource    where the SD of the change came from
   * @param conversion  how the SD was derived, in words with the numbers, or null when reported
   * @param approximate whether the SD is approximate (derived from a model-based CI)
   * @param rates       event rates of the reported binary endpoints (Wilson CIs)
   * @param endpoints   the endpoints of {@code rates}, same order
   */
  public record Arm(String arm, boolean control, int n, int randomized, MeanSummary baseline, MeanSummary change,
      SdSource sdSource, String conversion, boolean approximate, List<Proportion> rates,
      List<BinaryEndpoint> endpoints) {

    public Arm {
      rates = List.copyOf(rates);
      endpoints = List.copyOf(endpoints);
    }

    /** The rate of one endpoint, or null when this arm does not report it. */
    public Proportion rate(BinaryEndpoint endpoint) {
      int i = endpoints.indexOf(endpoint);
      return i < 0 ? null : rates.get(i);
    }
  }
}
