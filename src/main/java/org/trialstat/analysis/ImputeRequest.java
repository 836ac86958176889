package org.trialstat.analysis;

import java.util.List;
import java.util.Map;

/**
 * Options of {@code trialstat impute}.
 *
 * @param control             the control arm, or null for the file's default
 * @param baseline            the baseline visit (the outcome is the change from it)
 * @param strategy            the strategy after monotone dropout: MAR, JR, CR, CIR or LMCF
 * @param references          per arm, its reference arm (missing arms: the control)
 * @param ice                 per participant, {visit, strategy}: the first visit affected and the strategy
 * @param informationAnchored Lu's information-anchored variance
 * @param deltas              tipping-point shifts ({0} for none)
 * @param deltaArms           arms whose imputed values are shifted (empty: every arm but the control)
 * @param confLevel           confidence level
 * @param strictness          strict or lenient row handling
 */
public record ImputeRequest(String control, String baseline, String strategy, Map<String, String> references,
    Map<String, String[]> ice, boolean informationAnchored, double[] deltas, List<String> deltaArms,
    double confLevel, AnalysisRequest.Strictness strictness) {
}
