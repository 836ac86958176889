package org.trialstat.model;

/**
 * Everything {@code trialstat mmrm} computes for one file.
 *
 * @param file     the file name as given
 * @param settings the settings used
 * @param rows     row accounting
 * @param fit      the model: fit statistics, LS means, contrasts at every visit
 */
public record MmrmAnalysisResult(String file, MmrmSettings settings, RowAccounting rows, MmrmResult fit) {
}
