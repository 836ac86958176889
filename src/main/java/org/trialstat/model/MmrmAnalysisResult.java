package org.trialstat.model;

/**
 * Everything {@code trialstat mmrm} computes for one file.
 *
 * @param file     the file name as given
 * @param settings the settings used
 * @param rows     row accounting
 * @param fit      the model: fit statistics, LS means, contrasts at every visit
 * @param model    the fixed-effects model (formula and terms) when --covariate or --factor is given, else null
 */
public record MmrmAnalysisResult(String file, MmrmSettings settings, RowAccounting rows, MmrmResult fit,
    FittedModel model) {

  /** A result without a reported model (no --covariate or --factor). */
  public MmrmAnalysisResult(String file, MmrmSettings settings, RowAccounting rows, MmrmResult fit) {
    this(file, settings, rows, fit, null);
  }
}
