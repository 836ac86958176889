package org.trialstat.model;

import java.util.List;

/**
 * One treatment arm against the control arm. Every effect is treatment minus control; every ratio
 * treatment over control.
 *
 * @param treatment the treatment arm
 * @param control   the control arm
 * @param welch     Welch t test of the change scores
 * @param student   Student (pooled) t test of the change scores
 * @param ancova    the arm coefficient of change ~ arm + baseline fitted over all arms
 * @param cohensD   Cohen's d of the change scores
 * @param hedgesG   Hedges' g of the change scores
 * @param binary    the binary endpoints' comparisons
 * @param mmrm      the repeated-measures contrast at the endpoint visit, or null when the file has
 *                  fewer than two post-baseline visits
 */
public record ComparisonResult(String treatment, String control, Difference welch, Difference student,
    Difference ancova, Estimate cohensD, Estimate hedgesG, List<BinaryComparison> binary, Difference mmrm) {

  public ComparisonResult {
    binary = List.copyOf(binary);
  }
}
