package org.trialstat.stats.mmrm;

import java.util.Locale;
import org.trialstat.model.Convergence;
import org.trialstat.model.MmrmResult;
import org.trialstat.stats.linalg.Dense;

/**
 * One REML fit of the unstructured-covariance MMRM (the optimiser of the {@link Mmrm} class Javadoc):
 * Newton-Raphson / Fisher scoring on the log-Cholesky parameters with step halving, a Nelder-Mead
 * restart when that stalls ({@link UnstructuredNewton}), or first {@link SasPath} under
 * {@link Convergence#SAS}; the starting values; then the positive-definiteness checks and
 * {@link Inference}. One instance per fit.
 */
final class UnstructuredFit {

  private final FitRequest fit;
  /** {@code fit.d()}. */
  private final Design d;
  private String method;
  private final int nv;
  private final int q;
  private final Reml reml;
  private final LogCholesky lc;
  private final UnstructuredNewton optimiser;
  private int iterations;
  private String startReason;
  /** The fitted T x T covariance, once {@link #run} has converged. */
  double[] sigma;

  UnstructuredFit(FitRequest fit, String method) {
    this.fit = fit;
    this.d = fit.d();
    this.method = method;
    this.nv = d.nVisits;
    this.q = nv * (nv + 1) / 2;
    this.reml = new Reml(d.patterns, nv, d.p, d.nObs);
    this.lc = new LogCholesky(nv);
    this.optimiser = new UnstructuredNewton(reml, lc, q);
  }

  MmrmResult run() {
    if (d.neverTogether != null) {
      return fit.failure(method, Double.NaN, 0, Double.NaN, d.neverTogether);
    }
    if (fit.convergence() == Convergence.SAS) {
      SasPath sas = new SasPath(reml, nv);
      Outcome o = sas.run();
      iterations = sas.iterations;
      if (o.converged) {
        return check(o);
      }
      method += " [" + sas.fallback + "; fell back to the REML optimum]";
      iterations = 0;
    }
    double[] theta = startingValues();
    if (theta == null) {
      return fit.failure(method, Double.NaN, 0, Double.NaN, startReason);
    }
    Outcome o = optimiser.newton(theta);
    if (!o.converged && o.eval != null) {
      double[] restart = optimiser.nelderMead(o.theta);
      Outcome o2 = optimiser.newton(restart);
      if (o2.converged || (o2.eval != null && o2.eval.f < o.eval.f)) {
        o = o2;
      }
    }
    iterations = optimiser.iterations;
    if (o.eval == null) {
      return fit.failure(method, Double.NaN, iterations, Double.NaN,
          "REML optimisation failed: covariance matrix not positive definite");
    }
    if (!o.converged) {
      String why = Double.isFinite(o.criterion)
          ? String.format(Locale.ROOT, "criterion %.3g after %d iterations", o.criterion, iterations)
          : String.format(Locale.ROOT, "the REML criterion is not finite after %d iterations: the data may have "
              + "no within-arm variation at some visit", iterations);
      return fit.failure(method, o.eval.f, iterations, o.criterion,
          "REML optimisation did not converge (" + why + ")");
    }
    return check(o);
  }

  /**
   * The REML optimum without inference (for resampling, which needs only beta and Sigma): the outcome,
   * or null when the optimisation did not converge or has no starting values.
   */
  Outcome optimum() {
    return optimum(null);
  }

  /**
   * As {@link #optimum()}, starting Newton-Raphson at {@code start} (log-Cholesky parameters of a nearby
   * fit, for example the full data's for a bootstrap sample) when given; the data's own starting values
   * are used when it is null or its covariance is not positive definite here. The optimum does not
   * depend on the start (the REML criterion of the unstructured model has one optimum in practice); the
   * start only saves iterations.
   *
   * @param start log-Cholesky parameters to start from (a nearby fit's), or null for the usual starting
   *              values
   */
  Outcome optimum(double[] start) {
    if (d.neverTogether != null) {
      return null;
    }
    double[] theta = start != null && Double.isFinite(optimiser.evaluate(start)) ? start.clone() : startingValues();
    if (theta == null) {
      return null;
    }
    Outcome o = optimiser.newton(theta);
    if (!o.converged && o.eval != null) {
      o = optimiser.newton(optimiser.nelderMead(o.theta));
    }
    if (!o.converged || o.eval == null) {
      return null;
    }
    sigma = lc.sigma(lc.lower(o.theta));
    return o;
  }

  /** Positive-definiteness checks at convergence, then inference. */
  private MmrmResult check(Outcome o) {
    double[] l = lc.lower(o.theta);
    double[] sigma = lc.sigma(l);
    for (int a = 0; a < nv; a++) {
      double la = l[a * nv + a];
      if (!(la * la > 1e-10 * sigma[a * nv + a])) {
        return fit.failure(method, o.eval.f, iterations, o.criterion,
            "covariance matrix not positive definite at convergence (visit " + d.visits.get(a)
                + " is a linear function of earlier visits; too few subjects for an unstructured matrix?)");
      }
    }
    double[] hchol = o.eval.observed.clone();
    if (!Dense.cholesky(hchol, q)) {
      return fit.failure(method, o.eval.f, iterations, o.criterion,
          "Hessian of the REML log-likelihood not positive definite at convergence");
    }
    this.sigma = sigma;
    return new Inference(fit, method, iterations).run(o, hchol, sigma);
  }

  private double[] startingValues() {
    int p = d.p;
    double[] xtx = new double[p * p];
    double[] xty = new double[p];
    for (Pattern pt : d.patterns) {
      double[] id = Design.identity(pt.m);
      pt.addXtAX(id, xtx);
      pt.addXtAv(id, pt.y, xty);
    }
    if (!Dense.cholesky(xtx, p)) {
      startReason = "fixed effects are not estimable (X'X not positive definite)";
      return null;
    }
    Dense.solve(xtx, p, xty);
    double[] sum = new double[nv * nv];
    int[] cnt = new int[nv * nv];
    for (Pattern pt : d.patterns) {
      double[] e = pt.residualProducts(xty);
      for (int a = 0; a < pt.m; a++) {
        for (int b = 0; b < pt.m; b++) {
          sum[pt.visits[a] * nv + pt.visits[b]] += e[a * pt.m + b];
          cnt[pt.visits[a] * nv + pt.visits[b]] += pt.n;
        }
      }
    }
    double[] sd = new double[nv];
    for (int a = 0; a < nv; a++) {
      double var = sum[a * nv + a] / cnt[a * nv + a];
      if (!(var > 0)) {
        startReason = "the outcome has no residual variation at visit " + d.visits.get(a);
        return null;
      }
      sd[a] = Math.sqrt(var);
    }
    for (double shrink = 1; shrink >= -1e-9; shrink -= 0.1) {
      double[] s = new double[nv * nv];
      for (int a = 0; a < nv; a++) {
        for (int b = 0; b < nv; b++) {
          double r = a == b ? 1 : shrink * sum[a * nv + b] / cnt[a * nv + b] / (sd[a] * sd[b]);
          s[a * nv + b] = r * sd[a] * sd[b];
        }
      }
      if (Dense.cholesky(s, nv)) {
        double[] theta = new double[q];
        for (int a = 0; a < nv; a++) {
          for (int b = 0; b <= a; b++) {
            theta[Reml.index(a, b)] = a == b ? Math.log(s[a * nv + a]) : s[a * nv + b];
          }
        }
        return theta;
      }
    }
    startReason = "no positive definite starting covariance";
    return null;
  }

}
