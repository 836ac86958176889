package org.trialstat.stats.mmrm;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstat.model.ContrastCovariance;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;
import org.trialstat.stats.linalg.Dense;

/**
 * LS means, treatment - control contrasts at each visit, their standard errors, denominator df and
 * intervals at a converged REML fit (formulas and sources in the {@link Mmrm} class Javadoc), and per
 * visit the covariance L_i C L_j' of the contrasts (C = (X' V^-1 X)^-1, or Kenward-Roger's Phi_A), as
 * R {@code vcov(emmeans::contrast(...))}.
 */
final class Inference {

  private final FitRequest fit;
  /** {@code fit.d()}. */
  private final Design d;
  private final String method;
  private final int iterations;
  private final int nv;
  private final int q;
  /** X' V^-1 (dV/d theta_k) V^-1 X per covariance parameter, or null for {@link Reml.Eval#qk}. */
  private final double[][] qk;

  /** For the unstructured matrix, parameters sigma_ab (the Hessian given to {@link #run} in them). */
  Inference(FitRequest fit, String method, int iterations) {
    this(fit, method, iterations, null, fit.d().nVisits * (fit.d().nVisits + 1) / 2);
  }

  /** For q covariance parameters theta with the given Q_k (the Hessian given to {@link #run} in theta). */
  Inference(FitRequest fit, String method, int iterations, double[][] qk, int q) {
    this.fit = fit;
    this.d = fit.d();
    this.method = method;
    this.iterations = iterations;
    this.nv = d.nVisits;
    this.q = q;
    this.qk = qk;
  }

  MmrmResult run(Outcome o, double[] hessianCholesky, double[] sigma) {
    return run(o, hessianCholesky, fit.ddf() == DdfMethod.KENWARD_ROGER
        ? new KenwardRoger(d.patterns, nv, d.p, sigma, o.eval, hessianCholesky) : null);
  }

  /** With the given Kenward-Roger adjustment (null: none). */
  MmrmResult run(Outcome o, double[] hessianCholesky, KenwardRoger kr) {
    Reml.Eval ev = o.eval;
    int p = d.p;
    List<LsMean> ls = new ArrayList<>();
    for (int v = 0; v < nv; v++) {
      for (int a = 0; a < d.arms.size(); a++) {
        double[] lv = d.lsMeanVector(a, v);
        double est = Dense.dot(lv, ev.beta);
        double var = Dense.quadratic(lv, ev.m, lv, p);
        double df = df(lv, var, ev, hessianCholesky);
        double se = Math.sqrt(kr == null ? var : kr.adjustedVariance(lv));
        double[] ci = ci(est, se, df);
        ls.add(new LsMean(d.arms.get(a), d.visits.get(v), d.cellCounts[a][v], est, se, df, ci[0], ci[1],
            fit.confLevel()));
      }
    }
    List<VisitContrast> cmp = new ArrayList<>();
    String cm = Mmrm.contrastMethod(method);
    List<String> treatments = new ArrayList<>();
    List<List<double[]>> rows = new ArrayList<>();
    for (int v = 0; v < nv; v++) {
      rows.add(new ArrayList<>());
    }
    for (int a = 0; a < d.arms.size(); a++) {
      if (a == d.controlArm) {
        continue;
      }
      treatments.add(d.arms.get(a));
      for (int v = 0; v < nv; v++) {
        double[] lt = d.lsMeanVector(a, v);
        double[] lc = d.lsMeanVector(d.controlArm, v);
        double[] lv = new double[p];
        for (int j = 0; j < p; j++) {
          lv[j] = lt[j] - lc[j];
        }
        rows.get(v).add(lv);
        double est = Dense.dot(lv, ev.beta);
        double var = Dense.quadratic(lv, ev.m, lv, p);
        double df = df(lv, var, ev, hessianCholesky);
        double se = Math.sqrt(kr == null ? var : kr.adjustedVariance(lv));
        double[] ci = ci(est, se, df);
        double t = est / se;
        double pv = Double.NaN;
        if (df > 0) {
          pv = 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
        }
        String why = Double.isNaN(df) ? "degrees of freedom not available"
            : Double.isNaN(se) ? "Kenward-Roger adjusted variance not positive" : null;
        cmp.add(new VisitContrast(d.arms.get(a), d.arms.get(d.controlArm), d.visits.get(v),
            new Difference(cm, est, se, ci[0], ci[1], fit.confLevel(), t, df, pv, why)));
      }
    }
    List<ContrastCovariance> covariances = new ArrayList<>();
    double[] c = kr == null ? ev.m : kr.adjustedCovariance();
    for (int v = 0; v < nv; v++) {
      List<double[]> l = rows.get(v);
      double[][] cov = new double[l.size()][l.size()];
      for (int i = 0; i < l.size(); i++) {
        for (int j = 0; j < l.size(); j++) {
          cov[i][j] = Dense.quadratic(l.get(i), c, l.get(j), p);
        }
      }
      covariances.add(new ContrastCovariance(d.visits.get(v), treatments, cov));
    }
    return new MmrmResult(method, ev.f, iterations, o.criterion, d.nSubjects, d.nObs, ls, cmp, covariances);
  }

  private double df(double[] lv, double var, Reml.Eval ev, double[] hessianCholesky) {
    if (fit.ddf() == DdfMethod.RESIDUAL) {
      return d.nObs - d.p;
    }
    int p = d.p;
    double[] ml = Dense.times(ev.m, lv, p);
    double[] g = new double[q];
    for (int k = 0; k < q; k++) {
      g[k] = Dense.quadratic(ml, qk == null ? ev.qk[k] : qk[k], ml, p);
    }
    double[] hg = g.clone();
    Dense.solve(hessianCholesky, q, hg);
    double denom = Dense.dot(g, hg);
    double df = var * var / denom;
    return df > 0 && Double.isFinite(df) ? df : Double.NaN;
  }

  private double[] ci(double est, double se, double df) {
    if (!(df > 0) || !Double.isFinite(se)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double tq = TDistribution.of(df).inverseSurvivalProbability((1 - fit.confLevel()) / 2);
    return new double[] {est - tq * se, est + tq * se};
  }
}
