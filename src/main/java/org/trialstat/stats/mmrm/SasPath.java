package org.trialstat.stats.mmrm;

import org.trialstat.model.Convergence;
import org.trialstat.stats.linalg.Dense;

/**
 * SAS PROC MIXED's default optimisation path ({@link Convergence#SAS}; the steps and their sources are
 * in the {@link Mmrm} class Javadoc): MIVQUE0 starting values, ridge-stabilised Newton-Raphson on the
 * covariance elements sigma_ab, SAS's relative Hessian criterion. One instance per fit.
 */
final class SasPath {

  /** SAS PROC MIXED defaults: CONVH=1E-8, MAXITER=50. */
  private static final double SAS_CONVH = 1e-8;
  private static final int SAS_MAX_ITERATIONS = 50;

  private final Reml reml;
  private final LogCholesky lc;
  private final int nv;
  private final int q;
  /** Why the path failed, when {@link #run} returns an outcome that did not converge. */
  String fallback;
  /** Newton-Raphson iterations done. */
  int iterations;

  SasPath(Reml reml, int nVisits) {
    this.reml = reml;
    this.nv = nVisits;
    this.q = nVisits * (nVisits + 1) / 2;
    this.lc = new LogCholesky(nVisits);
  }

  /**
   * MIVQUE0 start and Newton-Raphson on the sigma_ab with SAS's stopping rule (class Javadoc).
   * Returns an outcome with {@code converged} false (and {@link #fallback} set) when the path
   * cannot start or does not converge.
   */
  Outcome run() {
    Outcome o = new Outcome();
    double[] sigma = mivque0();
    if (sigma == null) {
      fallback = "MIVQUE0 starting covariance not positive definite";
      return o;
    }
    Reml.Eval ev = reml.evaluate(sigma, true);
    if (ev == null) {
      fallback = "MIVQUE0 starting covariance not positive definite";
      return o;
    }
    double[] s = lc.packed(sigma);
    for (int it = 1; it <= SAS_MAX_ITERATIONS; it++) {
      double[] next = ridgeStep(s, ev);
      if (next == null) {
        fallback = "no Newton-Raphson step decreases -2 REML log-likelihood";
        return o;
      }
      s = next;
      ev = reml.evaluate(lc.full(s), true);
      iterations = it;
      double crit = sasCriterion(ev);
      if (crit < SAS_CONVH) {
        o.theta = lc.logCholesky(lc.full(s));
        o.eval = ev;
        o.criterion = crit;
        o.converged = o.theta != null;
        if (!o.converged) {
          fallback = "covariance not positive definite at SAS convergence";
        }
        return o;
      }
    }
    fallback = "SAS path did not converge in " + SAS_MAX_ITERATIONS + " iterations";
    return o;
  }

  /**
   * MIVQUE0 with prior V0 = I: solves F(I) sigma = b, b_k = r' V_k r for the OLS residuals r,
   * computed as F(I) sigma_I - g(I) (class Javadoc). Returns the T x T matrix, or null when the
   * equations are singular or the estimate is not positive definite.
   */
  private double[] mivque0() {
    double[] id = Design.identity(nv);
    Reml.Eval e0 = reml.evaluate(id, true);
    if (e0 == null) {
      return null;
    }
    double[] sI = lc.packed(id);
    double[] b = new double[q];
    for (int k = 0; k < q; k++) {
      double v = 0;
      for (int l = 0; l < q; l++) {
        v += e0.expected[k * q + l] * sI[l];
      }
      b[k] = v - e0.gradient[k];
    }
    double[] f = e0.expected.clone();
    if (!Dense.cholesky(f, q)) {
      return null;
    }
    Dense.solve(f, q, b);
    double[] sigma = lc.full(b);
    return lc.logCholesky(sigma) == null ? null : sigma;
  }

  /**
   * One ridge-stabilised Newton-Raphson step from the packed sigma: the full step -H^-1 g first,
   * then (H + lambda I) with lambda = 1e-4 max|H_kk|, growing tenfold, until Sigma stays positive
   * definite and -2 l_R does not increase. Null if none does.
   */
  private double[] ridgeStep(double[] s, Reml.Eval ev) {
    double scale = 0;
    for (int k = 0; k < q; k++) {
      scale = Math.max(scale, Math.abs(ev.observed[k * q + k]));
    }
    double lambda = 0;
    for (int attempt = 0; attempt < 30; attempt++) {
      double[] h = ev.observed.clone();
      for (int k = 0; k < q; k++) {
        h[k * q + k] += lambda;
      }
      if (Dense.cholesky(h, q)) {
        double[] step = ev.gradient.clone();
        Dense.solve(h, q, step);
        double[] cand = new double[q];
        for (int k = 0; k < q; k++) {
          cand[k] = s[k] - step[k];
        }
        Reml.Eval ce = reml.evaluate(lc.full(cand), false);
        if (ce != null && ce.f <= ev.f + 1e-12 * Math.abs(ev.f)) {
          return cand;
        }
      }
      lambda = lambda == 0 ? 1e-4 * scale : lambda * 10;
    }
    return null;
  }

  /** SAS's relative Hessian criterion g' H^-1 g / |f|, f = -2 l_R without the constant. */
  private double sasCriterion(Reml.Eval ev) {
    double f = Math.abs(ev.f - reml.constant());
    double[] h = ev.observed.clone();
    if (Dense.cholesky(h, q)) {
      double[] hg = ev.gradient.clone();
      Dense.solve(h, q, hg);
      return Dense.dot(ev.gradient, hg) / f;
    }
    return Dense.dot(ev.gradient, ev.gradient) / f;
  }
}
