package org.trialstat.model;

/**
 * The option value of {@code impute --strategy}: what is assumed from the intercurrent event on (rbmi's
 * strategies; the mean vectors are those of stats.impute.Strategy, to which the analysis maps it).
 */
public enum ImputeStrategy {
  /** Missing at random. */
  MAR,
  /** Jump to reference. */
  JR,
  /** Copy reference. */
  CR,
  /** Copy increments in reference. */
  CIR,
  /** Last mean carried forward. */
  LMCF
}
