package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceFit;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Estimation;
import org.trialstat.model.MmrmResult;

/**
 * The fallback rule of {@link Mmrm#fit(MmrmInput, DdfMethod, double, Convergence, CovarianceSettings)}:
 * each structure in order is checked ({@link Estimability}), fitted, and kept when it converged at a
 * positive definite matrix; otherwise the next is tried, and the reasons are recorded. One instance per
 * fit.
 */
final class CovarianceSelection {

  /** Why Kenward-Roger is refused under ML. */
  static final String KR_ML = "Kenward-Roger is only for REML: its adjustment of cov(beta_hat) and its df "
      + "are derived for REML estimates of the covariance (use --estimation reml, or Satterthwaite df under ML)";

  private final FitRequest fit;
  /** {@code fit.d()}. */
  private final Design d;
  private final CovarianceSettings cov;
  private final List<CovarianceFit.Attempt> tried = new ArrayList<>();
  private final StringBuilder fellBack = new StringBuilder();

  CovarianceSelection(FitRequest fit, CovarianceSettings cov) {
    this.fit = fit;
    this.d = fit.d();
    this.cov = cov;
  }

  MmrmResult run() {
    MmrmResult last = null;
    for (CovarianceStructure s : cov.order()) {
      String method = Mmrm.method(s, cov, fit.ddf(), fit.convergence(), fellBack.toString());
      String why = Estimability.check(s, d);
      if (why != null) {
        last = fit.failure(method, Double.NaN, 0, Double.NaN, why);
        record(s, "not_estimable", why);
        continue;
      }
      double[][] sigmas = new double[d.groups][];
      double[] theta;
      if (cov.unstructuredDefault(s)) {
        UnstructuredFit f = new UnstructuredFit(fit, method);
        last = f.run();
        theta = f.sigma == null ? null : StructureAlgebra.packed(f.sigma, d.nVisits);
      } else if (fit.ddf() == DdfMethod.KENWARD_ROGER && cov.estimation() == Estimation.ML) {
        // KR corrects the REML covariance of beta_hat (docs/methods.md); R mmrm refuses it too
        last = fit.failure(method, Double.NaN, 0, Double.NaN, KR_ML);
        theta = null;
      } else {
        StructuredFit f = new StructuredFit(d.patterns, d.nVisits, d.groups, d.p, d.nObs, s,
            cov.estimation() == Estimation.ML);
        StructuredFit.Result r = f.run();
        if (r == null) {
          last = fit.failure(method, Double.NaN, f.iterations, Double.NaN,
              "the " + s.label() + " covariance could not be fitted: " + f.reason);
          theta = null;
        } else {
          Outcome o = new Outcome();
          o.theta = r.theta;
          o.eval = r.eval;
          o.converged = true;
          o.criterion = r.criterion;
          KenwardRoger kr = fit.ddf() == DdfMethod.KENWARD_ROGER
              ? KenwardRogerStructured.of(d.patterns, d.nVisits, d.p, d.groups, s, r, false) : null;
          last = new Inference(fit, method, f.iterations, r.qk, r.theta.length)
              .run(o, r.hessianCholesky, kr);
          theta = r.theta;
        }
      }
      if (last.converged()) {
        tried.add(new CovarianceFit.Attempt(s.key(), "fitted", null));
        return last.withCovariance(summary(s, theta, last.minus2RemlLogLik()));
      }
      record(s, "failed", last.reason());
    }
    if (cov.order().size() > 1) {
      last = fit.failure(last.method(), last.minus2RemlLogLik(), last.iterations(),
          last.convergenceCriterion(), "no covariance structure could be fitted (" + fellBack.substring(2) + ")");
    }
    return last.withCovariance(new CovarianceFit(null, cov.byArm(), cov.estimation().name(), List.of(), List.of(),
        Double.NaN, Double.NaN, Double.NaN, tried));
  }

  private void record(CovarianceStructure s, String status, String reason) {
    tried.add(new CovarianceFit.Attempt(s.key(), status, reason));
    fellBack.append("; ").append(s.key()).append(' ').append(status.replace('_', ' ')).append(": ").append(reason);
  }

  private CovarianceFit summary(CovarianceStructure s, double[] theta, double m2ll) {
    List<String> base = s.parameterNames(d.nVisits);
    List<String> names = new ArrayList<>();
    List<Double> estimates = new ArrayList<>();
    for (int g = 0; g < d.groups; g++) {
      for (int j = 0; j < base.size(); j++) {
        names.add(base.get(j) + (d.groups > 1 ? " " + d.arms.get(g) : ""));
        estimates.add(theta[g * base.size() + j]);
      }
    }
    InformationCriteria ic = InformationCriteria.of(m2ll, theta.length, d.p, d.nObs, d.nSubjects,
        cov.estimation() == Estimation.ML);
    return new CovarianceFit(s.key(), cov.byArm(), cov.estimation().name(), names, estimates, ic.aic(), ic.aicc(),
        ic.bic(), tried);
  }
}
