package org.trialstat.stats.mmrm;

import org.trialstat.model.Convergence;
import org.trialstat.model.DdfMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.statistics.distribution.TDistribution;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;
import org.trialstat.model.VisitContrast;

/**
 * Mixed model for repeated measures (MMRM) with an unstructured within-subject covariance, fitted by
 * REML, as recommended for the primary analysis of longitudinal clinical trials by Mallinckrodt et al.
 * (2008), "Recommendations for the primary analysis of continuous endpoints in longitudinal clinical
 * trials", Drug Information Journal 42:303-319.
 *
 * <h2>Model</h2>
 * y_ij = x_ij' beta + e_ij for subject i at visit j, e_i ~ N(0, Sigma_i), Sigma_i the rows and columns
 * of one T x T unstructured matrix Sigma at the visits subject i has (subjects are independent; missing
 * visits are simply absent, i.e. missing at random). Fixed effects, 0/1 reference coding, covariates
 * unscaled: intercept + arm + visit + arm:visit (+ baseline + baseline:visit when a baseline is given)
 * + covariates. The control arm and the first visit are the reference levels; a categorical covariate's
 * reference level is its first level in sorted ({@link String#compareTo}) order, as R's
 * {@code contr.treatment} (SAS uses the last level; the choice changes neither LS means, contrasts nor
 * the REML likelihood). This is SAS {@code PROC MIXED; CLASS ...; MODEL y = arm visit arm*visit
 * [base base*visit] covariates / DDFM=SATTERTH; REPEATED visit / SUBJECT=id TYPE=UN;} and R
 * {@code nlme::gls(y ~ arm * visit [+ base * visit] + ..., correlation = corSymm(), weights =
 * varIdent(~ 1 | visit), method = "REML")} or {@code mmrm::mmrm(... + us(visit | id))}.
 *
 * <h2>Estimation</h2>
 * -2 REML log-likelihood (Patterson &amp; Thompson 1971; Harville 1977), including the (n - p) log(2 pi)
 * constant so that it equals SAS "-2 Res Log Like" and -2 * logLik of R's gls/mmrm:
 * (n - p) log(2 pi) + sum_i log|Sigma_i| + log|X' V^-1 X| + r' V^-1 r. Sigma = L L' with L lower
 * triangular and log-diagonal (the log-Cholesky parametrisation of Pinheiro &amp; Bates 1996), so every
 * iterate is positive definite. Newton-Raphson with the analytic gradient and observed Hessian of the
 * REML criterion (Jennrich &amp; Schluchter 1986, Biometrics 42:805-820; Lindstrom &amp; Bates 1988, JASA
 * 83:1014-1022), falling back to Fisher scoring (expected information) when the Hessian is not positive
 * definite, with step halving; if that stalls, a Nelder-Mead simplex (commons-math3) restarts it.
 * Starting values: the pairwise covariance of the OLS residuals, correlations shrunk toward 0 until
 * positive definite. Convergence: g' H^-1 g / |-2 l_R| &lt; 1e-20, or at most three further Newton steps
 * once it is below 1e-8 (SAS's default relative-Hessian criterion, which stops there). Subjects sharing a missingness pattern share one factorisation, and the
 * pattern sums X_i' A X_i come from per-pattern sufficient statistics, so the cost per iteration does
 * not grow with the number of subjects.
 *
 * <h2>SAS-compatible stopping ({@link Convergence#SAS})</h2>
 * SAS PROC MIXED stops earlier, and its printed results are those of that stopping point, slightly
 * before the optimum. With {@link Convergence#SAS} the fit follows SAS's documented default path
 * (SAS/STAT User's Guide, PROC MIXED, "Computational Issues" and "Iteration History"):
 * <ol>
 * <li>Starting values: MIVQUE0 (Rao 1971, J Multivariate Anal 1:445-456 and 1972, JASA 67:112-115;
 * Giesbrecht 1989), the minimum-variance quadratic unbiased estimator at the prior V0 = I. With only
 * R-side parameters, V = sum_k sigma_k V_k (V_k the 0/1 pattern of sigma_ab), and the MIVQUE0
 * equations are sum_l tr(M V_k M V_l) sigma_l = r' V_k r, with M = I - X (X'X)^- X' and r = M y
 * the OLS residuals: a moment estimator from the OLS residuals corrected for their leverage. Since
 * M is the REML projection P at V = I, the matrix is the expected information F(I) of -2 l_R there
 * and r' V_k r = (F(I) sigma_I)_k - g_k(I), so MIVQUE0 is one Fisher-scoring step from V = I.</li>
 * <li>Newton-Raphson on the covariance elements sigma_ab themselves, with the observed Hessian H
 * (no log-Cholesky parametrisation); a step that leaves Sigma not positive definite or raises
 * -2 l_R is retried with a ridge H + lambda I, lambda growing tenfold (SAS's "ridge-stabilized"
 * Newton-Raphson; SAS's exact ridge rule is not documented, so paths that need it may differ).</li>
 * <li>After each iteration (at least one), stop when g' H^-1 g / |f| &lt; 1e-8 (SAS CONVH default), g
 * and H at the new iterate and f = -2 l_R minus its (n - p) log(2 pi) constant (g' g / |f| when H
 * is not positive definite); at most 50 iterations (SAS MAXITER default).</li>
 * </ol>
 * On fev_data this gives SAS's iteration history exactly: -2 l_R 3386.46126144 after iteration 1
 * (criterion 9.27e-6) and 3386.44987722 after iteration 2 (5.0e-9), and with it every printed LS
 * mean, SE and contrast. The reported criterion is SAS's (without the constant). If the path cannot
 * start (MIVQUE0 not positive definite) or does not converge within 50 iterations, the fit falls back
 * to the {@link Convergence#OPTIMUM} optimiser and the method string says so.
 *
 * <h2>LS means, contrasts and df</h2>
 * The LS mean of arm a at visit v is L beta with categorical covariate levels weighted equally and
 * numeric covariates (baseline) at their mean over the observations used (SAS LSMEANS and emmeans
 * defaults). Contrasts are treatment minus control at each visit. SE = sqrt(L C L'), C = (X' V^-1 X)^-1
 * (the model-based, not bias-corrected, covariance), or with {@link DdfMethod#KENWARD_ROGER}
 * sqrt(L Phi_A L') with Kenward &amp; Roger's adjusted covariance (package-private class {@code KenwardRoger}). Denominator df:
 * {@link DdfMethod#SATTERTHWAITE} (Satterthwaite 1946, Biometrics Bulletin 2:110-114; as SAS
 * DDFM=SATTERTH and R mmrm): df = 2 (L C L')^2 / (g' A g), g_k = L (dC/d sigma_k) L', A = 2 H^-1 with H
 * the observed Hessian of -2 l_R in the sigma parametrisation (the df is invariant to the
 * parametrisation at the optimum); or {@link DdfMethod#RESIDUAL}: n - rank(X). CI: estimate +/- t(df)
 * SE; p two-sided from t(df). {@link DdfMethod#KENWARD_ROGER} (Kenward &amp; Roger 1997,
 * Biometrics 53:983-997; SAS DDFM=KR): the Satterthwaite df above (for a single-row contrast KR's m
 * equals it and lambda = 1) with the adjusted SE.
 *
 * <h2>Data conditions</h2>
 * Never throws for data problems: an arm without observations at a visit (rank-deficient design), a
 * visit without observations, two visits never observed in the same subject, a collinear covariate, too
 * few observations, a duplicate subject-visit, a covariance matrix or Hessian that is not positive
 * definite at convergence, or non-convergence all give {@code converged = false}, NaN numbers and a
 * reason naming the visit, arm or term.
 */
