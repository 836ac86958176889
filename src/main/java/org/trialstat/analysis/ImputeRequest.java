package org.trialstat.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialstat.model.BootstrapInterval;
import org.trialstat.model.ImputeMethod;
import org.trialstat.model.ImputeStrategy;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.ResponseRule;

/**
 * Options of {@code trialstat impute}.
 *
 * @param control             the control arm, or null for the file's default
 * @param baseline            the baseline visit (the outcome is the change from it)
 * @param method              the imputation method
 * @param strategy            the strategy after monotone dropout
 * @param references          per arm, its reference arm (missing arms: the control)
 * @param ice                 per participant, {visit, strategy}: the first visit affected and the strategy
 * @param informationAnchored Lu's information-anchored variance (condmean-jackknife only)
 * @param deltas              tipping-point shifts ({0} for none)
 * @param deltaArms           arms whose imputed values are shifted (empty: every arm but the control)
 * @param draws               bootstrap samples or imputations of the random methods
 * @param seed                the seed of the random methods
 * @param interval            the interval of condmean-bootstrap
 * @param response            the responder rule of the binary endpoints (approx-bayes), null for none
 * @param remissionMax        the remission cut-off of the binary endpoints (approx-bayes), NaN for none
 * @param confLevel           confidence level
 * @param strictness          strict or lenient row handling
 */
public record ImputeRequest(String control, String baseline, ImputeMethod method, ImputeStrategy strategy,
    Map<String, String> references, Map<String, String[]> ice, boolean informationAnchored, double[] deltas,
    List<String> deltaArms, int draws, long seed, BootstrapInterval interval, ResponseRule response,
    double remissionMax, double confLevel, AnalysisRequest.Strictness strictness) {

  /** True when binary endpoints are asked for. */
  public boolean binary() {
    return response != null || !Double.isNaN(remissionMax);
  }

  /** The default number of draws (rbmi's examples use 20 to 150; 1,000 keeps the Monte Carlo error small). */
  public static final int DEFAULT_DRAWS = 1000;

  /**
   * A conditional mean imputation with jackknife, the strategy by name (MAR, JR, CR, CIR or LMCF, any
   * case).
   *
   * @throws InvalidOptionException for an unknown strategy
   */
  public ImputeRequest(String control, String baseline, String strategy, Map<String, String> references,
      Map<String, String[]> ice, boolean informationAnchored, double[] deltas, List<String> deltaArms,
      double confLevel, AnalysisRequest.Strictness strictness) {
    this(control, baseline, ImputeMethod.CONDMEAN_JACKKNIFE, strategy(strategy, "--strategy"), references, ice,
        informationAnchored, deltas, deltaArms, DEFAULT_DRAWS, 0, BootstrapInterval.PERCENTILE, null, Double.NaN,
        confLevel, strictness);
  }

  /**
   * A strategy by name.
   *
   * @param where the option or file named in the message
   * @throws InvalidOptionException for an unknown name
   */
  static ImputeStrategy strategy(String name, String where) {
    try {
      return ImputeStrategy.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(where + ": '" + name + "' is not a strategy; expected MAR, JR, CR, CIR or LMCF");
    }
  }
}
