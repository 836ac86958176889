package org.trialstat.stats.mmrm;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.trialstat.stats.linalg.Dense;

/**
 * The optimiser of {@link UnstructuredFit} (the {@link Mmrm} class Javadoc states its rules): -2 l_R of
 * the unstructured covariance minimised over the log-Cholesky parameters ({@link LogCholesky}) by
 * Newton-Raphson with the observed Hessian, or Fisher scoring with the expected information when that
 * gives no descent direction, with step halving (Armijo) and polishing steps near the optimum; and the
 * Nelder-Mead simplex (Commons Math) from which Newton-Raphson is restarted when it stalls. One instance
 * per fit; it counts the Newton iterations taken.
 */
final class UnstructuredNewton {

  private static final double TOLERANCE = 1e-20;
  private static final double LOOSE_TOLERANCE = 1e-8;
  private static final int MAX_ITERATIONS = 200;

  private final int q;
  private final Reml reml;
  private final LogCholesky lc;
  /** Newton iterations taken so far, over every call of {@link #newton}. */
  int iterations;

  /**
   * @param reml the REML criterion of the fit
   * @param lc   the log-Cholesky parametrisation of its T x T covariance
   * @param q    T(T+1)/2, the number of parameters
   */
  UnstructuredNewton(Reml reml, LogCholesky lc, int q) {
    this.q = q;
    this.reml = reml;
    this.lc = lc;
  }

  /** -2 l_R at log-Cholesky parameters theta; +infinity where it cannot be evaluated. */
  double evaluate(double[] theta) {
    Reml.Eval e = reml.evaluate(lc.sigma(lc.lower(theta)), false);
    return e == null ? Double.POSITIVE_INFINITY : e.f;
  }

  /**
   * Newton-Raphson from theta0: at each iterate the observed-Hessian direction, else the expected-
   * information one, whichever first gives an Armijo step by halving; stops at convergence, after
   * {@value #MAX_ITERATIONS} iterations, or when no direction descends.
   */
  Outcome newton(double[] theta0) {
    Outcome o = new Outcome();
    double[] theta = theta0.clone();
    Reml.Eval ev = reml.evaluate(lc.sigma(lc.lower(theta)), true);
    o.theta = theta;
    o.eval = ev;
    if (ev == null) {
      return o;
    }
    int polished = 0;
    for (int it = 0; ; it++) {
      double[] l = lc.lower(theta);
      double[] jac = lc.jacobian(l);
      double[] g = new double[q];
      for (int j = 0; j < q; j++) {
        double s = 0;
        for (int k = 0; k < q; k++) {
          s += jac[k * q + j] * ev.gradient[k];
        }
        g[j] = s;
      }
      double[] hess = lc.sandwich(jac, ev.observed);
      lc.addCurvature(hess, l, ev.gradient, g);
      double[] info = lc.sandwich(jac, ev.expected);
      double[][] directions = {direction(hess, g), direction(info, g)};
      double[] first = directions[0] != null ? directions[0] : directions[1];
      if (first == null) {
        return o;
      }
      double crit = -Dense.dot(g, first) / Math.abs(ev.f);
      o.criterion = crit;
      boolean polishing = crit < LOOSE_TOLERANCE;
      if (crit < TOLERANCE || (polishing && polished >= 3)) {
        o.converged = true;
        return o;
      }
      if (it >= MAX_ITERATIONS) {
        return o;
      }
      double[] next = null;
      Reml.Eval nextEval = null;
      Reml.Eval accepted = null;
      for (double[] dir : directions) {
        if (dir == null) {
          continue;
        }
        double slope = Dense.dot(g, dir);
        if (!(slope < 0)) {
          continue;
        }
        double step = 1;
        for (int h = 0; h < 40; h++, step /= 2) {
          double[] cand = new double[q];
          for (int j = 0; j < q; j++) {
            cand[j] = theta[j] + step * dir[j];
          }
          // kept for its derivatives, which the accepted point needs (no second pass over the subjects)
          Reml.Eval ce = reml.evaluateKeeping(lc.sigma(lc.lower(cand)));
          double fc = ce == null ? Double.POSITIVE_INFINITY : ce.f;
          // Armijo decrease; near the optimum a full Newton step is also taken when it leaves -2 l_R
          // unchanged up to rounding, whose error then exceeds the predicted decrease.
          if (fc <= ev.f + 1e-4 * step * slope
              || (polishing && step == 1 && fc <= ev.f + 1e-12 * Math.abs(ev.f))) {
            next = cand;
            accepted = ce;
            break;
          }
        }
        if (next != null) {
          nextEval = accepted == null ? null : reml.withDerivatives(accepted);
          if (nextEval != null) {
            break;
          }
          next = null;
        }
      }
      if (next == null) {
        o.converged = crit < LOOSE_TOLERANCE;
        return o;
      }
      iterations++;
      if (polishing) {
        polished++;
      }
      theta = next;
      ev = nextEval;
      o.theta = theta;
      o.eval = ev;
    }
  }

  private double[] direction(double[] a, double[] g) {
    double[] c = a.clone();
    if (!Dense.cholesky(c, q)) {
      return null;
    }
    double[] dir = g.clone();
    Dense.solve(c, q, dir);
    for (int j = 0; j < q; j++) {
      dir[j] = -dir[j];
    }
    return dir;
  }

  /** The Nelder-Mead minimum of -2 l_R from start (at most 2000 q evaluations; start when they run out). */
  double[] nelderMead(double[] start) {
    MultivariateFunction fn = this::evaluate;
    SimplexOptimizer opt = new SimplexOptimizer(1e-10, 1e-12);
    try {
      PointValuePair best = opt.optimize(new MaxEval(2000 * q), new ObjectiveFunction(fn), GoalType.MINIMIZE,
          new InitialGuess(start), new NelderMeadSimplex(q, 0.1));
      return best.getPoint();
    } catch (TooManyEvaluationsException e) {
      return start;
    }
  }
}
