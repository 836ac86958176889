package org.trialstat.stats.mmrm;

import java.util.List;
import org.trialstat.model.DdfMethod;
import org.trialstat.stats.linalg.Dense;

/**
 * The fitted mean and covariance of the MMRM of {@link Mmrm} (unstructured covariance shared by all
 * arms, REML), without inference: what multiple and conditional mean imputation need (rbmi's "base
 * imputation model", Wolbers et al. 2022, Pharmaceutical Statistics 21:1246-1257; rbmi vignette
 * {@code stat_specs}, section 3.3). The model terms are those of {@link Mmrm}: intercept + arm + visit +
 * arm:visit (+ baseline + baseline:visit) + covariates, with further covariates at their mean.
 *
 * <p>Instances are immutable. A fit that cannot be estimated or does not converge is a value with
 * {@link #reason()} non-null and no mean.
 */
public final class MeanModel {

  private final Design design;
  private final double[] beta;
  private final double[] sigma;
  private final double[] theta;
  private final String reason;

  private MeanModel(Design design, double[] beta, double[] sigma, double[] theta, String reason) {
    this.design = design;
    this.beta = beta;
    this.sigma = sigma;
    this.theta = theta;
    this.reason = reason;
  }

  private static MeanModel failed(String reason) {
    return new MeanModel(null, null, null, null, reason);
  }

  /**
   * Fits the model by REML.
   *
   * @param input the long-format data (missing outcomes absent or NaN)
   * @return the fit, or a value with a reason
   */
  public static MeanModel fit(MmrmInput input) {
    return fit(input, null);
  }

  /**
   * Fits the model by REML, Newton-Raphson starting at the covariance of {@code start} (a warm start for
   * resampled data: the same optimum, fewer iterations).
   *
   * @param input the long-format data (missing outcomes absent or NaN)
   * @param start a fit of the same visits whose covariance starts the optimisation, or null
   * @return the fit, or a value with a reason
   */
  public static MeanModel fit(MmrmInput input, MeanModel start) {
    Design d;
    try {
      d = Design.build(input, false);
    } catch (NotEstimableException e) {
      return failed(e.getMessage());
    }
    UnstructuredFit f = new UnstructuredFit(d, DdfMethod.RESIDUAL, 0.95, "", org.trialstat.model.Convergence.OPTIMUM);
    Outcome o = f.optimum(start == null || start.theta == null ? null : start.theta.clone());
    if (o == null) {
      return failed("the REML optimisation of the imputation model did not converge");
    }
    return new MeanModel(d, o.eval.beta.clone(), f.sigma.clone(), o.theta.clone(), null);
  }

  /** Why the model could not be fitted, or null. */
  public String reason() {
    return reason;
  }

  /** The visits in order (the rows and columns of {@link #sigma()}). */
  public List<String> visits() {
    return design.visits;
  }

  /** The T x T covariance matrix, row-major (a copy). */
  public double[] sigma() {
    return sigma.clone();
  }

  /**
   * The mean vector over all visits of a subject of the given arm and baseline.
   *
   * @param arm  an arm of the input
   * @param base the subject's baseline (ignored without a baseline term)
   * @return T means, in visit order
   * @throws IllegalArgumentException for an arm not in the data
   */
  public double[] mean(String arm, double base) {
    int a = design.arms.indexOf(arm);
    if (a < 0) {
      throw new IllegalArgumentException("arm " + arm + " is not in the imputation model");
    }
    double[] mu = new double[design.nVisits];
    for (int v = 0; v < mu.length; v++) {
      mu[v] = Dense.dot(design.rowAt(a, v, base), beta);
    }
    return mu;
  }
}
