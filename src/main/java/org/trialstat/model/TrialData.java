package org.trialstat.model;

import java.util.List;

/**
 * A validated trial data set: every observation of the file, in file order, with its arms and visits.
 * A participant belongs to exactly one arm and has at most one observation per visit (the reader
 * enforces both).
 *
 * @param source          the file name as the user gave it
 * @param observations    every data record of the file (long format: one per line; wide format: one per
 *                        participant and visit column)
 * @param arms            arm names in order of first appearance
 * @param visits          visit labels in analysis order (by week when the file has a week column, else
 *                        by first appearance)
 * @param hasDiagnosis    whether the file has a diagnosis column
 * @param covariateNames  names of the covariate columns carried in {@link Observation#covariates()}
 */
public record TrialData(String source, List<Observation> observations, List<String> arms,
    List<String> visits, boolean hasDiagnosis, List<String> covariateNames) {

  public TrialData {
    observations = List.copyOf(observations);
    arms = List.copyOf(arms);
    visits = List.copyOf(visits);
    covariateNames = List.copyOf(covariateNames);
  }
}
