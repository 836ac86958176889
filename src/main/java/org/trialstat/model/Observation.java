package org.trialstat.model;

import java.util.List;

/**
 * One participant at one visit, as read from the input file.
 *
 * @param participant participant identifier
 * @param arm         randomized arm
 * @param visit       visit label
 * @param score       severity score, or NaN when the cell was empty or {@code NA} (a missing value)
 * @param diagnosis   diagnosis present at this visit; null when unknown or when the file has no
 *                    diagnosis column
 * @param covariates  values of the requested covariate columns, in the order of
 *                    {@link TrialData#covariateNames()} (empty strings for empty cells)
 * @param line        1-based line of the file the value came from (for messages)
 * @param scoreColumn 1-based column of the score cell (for messages)
 * @param diagnosisColumn 1-based column of the diagnosis cell (for messages), 0 when the file has none
 */
public record Observation(String participant, String arm, String visit, double score, Boolean diagnosis,
    List<String> covariates, long line, int scoreColumn, int diagnosisColumn) {

  public Observation {
    covariates = List.copyOf(covariates);
  }

  /** True when the score is present. */
  public boolean hasScore() {
    return !Double.isNaN(score);
  }
}
