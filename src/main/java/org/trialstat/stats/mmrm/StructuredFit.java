package org.trialstat.stats.mmrm;

import java.util.List;
import java.util.Locale;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.stats.linalg.Dense;

/**
 * REML or ML fit of a structured within-subject covariance ({@link CovarianceStructure}), one matrix
 * per covariance group (SAS {@code GROUP=}), in SAS's own parameters (variances, covariances,
 * correlations).
 *
 * <p>Newton-Raphson on theta: the gradient is analytic, g = J' g_sigma with g_sigma the derivative of
 * the criterion in the covariance elements ({@link Reml}) and J = d sigma / d theta
 * ({@link CovarianceStructure#sigma}); the Hessian is the central difference of that analytic
 * gradient (step 1e-5 max(|theta_j|, 0.1), truncation error O(h^2)); when it is not positive definite
 * a ridge H + lambda I (lambda from 1e-6 max|H_jj|, growing tenfold) makes the step a descent
 * direction. Step halving keeps -2 l decreasing and every iterate positive definite. Stops when the
 * Newton decrement g' H^-1 g is below 1e-12 |-2 l| (at most 100 iterations). Starting values:
 * {@link CovarianceStructure#start} on the pairwise covariance of the OLS residuals (per group),
 * covariances shrunk toward 0 until positive definite.
 */
final class StructuredFit {

  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-12;

  private final List<Pattern> patterns;
  private final CovarianceStructure structure;
  private final int nv;
  private final int groups;
  private final int p;
  private final int k;
  private final int q1;
  private final Reml reml;
  int iterations;
  /** Why the fit failed, when {@link #run} returns null. */
  String reason;

  /** Where the fit stopped. */
  static final class Result {
    /** Parameters, group-major, each group's in {@link CovarianceStructure#parameterNames} order. */
    double[] theta;
    double[][] sigmas;
    Reml.Eval eval;
    /** Cholesky factor of the Hessian of -2 l in theta. */
    double[] hessianCholesky;
    /** d cov(beta_hat)-factors per theta: Q_j = sum_k J_kj Q_k (see {@link Reml.Eval#qk}). */
    double[][] qk;
    double criterion;
  }

  StructuredFit(List<Pattern> patterns, int nVisits, int groups, int p, int nObs, CovarianceStructure structure,
      boolean ml) {
    this.patterns = patterns;
    this.structure = structure;
    this.nv = nVisits;
    this.groups = groups;
    this.p = p;
    this.k = (int) structure.parameters(nVisits);
    this.q1 = nVisits * (nVisits + 1) / 2;
    this.reml = new Reml(patterns, nVisits, groups, p, nObs, ml);
  }

  /** Number of covariance parameters over all groups. */
  int parameters() {
    return groups * k;
  }

  private double[][] sigmas(double[] theta, double[][] jac) {
    double[][] s = new double[groups][nv * nv];
    for (int g = 0; g < groups; g++) {
      double[] th = new double[k];
      System.arraycopy(theta, g * k, th, 0, k);
      if (jac != null) {
        jac[g] = new double[q1 * k];
      }
      StructureAlgebra.sigma(structure, th, nv, s[g], jac == null ? null : jac[g]);
    }
    return s;
  }

  private Reml.Eval eval(double[] theta, boolean derivatives) {
    for (double t : theta) {
      if (!Double.isFinite(t)) {
        return null;
      }
    }
    return reml.evaluate(sigmas(theta, null), derivatives);
  }

  private double f(double[] theta) {
    Reml.Eval e = eval(theta, false);
    return e == null ? Double.POSITIVE_INFINITY : e.f;
  }

  /** The analytic gradient in theta, or null outside the positive definite region. */
  private double[] gradient(double[] theta) {
    double[][] jac = new double[groups][];
    double[][] s = sigmas(theta, jac);
    Reml.Eval e = reml.evaluateGradient(s);
    return e == null ? null : gradient(e, jac);
  }

  private double[] gradient(Reml.Eval e, double[][] jac) {
    double[] g = new double[groups * k];
    for (int grp = 0; grp < groups; grp++) {
      for (int j = 0; j < k; j++) {
        double v = 0;
        for (int m = 0; m < q1; m++) {
          v += jac[grp][m * k + j] * e.gradient[grp * q1 + m];
        }
        g[grp * k + j] = v;
      }
    }
    return g;
  }

