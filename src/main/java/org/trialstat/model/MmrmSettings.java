package org.trialstat.model;

import java.util.List;

/**
 * The settings a repeated-measures analysis used.
 *
 * @param scale      the rating scale
 * @param scoreMin   lowest valid score
 * @param scoreMax   highest valid score
 * @param control    the reference arm
 * @param baseline   the baseline visit (outcome = change from it, baseline score a covariate), or null
 *                   (outcome = the score itself)
 * @param outcome    "change" or "score"
 * @param visits     the visits modelled, in order
 * @param covariates extra covariate columns
 * @param ddf        denominator degrees-of-freedom method, for example "Satterthwaite"
 * @param convergence stopping rule: "optimum" (the REML optimum) or "sas" (SAS PROC MIXED's path)
 * @param covariance  the covariance structures to try, in order ("un", "ar1", ...)
 * @param covarianceByArm true for a separate covariance matrix per arm
 * @param confLevel  confidence level
 * @param lsmeansWeights how the LS means average over factor covariates
 */
public record MmrmSettings(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
    String outcome, List<String> visits, List<String> covariates, String ddf, String convergence, double confLevel,
    List<String> covariance, boolean covarianceByArm, LsMeansWeights lsmeansWeights) {

  public MmrmSettings {
    visits = List.copyOf(visits);
    covariates = List.copyOf(covariates);
    covariance = List.copyOf(covariance);
  }
}
