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
 *
 * <p>Speed (resampling fits the model n + 1 times): {@link #fit(MmrmInput, MeanModel)} starts the REML
 * optimisation at another fit's covariance parameters (a leave-one-out sample's optimum is near the
 * full data's), and the mean of a subject is affine in its baseline, so {@link #mean} uses two vectors per
 * arm and visit computed once per fit.
 */
public final class MeanModel {

  private final double[] theta;
  private final double[] beta;
  private final double[] sigma;
  private final List<String> visits;
  private final List<String> arms;
  /** Per arm, per visit: the mean at baseline 0, then its slope in the baseline ([arm][2 * visit + 0/1]). */
  private final double[][] affine;
  private final String reason;

  private MeanModel(Design design, double[] theta, double[] beta, double[] sigma, String reason) {
    this.theta = theta;
    this.beta = beta;
    this.sigma = sigma;
    this.reason = reason;
    this.visits = design == null ? List.of() : design.visits;
    this.arms = design == null ? List.of() : design.arms;
    this.affine = design == null ? null : new double[arms.size()][2 * design.nVisits];
    for (int a = 0; a < arms.size(); a++) {
      for (int v = 0; v < design.nVisits; v++) {
        double at0 = Dense.dot(design.rowAt(a, v, 0), beta);
        affine[a][2 * v] = at0;
        affine[a][2 * v + 1] = Dense.dot(design.rowAt(a, v, 1), beta) - at0;
      }
    }
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
   * Fits the model by REML, the optimisation starting at the covariance parameters of {@code start} (of
   * data with the same visits) when it is a converged fit; else as {@link #fit(MmrmInput)}. The optimum is
   * the same up to the convergence tolerance.
   *
   * @param input the long-format data (missing outcomes absent or NaN)
   * @param start a fit to start from, or null
   * @return the fit, or a value with a reason
   */
  public static MeanModel fit(MmrmInput input, MeanModel start) {
    try {
      return fit(Design.build(input, false), start);
    } catch (NotEstimableException e) {
      return new MeanModel(null, null, null, null, e.getMessage());
    }
  }

  /**
   * The fits of the full data and of its leave-one-subject-out samples (jackknife): the samples' designs
   * are derived from the full data's ({@link LeaveOneOut}) and their optimisations start at the full fit.
   *
   * @param input the full data
   * @return the samples; {@link Jackknife#full()} has a reason when the full data cannot be fitted
   */
  public static Jackknife jackknife(MmrmInput input) {
    try {
      Design d = Design.build(input, false);
      return new Jackknife(fit(d, null), LeaveOneOut.of(input, d));
    } catch (NotEstimableException e) {
      return new Jackknife(new MeanModel(null, null, null, null, e.getMessage()), null);
    }
  }

  /** The full fit and the leave-one-out samples of {@link #jackknife}. Immutable; safe to share between threads. */
  public static final class Jackknife {
    private final MeanModel full;
    private final LeaveOneOut samples;

    private Jackknife(MeanModel full, LeaveOneOut samples) {
      this.full = full;
      this.samples = samples;
    }

    /** The full data's fit. */
    public MeanModel full() {
      return full;
    }

    /**
     * The fit without one subject.
     *
     * @param subject the subject's name (a subject without observations leaves the data unchanged)
     * @param reduced the input without the subject: fitted from scratch when the design cannot be derived
     *                (an input with covariates)
     */
    public MeanModel without(String subject, java.util.function.Supplier<MmrmInput> reduced) {
      MeanModel start = full.reason == null ? full : null;
      if (samples == null) {
        return MeanModel.fit(reduced.get(), start);
      }
      try {
        return fit(samples.without(subject), start);
      } catch (NotEstimableException e) {
        return new MeanModel(null, null, null, null, e.getMessage());
      }
    }
  }

  private static MeanModel fit(Design d, MeanModel start) {
    UnstructuredFit f = new UnstructuredFit(new FitRequest(d, DdfMethod.RESIDUAL, 0.95, org.trialstat.model.Convergence.OPTIMUM), "");
    boolean warm = start != null && start.theta != null && start.visits.equals(d.visits);
    Outcome o = f.optimum(warm ? start.theta : null);
    if (o == null && warm) {
      o = f.optimum(null);
    }
    if (o == null) {
      return new MeanModel(null, null, null, null, "the REML optimisation of the imputation model did not converge");
    }
    return new MeanModel(d, o.theta.clone(), o.eval.beta.clone(), f.sigma.clone(), null);
  }

  /** Why the model could not be fitted, or null. */
  public String reason() {
    return reason;
  }

  /** The visits in order (the rows and columns of {@link #sigma()}). */
  public List<String> visits() {
    return visits;
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
    int a = arms.indexOf(arm);
    if (a < 0) {
      throw new IllegalArgumentException("arm " + arm + " is not in the imputation model");
    }
    double[] mu = new double[visits.size()];
    for (int v = 0; v < mu.length; v++) {
      mu[v] = affine[a][2 * v] + base * affine[a][2 * v + 1];
    }
    return mu;
  }
}
