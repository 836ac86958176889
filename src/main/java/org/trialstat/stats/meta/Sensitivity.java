package org.trialstat.stats.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.SubgroupTest;

/**
 * Leave-one-out, cumulative and subgroup meta-analyses: the same {@link Pooling} refitted on subsets,
 * as metafor 3.8's {@code leave1out}, {@code cumul} and separate fits per subgroup.
 */
public final class Sensitivity {

  /** The method name of the subgroup test. */
  public static final String SUBGROUP_METHOD = "Q between subgroups (separate fits), chi-square, G - 1 df";

  private Sensitivity() {
  }

  /**
   * The pooled effect without each study in turn (metafor's {@code leave1out}).
   *
   * @return element i omits study i
   */
  public static List<MetaPooled> leaveOneOut(Pooling pooling, double[] y, double[] v) {
    List<MetaPooled> out = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      double[] ys = new double[y.length - 1];
      double[] vs = new double[y.length - 1];
      for (int j = 0, n = 0; j < y.length; j++) {
        if (j != i) {
          ys[n] = y[j];
          vs[n++] = v[j];
        }
      }
      out.add(fit(pooling, ys, vs));
    }
    return out;
  }

  /**
   * Cumulative meta-analysis in the given order (metafor's {@code cumul}; sort stably by year first):
   * element i pools the first i + 1 studies; the first is the study alone ({@link Pooling#single}).
   */
  public static List<MetaPooled> cumulative(Pooling pooling, double[] y, double[] v) {
    List<MetaPooled> out = new ArrayList<>();
    for (int i = 1; i <= y.length; i++) {
      out.add(fit(pooling, java.util.Arrays.copyOf(y, i), java.util.Arrays.copyOf(v, i)));
    }
    return out;
  }

  /**
   * A separate model per subgroup, in order of first appearance; a subgroup of one study is that study
   * ({@link Pooling#single}).
   *
   * @param group each study's subgroup label
   * @return label to pooled result
   */
  public static Map<String, MetaPooled> subgroups(Pooling pooling, double[] y, double[] v, String[] group) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < y.length; i++) {
      members.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
    }
    Map<String, MetaPooled> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      double[] ys = e.getValue().stream().mapToDouble(i -> y[i]).toArray();
      double[] vs = e.getValue().stream().mapToDouble(i -> v[i]).toArray();
      out.put(e.getKey(), fit(pooling, ys, vs));
    }
    return out;
  }

  /**
   * The test of subgroup differences: {@code Q_b = sum w_g (est_g - est_w)^2}, {@code w_g = 1/se_g^2},
   * chi-square with G - 1 df over the subgroups with an estimate; metafor's {@code rma(est, sei = se,
   * mods = ~ factor(group), method = "FE")$QM} and RevMan's test for subgroup differences. Not estimable
   * with fewer than 2 such subgroups.
   */
  public static SubgroupTest between(Iterable<MetaPooled> groups) {
    List<double[]> ok = new ArrayList<>();
    for (MetaPooled g : groups) {
      if (g.estimable() && g.se() > 0) {
        ok.add(new double[] {g.estimate(), 1 / (g.se() * g.se())});
      }
    }
    if (ok.size() < 2) {
      return new SubgroupTest(Double.NaN, Math.max(0, ok.size() - 1), Double.NaN, SUBGROUP_METHOD,
          "fewer than 2 subgroups with an estimate");
    }
    double sw = 0;
    double swy = 0;
    for (double[] g : ok) {
      sw += g[1];
      swy += g[1] * g[0];
    }
    double mean = swy / sw;
    double q = 0;
    for (double[] g : ok) {
      q += g[1] * (g[0] - mean) * (g[0] - mean);
    }
    int df = ok.size() - 1;
    return new SubgroupTest(q, df, ChiSquaredDistribution.of(df).survivalProbability(q), SUBGROUP_METHOD, null);
  }

  private static MetaPooled fit(Pooling pooling, double[] y, double[] v) {
    return y.length == 1 ? pooling.single(y[0], v[0]) : pooling.pool(y, v);
  }
}
