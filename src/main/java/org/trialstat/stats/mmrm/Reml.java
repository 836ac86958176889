package org.trialstat.stats.mmrm;

import java.util.List;
import org.trialstat.stats.linalg.Dense;

/**
 * The restricted (REML) log-likelihood of the unstructured-covariance MMRM and its derivatives with
 * respect to the distinct elements sigma_ab (a &gt;= b) of the T x T covariance matrix.
 *
 * <p>With V = blockdiag(Sigma_i) (Sigma_i the rows/columns of Sigma at subject i's visits),
 * M = (X' V^-1 X)^-1, beta = M X' V^-1 y, r = y - X beta and P = V^-1 - V^-1 X M X' V^-1:
 * <pre>
 *   -2 l_R = (n - p) log(2 pi) + sum_i log|Sigma_i| + log|X' V^-1 X| + r' V^-1 r
 *   d(-2 l_R)/d sigma_k          = tr(P V_k) - r' V^-1 V_k V^-1 r
 *   E d2(-2 l_R)/d sigma_k d sigma_l =  tr(P V_k P V_l)                       (expected)
 *     d2(-2 l_R)/d sigma_k d sigma_l = -tr(P V_k P V_l) + 2 y' P V_k P V_l P y   (observed)
 * </pre>
 * (V_k = dV/d sigma_k is a 0/1 pattern, so second derivatives of V vanish.) Jennrich &amp; Schluchter
 * (1986), Biometrics 42:805-820; Lindstrom &amp; Bates (1988), JASA 83:1014-1022. P is never formed:
 * each trace splits into per-subject m x m blocks and p x p sums, and since subjects with the same
 * missingness pattern share Sigma_i, every factorisation is done once per pattern.
 */
final class Reml {

  private final List<Pattern> patterns;
  private final int nVisits;
  /** Parameters of one group's matrix, T(T+1)/2. */
  private final int q1;
  /** All parameters: q1 per covariance group. */
  private final int q;
  private final int p;
  private final double constant;
  private final boolean ml;
  /** The tasks of the derivatives ({@link RemlDerivatives#parts}). */
  private final int parts;

  /** The value and (optionally) derivatives at one covariance matrix. */
  static final class Eval {
    double f;
    double[] beta;
    /** cov(beta_hat) = (X' V^-1 X)^-1, p x p. */
    double[] m;
    double[] gradient;
    double[] expected;
    double[] observed;
    /** Q_k = X' V^-1 V_k V^-1 X, so that d cov(beta_hat) / d sigma_k = M Q_k M. */
    double[][] qk;
    /** What {@link #withDerivatives} needs of an evaluation without derivatives, or null. */
    Kept kept;
  }

  /** Per pattern: Sigma_i^-1, E = sum_i r_i r_i' and H_ab = sum_i x_ia r_ib' of one evaluation. */
  private record Kept(double[][] sInv, double[][] hr, double[][] eMat) {
  }

  Reml(List<Pattern> patterns, int nVisits, int p, int nObs) {
    this(patterns, nVisits, 1, p, nObs, false);
  }

  /**
   * The criterion for {@code groups} covariance matrices (a pattern's subjects use the matrix of its
   * {@link Pattern#group}), parameters sigma_g,ab at index g T(T+1)/2 + {@link #index}(a, b).
   *
   * @param ml true for -2 l_ML = n log(2 pi) + sum_i log|Sigma_i| + r' V^-1 r (maximum likelihood: no
   *           log|X' V^-1 X| and n instead of n - p in the constant; gradient tr(V^-1 V_k) - r' V^-1 V_k
   *           V^-1 r; the Hessians are then not computed)
   */
  Reml(List<Pattern> patterns, int nVisits, int groups, int p, int nObs, boolean ml) {
    this.patterns = patterns;
    this.nVisits = nVisits;
    this.q1 = nVisits * (nVisits + 1) / 2;
    this.q = groups * q1;
    this.p = p;
    this.ml = ml;
    this.parts = RemlDerivatives.parts(patterns);
    this.constant = (ml ? nObs : nObs - p) * Math.log(2 * Math.PI);
  }

  /** The (n - p) log(2 pi) term of -2 l_R (n log(2 pi) under ML). */
  double constant() {
    return constant;
  }

  /** Index of sigma_ab (a &gt;= b) among the q distinct elements. */
  static int index(int a, int b) {
    return a >= b ? a * (a + 1) / 2 + b : b * (b + 1) / 2 + a;
  }

  /**
   * Evaluates at the T x T covariance {@code sigma} (row-major).
   *
   * @return null when some block of sigma or X' V^-1 X is not positive definite
   */
  Eval evaluate(double[] sigma, boolean derivatives) {
    return evaluate(new double[][] {sigma}, derivatives);
  }

