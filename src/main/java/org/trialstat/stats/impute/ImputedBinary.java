package org.trialstat.stats.impute;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.ResponseRule;

/**
 * Binary endpoints from multiply imputed scores (approximate Bayesian MI only: conditional means are not
 * draws from the predictive distribution, so a threshold applied to them misclassifies, and rbmi's
 * vignette {@code advanced}, "Custom analysis functions", notes that conditional mean imputation is
 * established for linear analysis models only). In each completed data set
 * and at each visit, with score = baseline + change:
 * <ul>
 * <li>response: {@link ResponseRule} as {@code analyze} (drop of >= points, or 100 (baseline - score) >=
 * percent x baseline);</li>
 * <li>remission: score &lt;= the cut-off (the score part of {@code analyze}'s rule only: the diagnosis is
 * not imputed).</li>
 * </ul>
 * Per arm the rate p = events / n with Wald SE sqrt(p (1 - p) / n); per treatment arm the risk difference
 * p_t - p_c with Wald SE sqrt(p_t (1 - p_t) / n_t + p_c (1 - p_c) / n_c), and the log odds ratio
 * log(a d / (b c)) with Woolf's SE sqrt(1/a + 1/b + 1/c + 1/d), 0.5 added to every cell of a table with a
 * zero cell (Haldane-Anscombe). These are pooled by {@link RubinsRules} on the risk-difference and
 * log-odds scales with infinite complete-data df (large-sample analyses: Rubin's 1987 df); the odds ratio
 * and its interval are exp of the pooled log-odds values (Marshall et al. 2009, BMC Med Res Methodol 9:57:
 * pool on the scale where the estimate is closest to normal).
 */
final class ImputedBinary {

  /** The endpoints' names in output kinds. */
  static final String RESPONSE = "response";
  /** Remission by the score alone. */
  static final String REMISSION = "remission";

  private ImputedBinary() {
  }

  /** The endpoints a rule and cut-off give, in output order. */
  static List<String> endpoints(ResponseRule rule, double remissionMax) {
    List<String> out = new ArrayList<>();
    if (rule != null) {
      out.add(RESPONSE);
    }
    if (!Double.isNaN(remissionMax)) {
      out.add(REMISSION);
    }
    return out;
  }

  /**
   * Labels {kind, arm, versus, visit} in the order of {@link #estimate}: per endpoint, per visit, per
   * treatment arm its risk difference and odds ratio (estimated on the log scale), then per arm its rate.
   */
  static String[][] labels(List<String> endpoints, List<String> visits, List<String> arms, int control) {
    List<String[]> out = new ArrayList<>();
    for (String e : endpoints) {
      for (String v : visits) {
        for (int a = 0; a < arms.size(); a++) {
          if (a != control) {
            out.add(new String[] {e + "_risk_difference", arms.get(a), arms.get(control), v});
            out.add(new String[] {e + "_odds_ratio", arms.get(a), arms.get(control), v});
          }
        }
        for (String a : arms) {
          out.add(new String[] {e + "_rate", a, "", v});
        }
      }
    }
    return out.toArray(String[][]::new);
  }

  /**
   * One completed data set's estimates and SEs, in the order of {@link #labels}.
   *
   * @param change   per participant, the completed change at every visit
   * @return {estimates, standard errors}
   */
  static double[][] estimate(double[][] change, double[] base, int[] arm, int arms, int control,
      List<String> endpoints, ResponseRule rule, double remissionMax) {
    int t = change[0].length;
    int per = 3 * (arms - 1) + arms;
    double[] est = new double[endpoints.size() * t * per];
    double[] se = new double[est.length];
    int o = 0;
    for (String e : endpoints) {
      for (int v = 0; v < t; v++) {
        int[] events = new int[arms];
        int[] n = new int[arms];
        for (int i = 0; i < change.length; i++) {
          n[arm[i]]++;
          if (event(e, change[i][v], base[i], rule, remissionMax)) {
            events[arm[i]]++;
          }
        }
        for (int a = 0; a < arms; a++) {
          if (a != control) {
            double pt = (double) events[a] / n[a];
            double pc = (double) events[control] / n[control];
            est[o] = pt - pc;
            se[o++] = Math.sqrt(pt * (1 - pt) / n[a] + pc * (1 - pc) / n[control]);
            double[] lor = logOddsRatio(events[a], n[a] - events[a], events[control], n[control] - events[control]);
            est[o] = lor[0];
            se[o++] = lor[1];
          }
        }
        for (int a = 0; a < arms; a++) {
          double p = (double) events[a] / n[a];
          est[o] = p;
          se[o++] = Math.sqrt(p * (1 - p) / n[a]);
        }
      }
    }
    return new double[][] {est, se};
  }

  /** Whether a participant with this change and baseline has the event. */
  static boolean event(String endpoint, double change, double base, ResponseRule rule, double remissionMax) {
    if (endpoint.equals(REMISSION)) {
      return base + change <= remissionMax;
    }
    double drop = -change;
    return rule.kind() == ResponseRule.Kind.DROP ? drop >= rule.threshold() : 100 * drop >= rule.threshold() * base;
  }

  /** {log OR, Woolf SE} of a 2 x 2 table (a, b: treatment events, non-events; c, d: control). */
  static double[] logOddsRatio(double a, double b, double c, double d) {
    if (a == 0 || b == 0 || c == 0 || d == 0) {
      a += 0.5;
      b += 0.5;
      c += 0.5;
      d += 0.5;
    }
    return new double[] {Math.log(a * d / (b * c)), Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)};
  }
}
