package org.trialstat.analysis;

import java.util.List;
import org.trialstat.model.Scale;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.LsMeansWeights;

/**
 * What the user asked of {@code trialstat mmrm}.
 *
 * @param scale      the rating scale
 * @param scoreMin   lowest valid score
 * @param scoreMax   highest valid score
 * @param control    --control, or null for the default
 * @param baseline   --baseline, or null: no baseline (outcome = the score at every visit)
 * @param covariates --covariate columns
 * @param ddf        denominator degrees of freedom
 * @param confLevel  confidence level
 * @param strictness whether a row excluded for a data problem is an error
 * @param convergence where the REML optimisation stops (the optimum, or SAS PROC MIXED's default rule)
 * @param covariance  covariance structures in fallback order, by arm or not, REML or ML; null for the
 *                    unstructured REML matrix shared by all arms
 * @param factors    --factor columns (always factors)
 * @param byVisit    --covariate-by-visit columns (the column and its interaction with visit)
 * @param lsmeansWeights --lsmeans-weights
 * @param visits     --visits: the visits to model (in the file's order), or null for every visit after
 *                   the baseline (every visit without one)
 */
public record MmrmRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
    List<String> covariates, DdfMethod ddf, double confLevel, AnalysisRequest.Strictness strictness,
    Convergence convergence, CovarianceSettings covariance, List<String> factors, List<String> byVisit,
    LsMeansWeights lsmeansWeights, List<String> visits) {

  public MmrmRequest {
    covariates = List.copyOf(covariates);
    visits = visits == null ? null : List.copyOf(visits);
    factors = factors == null ? List.of() : List.copyOf(factors);
    byVisit = byVisit == null ? List.of() : List.copyOf(byVisit);
    if (convergence == null) {
      convergence = Convergence.OPTIMUM;
    }
    if (covariance == null) {
      covariance = CovarianceSettings.DEFAULT;
    }
  }

  /** A request modelling every visit after the baseline. */
  public MmrmRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      List<String> covariates, DdfMethod ddf, double confLevel, AnalysisRequest.Strictness strictness,
      Convergence convergence, CovarianceSettings covariance, List<String> factors, List<String> byVisit,
      LsMeansWeights lsmeansWeights) {
    this(scale, scoreMin, scoreMax, control, baseline, covariates, ddf, confLevel, strictness, convergence,
        covariance, factors, byVisit, lsmeansWeights, null);
  }

  /** A request with the default covariance (unstructured, shared by all arms, REML). */
  public MmrmRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      List<String> covariates, DdfMethod ddf, double confLevel, AnalysisRequest.Strictness strictness,
      Convergence convergence) {
    this(scale, scoreMin, scoreMax, control, baseline, covariates, ddf, confLevel, strictness, convergence, null);
  }

  /** A request without --covariate-by-visit columns, with equal LS-means weights. */
  public MmrmRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      List<String> covariates, DdfMethod ddf, double confLevel, AnalysisRequest.Strictness strictness,
      Convergence convergence, CovarianceSettings covariance, List<String> factors) {
    this(scale, scoreMin, scoreMax, control, baseline, covariates, ddf, confLevel, strictness, convergence,
        covariance, factors, List.of(), LsMeansWeights.EQUAL);
  }

  /** A request without --factor columns. */
  public MmrmRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      List<String> covariates, DdfMethod ddf, double confLevel, AnalysisRequest.Strictness strictness,
      Convergence convergence, CovarianceSettings covariance) {
    this(scale, scoreMin, scoreMax, control, baseline, covariates, ddf, confLevel, strictness, convergence,
        covariance, List.of());
  }

  /** This request with another baseline visit. */
  public MmrmRequest withBaseline(String visit) {
    return new MmrmRequest(scale, scoreMin, scoreMax, control, visit, covariates, ddf, confLevel, strictness,
        convergence, covariance, factors, byVisit, lsmeansWeights, visits);
  }

  /** The --covariate and --factor columns. */
  public ModelCovariates modelCovariates() {
    return new ModelCovariates(covariates, factors, byVisit);
  }
}