  /**
   * Evaluates at one T x T covariance per group (row-major).
   *
   * @return null when some block of sigma or X' V^-1 X is not positive definite
   */
  Eval evaluate(double[][] sigmas, boolean derivatives) {
    return evaluate(sigmas, derivatives, false);
  }

  /**
   * Evaluates with the gradient only (no Hessians, no Q_k): the cheap evaluation for optimisers that
   * difference the gradient.
   *
   * @return null when some block of sigma or X' V^-1 X is not positive definite
   */
  Eval evaluateGradient(double[][] sigmas) {
    return evaluate(sigmas, true, true);
  }

  /**
   * Evaluates -2 l_R alone, keeping the per-pattern sums that its derivatives need, so that
   * {@link #withDerivatives} completes it without another pass over the subjects: for a line search,
   * whose accepted point then needs the derivatives. The value and the derivatives are those of
   * {@link #evaluate(double[], boolean)} with derivatives, bit for bit (the same sums, computed once).
   *
   * @return null when some block of sigma or X' V^-1 X is not positive definite
   */
  Eval evaluateKeeping(double[] sigma) {
    return evaluate(new double[][] {sigma}, false, false, true);
  }

  /** Adds the derivatives to an evaluation of {@link #evaluateKeeping}; returns it. */
  Eval withDerivatives(Eval ev) {
    return withDerivatives(ev, parts);
  }

  /** As {@link #withDerivatives(Eval)} in {@code tasks} tasks ({@link RemlDerivatives}: the same bits). */
  Eval withDerivatives(Eval ev, int tasks) {
    Kept k = ev.kept;
    ev.kept = null;
    derivatives(ev, k.sInv(), k.hr(), k.eMat(), false, tasks);
    if (ml) {
      ev.expected = null;
      ev.observed = null;
    }
    return ev;
  }

  private Eval evaluate(double[][] sigmas, boolean derivatives, boolean gradientOnly) {
    return evaluate(sigmas, derivatives, gradientOnly, false);
  }

  private Eval evaluate(double[][] sigmas, boolean derivatives, boolean gradientOnly, boolean keep) {
    int np = patterns.size();
    double[][] sInv = new double[np][];
    double[][] eMat = new double[np][];
    // H_ab = sum_i x_ia r_ib' per pattern, for the observed Hessian (the residuals themselves are not kept)
    double[][] hr = (derivatives && !gradientOnly) || keep ? new double[np][] : null;
    double[] xvx = new double[p * p];
    double[] xvy = new double[p];
    double f = constant;
    for (int t = 0; t < np; t++) {
      Pattern pt = patterns.get(t);
      int m = pt.m;
      double[] s = new double[m * m];
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          s[a * m + b] = sigmas[pt.group][pt.visits[a] * nVisits + pt.visits[b]];
        }
      }
      if (!Dense.cholesky(s, m)) {
        return null;
      }
      f += pt.n * Dense.logDet(s, m);
      double[] inv = new double[m * m];
      Dense.inverseFromCholesky(s, m, inv);
      sInv[t] = inv;
      pt.addXtAXToSum(inv, xvx);
      pt.addXtAv(inv, pt.y, xvy);
    }
    double[] chol = xvx.clone();
    if (!Dense.cholesky(chol, p)) {
      return null;
    }
    Eval ev = new Eval();
    if (!ml) {
      f += Dense.logDet(chol, p);
    }
    ev.m = new double[p * p];
    Dense.inverseFromCholesky(chol, p, ev.m);
    ev.beta = xvy.clone();
    Dense.solve(chol, p, ev.beta);
    for (int t = 0; t < np; t++) {
      Pattern pt = patterns.get(t);
      if (hr != null) {
        hr[t] = new double[pt.m * pt.m * p];
      }
      eMat[t] = pt.residualProducts(ev.beta, hr == null ? null : hr[t]);
      double[] inv = sInv[t];
      double tr = 0;
      for (int k = 0; k < inv.length; k++) {
        tr += inv[k] * eMat[t][k];
      }
      f += tr;
    }
    ev.f = f;
    if (keep) {
      ev.kept = new Kept(sInv, hr, eMat);
    }
    if (derivatives) {
      derivatives(ev, sInv, hr, eMat, gradientOnly, parts);
      if (ml || gradientOnly) {
        // the Hessian formulas below are those of -2 l_R; under ML only the gradient is valid
        ev.expected = null;
        ev.observed = null;
      }
    }
    return ev;
  }

  private void derivatives(Eval ev, double[][] sInv, double[][] hrs, double[][] eMat, boolean gradientOnly,
      int tasks) {
    RemlDerivatives d = new RemlDerivatives(patterns, q1, q, p, ml);
    if (gradientOnly) {
      ev.gradient = d.gradient(ev, sInv, eMat);
    } else {
      d.compute(ev, sInv, hrs, eMat, tasks);
    }
  }
}
