package org.trialstat.stats.mmrm;

import java.util.List;
import java.util.stream.IntStream;
import org.trialstat.stats.linalg.Dense;

/**
 * The gradient, expected and observed Hessians and Q_k = X' V^-1 V_k V^-1 X of {@link Reml}'s criterion
 * at one evaluation (the formulas are in the {@link Reml} class Javadoc), summed pattern by pattern.
 *
 * <p>Every sum belongs to one covariance parameter k: gradient entry k, Hessian rows k, Q_k and
 * w_k = X' V^-1 V_k V^-1 r each take, per pattern, only the terms of k. So the parameters are dealt out
 * to {@code parts} tasks by k modulo parts, each task going through the patterns in their order and
 * adding only its parameters' terms: every sum adds the same terms in the same order as one loop over
 * all of them would, and the result does not depend on the number of tasks (nor on the cores that run
 * them), bit for bit ({@code RemlDerivativesTest}). A pattern's shared products (Sigma_i^-1 T, E
 * Sigma_i^-1 and their sandwiches) are computed once, before.
 */
final class RemlDerivatives {

  /** The tasks of one evaluation: as many as the processors, at least one; the result is the same. */
  static final int PARTS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * The tasks worth starting for these patterns: one when the sums are small (a pattern's parameter
   * terms, about 1 + n each, number under 2,000), else {@link #PARTS}.
   */
  static int parts(List<Pattern> patterns) {
    long work = 0;
    for (Pattern pt : patterns) {
      work += (long) pt.m * (pt.m + 1) / 2 * (1 + pt.n);
    }
    return work < 2_000 ? 1 : PARTS;
  }

  private final List<Pattern> patterns;
  /** Parameters of one group's matrix, T(T+1)/2. */
  private final int q1;
  private final int q;
  private final int p;
  private final boolean ml;

  RemlDerivatives(List<Pattern> patterns, int q1, int q, int p, boolean ml) {
    this.patterns = patterns;
    this.q1 = q1;
    this.q = q;
    this.p = p;
    this.ml = ml;
  }

  /** One pattern's products shared by its parameters' terms, and the parameters' local visit pairs. */
  private record Terms(Pattern pt, double[] s, double[] ts, double[] es, double[] sts, double[] ses, double[] hr,
      int[][] hnz, int[] ra, int[] rb, int[] glob) {
  }

  /** The sums into which the tasks add, each entry by one task only. */
  private record Sums(double[] grad, double[] info, double[] obs, double[][] qk, double[][] w) {
  }

  /**
   * Sets the gradient, the expected and observed Hessians and Q_k of {@code ev}.
   *
   * @param parts the number of tasks (the result does not depend on it)
   */
  void compute(Reml.Eval ev, double[][] sInv, double[][] hrs, double[][] eMat, int parts) {
    Terms[] terms = new Terms[patterns.size()];
    for (int t = 0; t < terms.length; t++) {
      terms[t] = terms(patterns.get(t), sInv[t], ev.m, hrs[t], eMat[t]);
    }
    Sums sums = new Sums(new double[q], new double[q * q], new double[q * q], new double[q][p * p], new double[q][p]);
    int tasks = Math.max(1, Math.min(parts, q));
    run(tasks, part -> accumulate(terms, sums, part, tasks));
    double[] info = sums.info();
    double[] obs = sums.obs();
    double[][] qk = sums.qk();
    double[][] w = sums.w();
    double[][] mq = new double[q][];
    // (M Q_l)' row by row, so that tr(M Q_k M Q_l) = sum_ij (M Q_k)_ij (M Q_l)_ji reads both in order
    double[][] mqt = new double[q][];
    double[][] mw = new double[q][];
    run(tasks, part -> {
      for (int k = part; k < q; k += tasks) {
        mq[k] = new double[p * p];
        Dense.multiply(ev.m, qk[k], p, mq[k]);
        double[] tr = new double[p * p];
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            tr[i * p + j] = mq[k][j * p + i];
          }
        }
        mqt[k] = tr;
        mw[k] = Dense.times(ev.m, w[k], p);
      }
    });
    // each pair (k, l), l <= k, reads and sets the entries (k, l) and (l, k) only
    run(tasks, part -> {
      for (int k = part; k < q; k += tasks) {
        for (int l = 0; l <= k; l++) {
          double tr = Dense.dot(mq[k], mqt[l]);
          double wmw = Dense.dot(w[k], mw[l]);
          double ekl = 0.5 * (info[k * q + l] + info[l * q + k]) + tr;
          double okl = 0.5 * (obs[k * q + l] + obs[l * q + k]) - wmw;
          info[k * q + l] = ekl;
          info[l * q + k] = ekl;
          double h = -ekl + 2 * okl;
          obs[k * q + l] = h;
          obs[l * q + k] = h;
        }
      }
    });
    ev.gradient = sums.grad();
    ev.expected = info;
    ev.observed = obs;
    ev.qk = qk;
  }

  /** Runs {@code task} for parts 0 .. tasks - 1, in parallel when there are several; returns when all are done. */
  private static void run(int tasks, java.util.function.IntConsumer task) {
    if (tasks == 1) {
      task.accept(0);
    } else {
      IntStream.range(0, tasks).parallel().forEach(task);
    }
  }

  /**
   * A pattern's shared products; for the gradient alone ({@code hr} null) under ML without T = X M X'
   * (the gradient has no T term there), and without H's nonzero entries.
   */
  private Terms terms(Pattern pt, double[] s, double[] mm, double[] hr, double[] eMat) {
    int m = pt.m;
    double[] ts = new double[m * m];
    double[] sts = new double[m * m];
    if (!ml || hr != null) {
      Dense.multiply(pt.xmx(mm), s, m, ts);
      Dense.multiply(s, ts, m, sts);
    }
    double[] es = new double[m * m];
    Dense.multiply(eMat, s, m, es);
    double[] ses = new double[m * m];
    Dense.multiply(s, es, m, ses);
    int nl = m * (m + 1) / 2;
    int[] ra = new int[nl];
    int[] rb = new int[nl];
    int[] glob = new int[nl];
    int c = 0;
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        ra[c] = a;
        rb[c] = b;
        glob[c] = pt.group * q1 + Reml.index(pt.visits[a], pt.visits[b]);
        c++;
      }
    }
    int[][] hnz = hr == null ? null : SufficientStatistics.nonzeros(hr, p); // of each H_ab
    return new Terms(pt, s, ts, es, sts, ses, hr, hnz, ra, rb, glob);
  }

  /** d(-2 l)/d sigma_k alone: n tr(S V_k) - tr(S T S V_k) (REML only) - tr(S E S V_k) per pattern. */
  double[] gradient(Reml.Eval ev, double[][] sInv, double[][] eMat) {
    double[] grad = new double[q];
    for (int t = 0; t < patterns.size(); t++) {
      Terms tt = terms(patterns.get(t), sInv[t], ev.m, null, eMat[t]);
      for (int k = 0; k < tt.glob().length; k++) {
        grad[tt.glob()[k]] += gradientTerm(tt, k);
      }
    }
    return grad;
  }

  /** Pattern {@code tt}'s term of the gradient entry of its parameter k (local index). */
  private double gradientTerm(Terms tt, int k) {
    int m = tt.pt().m;
    int a = tt.ra()[k];
    int b = tt.rb()[k];
    return tt.pt().n * pick(tt.s(), m, a, b) - (ml ? 0 : pick(tt.sts(), m, a, b)) - pick(tt.ses(), m, a, b);
  }

  /** tr(V_k A) for the parameter sigma_ab, local indices, A m x m. */
  private static double pick(double[] a, int m, int r, int c) {
    return r == c ? a[r * m + r] : a[r * m + c] + a[c * m + r];
  }

  /** Adds the terms of the parameters k with k mod tasks = part, pattern by pattern. */
  private void accumulate(Terms[] terms, Sums sums, int part, int tasks) {
    double[] grad = sums.grad();
    double[] info = sums.info();
    double[] obs = sums.obs();
    for (Terms tt : terms) {
      Pattern pt = tt.pt();
      int m = pt.m;
      int n = pt.n;
      double[] s = tt.s();
      double[] hr = tt.hr();
      int[] ra = tt.ra();
      int[] rb = tt.rb();
      int[] glob = tt.glob();
      int nl = glob.length;
      double[] dk = new double[m * m];
      double[] fk = new double[m * m];
      double[] gk = new double[m * m];
      for (int k = 0; k < nl; k++) {
        int gkx = glob[k];
        if (gkx % tasks != part) {
          continue;
        }
        grad[gkx] += gradientTerm(tt, k);
        // D_k = S V_k S
        Dense.unitSandwich(s, m, ra[k], rb[k], dk);
        pt.addXtAXToSum(dk, sums.qk()[gkx]);
        double[] wk = sums.w()[gkx];
        // w_k += sum_ab D_k,ab H_ab: the zero entries of H left out when D_k is finite (ZeroSkip: w_k
        // starts at +0.0)
        boolean sparse = ZeroSkip.allFinite(dk);
        for (int r = 0; r < m; r++) {
          for (int c2 = 0; c2 < m; c2++) {
            double dv = dk[r * m + c2];
            int o = (r * m + c2) * p;
            if (sparse) {
              for (int j : tt.hnz()[r * m + c2]) {
                wk[j] += dv * hr[o + j];
              }
            } else {
              for (int j = 0; j < p; j++) {
                wk[j] += dv * hr[o + j];
              }
            }
          }
        }
        Dense.multiply(dk, tt.ts(), tt.es(), m, fk, gk);
        for (int l = 0; l < nl; l++) {
          int la = ra[l];
          int lb = rb[l];
          int idx = gkx * q + glob[l];
          // n tr(S V_k S V_l) - tr(S V_k S V_l S T) - tr(S V_l S V_k S T); the two traces are equal
          info[idx] += n * pick(dk, m, la, lb) - 2 * pick(fk, m, la, lb);
          obs[idx] += pick(gk, m, la, lb);
        }
      }
    }
  }
}
