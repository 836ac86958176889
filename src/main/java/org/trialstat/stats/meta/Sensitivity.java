package org.trialstat.stats.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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

  /** A model refitted on a subset of the studies, given by their indices in input order. */
  @FunctionalInterface
  public interface Fit {
    /** The pooled result of the studies {@code indices} (ascending, at least one). */
    MetaPooled fit(int[] indices);
  }

  /** Inverse-variance refits (a single study: {@link Pooling#single}). */
  public static Fit inverseVariance(Pooling pooling, double[] y, double[] v) {
    double[] ys = y.clone();
    double[] vs = v.clone();
    return idx -> idx.length == 1 ? pooling.single(ys[idx[0]], vs[idx[0]])
        : pooling.pool(pick(ys, idx), pick(vs, idx));
  }

  /** The elements {@code x[idx[0]], x[idx[1]], ...}. */
  public static double[] pick(double[] x, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  /** The elements {@code x[idx[0]], x[idx[1]], ...}. */
  public static int[] pick(int[] x, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  /**
   * The pooled effect without each study in turn (metafor's {@code leave1out}).
   *
   * @return element i omits study i
   */
  public static List<MetaPooled> leaveOneOut(Fit fit, int k) {
    List<MetaPooled> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int omit = i;
      out.add(fit.fit(IntStream.range(0, k).filter(j -> j != omit).toArray()));
    }
    return out;
  }

  /**
   * Cumulative meta-analysis in the given order (metafor's {@code cumul}): element i pools the studies
   * {@code order[0..i]}; the first is the study alone.
   */
  public static List<MetaPooled> cumulative(Fit fit, int[] order) {
    List<MetaPooled> out = new ArrayList<>();
    for (int i = 1; i <= order.length; i++) {
      int[] idx = Arrays.copyOf(order, i);
      Arrays.sort(idx);
      out.add(fit.fit(idx));
    }
    return out;
  }

  /**
   * A separate model per subgroup, in order of first appearance.
   *
   * @param group each study's subgroup label
   * @return label to pooled result
   */
  public static Map<String, MetaPooled> subgroups(Fit fit, String[] group) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < group.length; i++) {
      members.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
    }
    Map<String, MetaPooled> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      out.put(e.getKey(), fit.fit(e.getValue().stream().mapToInt(Integer::intValue).toArray()));
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
        ok.add(new double[] {g.estimate(), g.se() * g.se()});
      }
    }
    return between(ok);
  }

  /**
   * The same test from each subgroup's estimate and its sampling variance ({@code {yi, vi}} pairs):
   * metafor's {@code rma(yi, vi, mods = ~ factor(group), method = "FE")$QM} with one estimate per
   * group. Pairs whose estimate is not a finite number, or whose variance is not positive (or NaN), are
   * left out; not estimable with fewer than 2 left.
   */
  public static SubgroupTest between(List<double[]> estimateVariance) {
    List<double[]> ok = new ArrayList<>();
    for (double[] g : estimateVariance) {
      if (Double.isFinite(g[0]) && g[1] > 0) {
        ok.add(new double[] {g[0], 1 / g[1]});
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

}