  /** Central differences of the analytic gradient (one-sided at the edge of the region), symmetrised. */
  private double[] hessian(double[] theta) {
    int n = theta.length;
    double[] h = new double[n * n];
    for (int j = 0; j < n; j++) {
      double step = 1e-5 * Math.max(Math.abs(theta[j]), 0.1);
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += step;
      minus[j] -= step;
      double[] gp = gradient(plus);
      double[] gm = gradient(minus);
      double width = 2 * step;
      if (gp == null || gm == null) {
        double[] g0 = gradient(theta);
        if (g0 == null || (gp == null && gm == null)) {
          return null;
        }
        width = step;
        if (gp == null) {
          gp = g0;
        } else {
          gm = g0;
        }
      }
      for (int i = 0; i < n; i++) {
        h[i * n + j] = (gp[i] - gm[i]) / width;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double v = 0.5 * (h[i * n + j] + h[j * n + i]);
        h[i * n + j] = v;
        h[j * n + i] = v;
      }
    }
    return h;
  }

  /** Starting values, or null (with {@link #reason}). */
  private double[] start() {
    double[][] s = ResidualMoments.covariances(patterns, nv, groups, p);
    if (s == null) {
      reason = "fixed effects are not estimable (X'X not positive definite)";
      return null;
    }
    double[] theta = new double[groups * k];
    for (double shrink = 1; shrink >= -1e-9; shrink -= 0.1) {
      for (int g = 0; g < groups; g++) {
        double[] th = StructureAlgebra.shrink(structure,
            StructureAlgebra.start(structure, s[g], nv), nv, Math.max(shrink, 0));
        System.arraycopy(th, 0, theta, g * k, k);
      }
      if (eval(theta, false) != null) {
        return theta;
      }
    }
    reason = "no positive definite starting covariance";
    return null;
  }

  /** The fit, or null with {@link #reason} when it did not converge or is not positive definite. */
  Result run() {
    double[] theta = start();
    if (theta == null) {
      return null;
    }
    int n = theta.length;
    double fv = f(theta);
    for (int it = 0; it <= MAX_ITERATIONS; it++) {
      double[] g = gradient(theta);
      double[] h = g == null ? null : hessian(theta);
      if (h == null) {
        reason = "the covariance matrix is not positive definite near the estimate";
        return null;
      }
      double[] chol = h.clone();
      boolean pd = Dense.cholesky(chol, n);
      double[] dir = null;
      double scale = 0;
      for (int j = 0; j < n; j++) {
        scale = Math.max(scale, Math.abs(h[j * n + j]));
      }
      for (double lambda = pd ? 0 : 1e-6 * scale; dir == null && lambda < 1e12 * scale; lambda *= 10) {
        double[] c = h.clone();
        for (int j = 0; j < n; j++) {
          c[j * n + j] += lambda;
        }
        if (Dense.cholesky(c, n)) {
          dir = g.clone();
          Dense.solve(c, n, dir);
        }
        if (lambda == 0) {
          lambda = 1e-7 * scale;
        }
      }
      if (dir == null) {
        reason = "no descent direction (Hessian not finite)";
        return null;
      }
      double decrement = Dense.dot(g, dir);
      if (pd && decrement < TOLERANCE * Math.abs(fv)) {
        return result(theta, chol, decrement / Math.abs(fv));
      }
      if (it == MAX_ITERATIONS) {
        break;
      }
      double[] next = null;
      for (double step = 1; step > 1e-10; step /= 2) {
        double[] cand = new double[n];
        for (int j = 0; j < n; j++) {
          cand[j] = theta[j] - step * dir[j];
        }
        double fc = f(cand);
        if (fc <= fv - 1e-4 * step * decrement || (step == 1 && fc <= fv + 1e-13 * Math.abs(fv))) {
          next = cand;
          fv = fc;
          break;
        }
      }
      if (next == null) {
        if (pd && decrement < 1e-8 * Math.abs(fv)) {
          return result(theta, chol, decrement / Math.abs(fv));
        }
        reason = String.format(Locale.ROOT, "no step decreases -2 log-likelihood after %d iterations "
            + "(Newton decrement %.3g)", iterations, decrement);
        return null;
      }
      theta = next;
      iterations++;
    }
    reason = "did not converge in " + MAX_ITERATIONS + " iterations";
    return null;
  }

  private Result result(double[] theta, double[] hessianCholesky, double criterion) {
    Result r = new Result();
    r.theta = theta;
    double[][] jac = new double[groups][];
    r.sigmas = sigmas(theta, jac);
    r.eval = reml.evaluate(r.sigmas, true);
    r.hessianCholesky = hessianCholesky;
    r.criterion = criterion;
    r.qk = new double[groups * k][p * p];
    for (int grp = 0; grp < groups; grp++) {
      for (int j = 0; j < k; j++) {
        double[] out = r.qk[grp * k + j];
        for (int m = 0; m < q1; m++) {
          double c = jac[grp][m * k + j];
          if (c != 0) {
            double[] src = r.eval.qk[grp * q1 + m];
            for (int i = 0; i < out.length; i++) {
              out[i] += c * src[i];
            }
          }
        }
      }
    }
    return r;
  }
}