public final class Mmrm {

  private static final double TOLERANCE = 1e-20;
  private static final double LOOSE_TOLERANCE = 1e-8;
  private static final int MAX_ITERATIONS = 200;
  /** SAS PROC MIXED defaults: CONVH=1E-8, MAXITER=50. */
  private static final double SAS_CONVH = 1e-8;
  private static final int SAS_MAX_ITERATIONS = 50;

  private Mmrm() {
  }

  /**
   * Fits the MMRM and returns LS means and treatment - control contrasts at every visit.
   *
   * @param input     the long-format data
   * @param ddf       denominator degrees-of-freedom method
   * @param confLevel confidence level of the intervals, in (0, 1)
   * @return the fit; {@code reason} non-null when it could not be estimated or did not converge.
   *         LS means are ordered by visit (visitOrder), then arm (armOrder); comparisons by treatment
   *         arm (armOrder, control skipped), then visit
   * @throws IllegalArgumentException if confLevel is outside (0, 1) or an argument is null
   */
  public static MmrmResult fit(MmrmInput input, DdfMethod ddf, double confLevel) {
    return fit(input, ddf, confLevel, Convergence.OPTIMUM);
  }

  /**
   * Fits the MMRM with the given stopping rule; {@link #fit(MmrmInput, DdfMethod, double)} uses
   * {@link Convergence#OPTIMUM}.
   *
   * @param input       the long-format data
   * @param ddf         denominator degrees-of-freedom method
   * @param confLevel   confidence level of the intervals, in (0, 1)
   * @param convergence where the REML optimisation stops
   * @return as {@link #fit(MmrmInput, DdfMethod, double)}
   * @throws IllegalArgumentException if confLevel is outside (0, 1) or an argument is null
   */
  public static MmrmResult fit(MmrmInput input, DdfMethod ddf, double confLevel, Convergence convergence) {
    if (input == null || ddf == null || convergence == null) {
      throw new IllegalArgumentException("input, ddf and convergence must not be null");
    }
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confLevel must be in (0, 1): " + confLevel);
    }
    String method = "MMRM (unstructured covariance, REML), " + ddf.label();
    if (convergence == Convergence.SAS) {
      method += ", " + convergence.label();
    }
    Design d = Design.build(input);
    if (d.reason != null) {
      return failure(d, method, confLevel, Double.NaN, 0, Double.NaN, d.reason);
    }
    return new Fitter(d, ddf, confLevel, method, convergence).run();
  }

  private static MmrmResult failure(Design d, String method, double confLevel, double m2ll, int iterations,
      double criterion, String reason) {
    List<LsMean> ls = new ArrayList<>();
    for (int v = 0; v < d.nVisits; v++) {
      for (int a = 0; a < d.arms.size(); a++) {
        int n = d.cellCounts == null ? 0 : d.cellCounts[a][v];
        ls.add(new LsMean(d.arms.get(a), d.visits.get(v), n, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, confLevel));
      }
    }
    List<VisitContrast> cmp = new ArrayList<>();
    for (int a = 0; a < d.arms.size(); a++) {
      if (a == d.controlArm) {
        continue;
      }
      for (int v = 0; v < d.nVisits; v++) {
        cmp.add(new VisitContrast(d.arms.get(a), d.arms.get(d.controlArm), d.visits.get(v),
            Difference.notEstimable(contrastMethod(method), confLevel, reason)));
      }
    }
    return new MmrmResult(method, m2ll, false, iterations, criterion, d.nSubjects, d.nObs, ls, cmp, reason);
  }

  private static String contrastMethod(String method) {
    return "LS-mean difference, " + method;
  }

  /** One fit: optimiser state and the post-fit inference. */
  private static final class Fitter {
    private final Design d;
    private final DdfMethod ddf;
    private final double confLevel;
    private String method;
    private final Convergence convergence;
    private final int nv;
    private final int q;
    private final Reml reml;
    private int iterations;

    Fitter(Design d, DdfMethod ddf, double confLevel, String method, Convergence convergence) {
      this.d = d;
      this.ddf = ddf;
      this.confLevel = confLevel;
      this.method = method;
      this.convergence = convergence;
      this.nv = d.nVisits;
      this.q = nv * (nv + 1) / 2;
      this.reml = new Reml(d.patterns, nv, d.p, d.nObs);
    }

    MmrmResult run() {
      if (convergence == Convergence.SAS) {
        Outcome o = sasPath();
        if (o.converged) {
          return check(o);
        }
        method += " [" + sasFallback + "; fell back to the REML optimum]";
        iterations = 0;
      }
      double[] theta = startingValues();
      if (theta == null) {
        return failure(d, method, confLevel, Double.NaN, 0, Double.NaN, startReason);
      }
      Outcome o = newton(theta);
      if (!o.converged && o.eval != null) {
        double[] restart = nelderMead(o.theta);
        Outcome o2 = newton(restart);
        if (o2.converged || (o2.eval != null && o2.eval.f < o.eval.f)) {
          o = o2;
        }
      }
      if (o.eval == null) {
        return failure(d, method, confLevel, Double.NaN, iterations, Double.NaN,
            "REML optimisation failed: covariance matrix not positive definite");
      }
      if (!o.converged) {
        String why = Double.isFinite(o.criterion)
            ? String.format(Locale.ROOT, "criterion %.3g after %d iterations", o.criterion, iterations)
            : String.format(Locale.ROOT, "the REML criterion is not finite after %d iterations: the data may have "
                + "no within-arm variation at some visit", iterations);
        return failure(d, method, confLevel, o.eval.f, iterations, o.criterion,
            "REML optimisation did not converge (" + why + ")");
      }
      return check(o);
    }

    /** Positive-definiteness checks at convergence, then inference. */
    private MmrmResult check(Outcome o) {
      double[] l = lower(o.theta);
      double[] sigma = sigma(l);
      for (int a = 0; a < nv; a++) {
        double la = l[a * nv + a];
        if (!(la * la > 1e-10 * sigma[a * nv + a])) {
          return failure(d, method, confLevel, o.eval.f, iterations, o.criterion,
              "covariance matrix not positive definite at convergence (visit " + d.visits.get(a)
                  + " is a linear function of earlier visits; too few subjects for an unstructured matrix?)");
        }
      }
      double[] hchol = o.eval.observed.clone();
      if (!Dense.cholesky(hchol, q)) {
        return failure(d, method, confLevel, o.eval.f, iterations, o.criterion,
            "Hessian of the REML log-likelihood not positive definite at convergence");
      }
      return inference(o, hchol, sigma);
    }

    // ---- SAS PROC MIXED path ----
    private String sasFallback;

    /**
     * MIVQUE0 start and Newton-Raphson on the sigma_ab with SAS's stopping rule (class Javadoc).
     * Returns an outcome with {@code converged} false (and {@link #sasFallback} set) when the path
     * cannot start or does not converge.
     */
    private Outcome sasPath() {
      Outcome o = new Outcome();
      double[] sigma = mivque0();
      if (sigma == null) {
        sasFallback = "MIVQUE0 starting covariance not positive definite";
        return o;
      }
      Reml.Eval ev = reml.evaluate(sigma, true);
      if (ev == null) {
        sasFallback = "MIVQUE0 starting covariance not positive definite";
        return o;
      }
      double[] s = packed(sigma);
      for (int it = 1; it <= SAS_MAX_ITERATIONS; it++) {
        double[] next = ridgeStep(s, ev);
        if (next == null) {
          sasFallback = "no Newton-Raphson step decreases -2 REML log-likelihood";
          return o;
        }
        s = next;
        ev = reml.evaluate(full(s), true);
        iterations = it;
        double crit = sasCriterion(ev);
        if (crit < SAS_CONVH) {
          o.theta = logCholesky(full(s));
          o.eval = ev;
          o.criterion = crit;
          o.converged = o.theta != null;
          if (!o.converged) {
            sasFallback = "covariance not positive definite at SAS convergence";
          }
          return o;
        }
      }
      sasFallback = "SAS path did not converge in " + SAS_MAX_ITERATIONS + " iterations";
      return o;
    }

    /**
     * MIVQUE0 with prior V0 = I: solves F(I) sigma = b, b_k = r' V_k r for the OLS residuals r,
     * computed as F(I) sigma_I - g(I) (class Javadoc). Returns the T x T matrix, or null when the
     * equations are singular or the estimate is not positive definite.
     */
    private double[] mivque0() {
      double[] id = identity(nv);
      Reml.Eval e0 = reml.evaluate(id, true);
      if (e0 == null) {
        return null;
      }
      double[] sI = packed(id);
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
      double[] sigma = full(b);
      return logCholesky(sigma) == null ? null : sigma;
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
          Reml.Eval ce = reml.evaluate(full(cand), false);
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
        return dot(ev.gradient, hg) / f;
      }
      return dot(ev.gradient, ev.gradient) / f;
    }

    /** The q distinct elements sigma_ab (a &gt;= b) of a T x T matrix, in {@link Reml#index} order. */
    private double[] packed(double[] sigma) {
      double[] s = new double[q];
      for (int a = 0; a < nv; a++) {
        for (int b = 0; b <= a; b++) {
          s[Reml.index(a, b)] = sigma[a * nv + b];
        }
      }
      return s;
    }

    /** The T x T matrix from its packed elements. */
    private double[] full(double[] s) {
      double[] sigma = new double[nv * nv];
      for (int a = 0; a < nv; a++) {
        for (int b = 0; b < nv; b++) {
          sigma[a * nv + b] = s[Reml.index(a, b)];
        }
      }
      return sigma;
    }

    /** The log-Cholesky parameters of sigma, or null when it is not positive definite. */
    private double[] logCholesky(double[] sigma) {
      double[] l = sigma.clone();
      if (!Dense.cholesky(l, nv)) {
        return null;
      }
      double[] theta = new double[q];
      for (int a = 0; a < nv; a++) {
        for (int b = 0; b <= a; b++) {
          theta[Reml.index(a, b)] = a == b ? Math.log(l[a * nv + a]) : l[a * nv + b];
        }
      }
      return theta;
    }

    // ---- starting values ----
    private String startReason;

    private double[] startingValues() {
      int p = d.p;
      double[] xtx = new double[p * p];
      double[] xty = new double[p];
      for (Pattern pt : d.patterns) {
        double[] id = identity(pt.m);
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
        double[] e = pt.residuals(xty, new double[pt.n * pt.m]);
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

    private static double[] identity(int m) {
      double[] id = new double[m * m];
      for (int a = 0; a < m; a++) {
        id[a * m + a] = 1;
      }
      return id;
    }

    // ---- parametrisation ----
    double[] lower(double[] theta) {
      double[] l = new double[nv * nv];
      for (int a = 0; a < nv; a++) {
        for (int b = 0; b <= a; b++) {
          double t = theta[Reml.index(a, b)];
          l[a * nv + b] = a == b ? Math.exp(t) : t;
        }
      }
      return l;
    }

    double[] sigma(double[] l) {
      double[] s = new double[nv * nv];
      for (int a = 0; a < nv; a++) {
        for (int b = 0; b <= a; b++) {
          double v = 0;
          for (int c = 0; c <= b; c++) {
            v += l[a * nv + c] * l[b * nv + c];
          }
          s[a * nv + b] = v;
          s[b * nv + a] = v;
        }
      }
      return s;
    }

    /** J[k * q + j] = d sigma_k / d theta_j. */
    double[] jacobian(double[] l) {
      double[] jac = new double[q * q];
      for (int a = 0; a < nv; a++) {
        for (int b = 0; b <= a; b++) {
          int k = Reml.index(a, b);
          for (int x = 0; x < nv; x++) {
            for (int y = 0; y <= x; y++) {
              double v = 0;
              if (a == x) {
                v += l[b * nv + y];
              }
              if (b == x) {
                v += l[a * nv + y];
              }
              if (x == y) {
                v *= l[x * nv + x];
              }
              jac[k * q + Reml.index(x, y)] = v;
            }
          }
        }
      }
      return jac;
    }

    /** J' A J for a q x q matrix A. */
    double[] sandwich(double[] jac, double[] a) {
      double[] aj = new double[q * q];
      Dense.multiply(a, jac, q, aj);
      double[] r = new double[q * q];
      for (int i = 0; i < q; i++) {
        for (int j = 0; j < q; j++) {
          double s = 0;
          for (int k = 0; k < q; k++) {
            s += jac[k * q + i] * aj[k * q + j];
          }
          r[i * q + j] = s;
        }
      }
      return r;
    }

    double evaluate(double[] theta) {
      Reml.Eval e = reml.evaluate(sigma(lower(theta)), false);
      return e == null ? Double.POSITIVE_INFINITY : e.f;
    }

    // ---- Newton-Raphson / Fisher scoring ----
    private static final class Outcome {
      double[] theta;
      Reml.Eval eval;
      boolean converged;
      double criterion = Double.NaN;
    }

    Outcome newton(double[] theta0) {
      Outcome o = new Outcome();
      double[] theta = theta0.clone();
      Reml.Eval ev = reml.evaluate(sigma(lower(theta)), true);
      o.theta = theta;
      o.eval = ev;
      if (ev == null) {
        return o;
      }
      int polished = 0;
      for (int it = 0; ; it++) {
        double[] l = lower(theta);
        double[] jac = jacobian(l);
        double[] g = new double[q];
        for (int j = 0; j < q; j++) {
          double s = 0;
          for (int k = 0; k < q; k++) {
            s += jac[k * q + j] * ev.gradient[k];
          }
          g[j] = s;
        }
        double[] hess = sandwich(jac, ev.observed);
        addCurvature(hess, l, ev.gradient, g);
        double[] info = sandwich(jac, ev.expected);
        double[][] directions = {direction(hess, g), direction(info, g)};
        double[] first = directions[0] != null ? directions[0] : directions[1];
        if (first == null) {
          return o;
        }
        double crit = -dot(g, first) / Math.abs(ev.f);
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
        for (double[] dir : directions) {
          if (dir == null) {
            continue;
          }
          double slope = dot(g, dir);
          if (!(slope < 0)) {
            continue;
          }
          double step = 1;
          for (int h = 0; h < 40; h++, step /= 2) {
            double[] cand = new double[q];
            for (int j = 0; j < q; j++) {
              cand[j] = theta[j] + step * dir[j];
            }
            double fc = evaluate(cand);
            // Armijo decrease; near the optimum a full Newton step is also taken when it leaves -2 l_R
            // unchanged up to rounding, whose error then exceeds the predicted decrease.
            if (fc <= ev.f + 1e-4 * step * slope
                || (polishing && step == 1 && fc <= ev.f + 1e-12 * Math.abs(ev.f))) {
              next = cand;
              break;
            }
          }
          if (next != null) {
            nextEval = reml.evaluate(sigma(lower(next)), true);
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

    /**
     * Adds to the Hessian in theta the terms from the curvature of Sigma(theta): sum_k g_sigma_k
     * d2 sigma_k / d theta d theta', with Sigma = L L' and L_aa = exp(theta_aa).
     */
    private void addCurvature(double[] hess, double[] l, double[] gSigma, double[] gTheta) {
      for (int x = 0; x < nv; x++) {
        for (int y = 0; y <= x; y++) {
          int j = Reml.index(x, y);
          double sj = x == y ? l[x * nv + x] : 1;
          for (int u = 0; u < nv; u++) {
            if (y > u) {
              continue;
            }
            int j2 = Reml.index(u, y);
            double sj2 = u == y ? l[u * nv + u] : 1;
            double c = gSigma[Reml.index(x, u)] * (x == u ? 2 : 1);
            hess[j * q + j2] += c * sj * sj2;
          }
          if (x == y) {
            hess[j * q + j] += gTheta[j];
          }
        }
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

    private static double dot(double[] a, double[] b) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += a[i] * b[i];
      }
      return s;
    }

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

    // ---- inference ----
    MmrmResult inference(Outcome o, double[] hessianCholesky, double[] sigma) {
      Reml.Eval ev = o.eval;
      int p = d.p;
      KenwardRoger kr = ddf == DdfMethod.KENWARD_ROGER
          ? new KenwardRoger(d.patterns, nv, p, sigma, ev, hessianCholesky) : null;
      List<LsMean> ls = new ArrayList<>();
      for (int v = 0; v < nv; v++) {
        for (int a = 0; a < d.arms.size(); a++) {
          double[] lv = d.lsMeanVector(a, v);
          double est = dot(lv, ev.beta);
          double var = Dense.quadratic(lv, ev.m, lv, p);
          double df = df(lv, var, ev, hessianCholesky);
          double se = Math.sqrt(kr == null ? var : kr.adjustedVariance(lv));
          double[] ci = ci(est, se, df);
          ls.add(new LsMean(d.arms.get(a), d.visits.get(v), d.cellCounts[a][v], est, se, df, ci[0], ci[1],
              confLevel));
        }
      }
      List<VisitContrast> cmp = new ArrayList<>();
      String cm = contrastMethod(method);
      for (int a = 0; a < d.arms.size(); a++) {
        if (a == d.controlArm) {
          continue;
        }
        for (int v = 0; v < nv; v++) {
          double[] lt = d.lsMeanVector(a, v);
          double[] lc = d.lsMeanVector(d.controlArm, v);
          double[] lv = new double[p];
          for (int j = 0; j < p; j++) {
            lv[j] = lt[j] - lc[j];
          }
          double est = dot(lv, ev.beta);
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
              new Difference(cm, est, se, ci[0], ci[1], confLevel, t, df, pv, why)));
        }
      }
      return new MmrmResult(method, ev.f, true, iterations, o.criterion, d.nSubjects, d.nObs, ls, cmp, null);
    }

    private double df(double[] lv, double var, Reml.Eval ev, double[] hessianCholesky) {
      if (ddf == DdfMethod.RESIDUAL) {
        return d.nObs - d.p;
      }
      int p = d.p;
      double[] ml = Dense.times(ev.m, lv, p);
      double[] g = new double[q];
      for (int k = 0; k < q; k++) {
        g[k] = Dense.quadratic(ml, ev.qk[k], ml, p);
      }
      double[] hg = g.clone();
      Dense.solve(hessianCholesky, q, hg);
      double denom = dot(g, hg);
      double df = var * var / denom;
      return df > 0 && Double.isFinite(df) ? df : Double.NaN;
    }

    private double[] ci(double est, double se, double df) {
      if (!(df > 0) || !Double.isFinite(se)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      double tq = TDistribution.of(df).inverseSurvivalProbability((1 - confLevel) / 2);
      return new double[] {est - tq * se, est + tq * se};
    }
  }
}
