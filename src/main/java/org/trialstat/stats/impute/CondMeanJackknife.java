package org.trialstat.stats.impute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trialstat.model.ImputedEstimate;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialstat.stats.mmrm.MeanModel;

/**
 * Conditional mean imputation with jackknife inference, rbmi's {@code method_condmean(type =
 * "jackknife")} (Wolbers et al. 2022, Pharmaceutical Statistics 21:1246-1257; rbmi vignette
 * {@code stat_specs}, sections 3.6 and 3.9.3). The imputation model ({@link MeanModel}) is fitted to the
 * full data and to each of the n leave-one-participant-out samples; each sample is imputed by
 * {@link ConditionalMean} and analysed by {@link AncovaEstimates}. The point estimate is the full-data
 * one; SE_jack = sqrt((n - 1) / n * sum_i (theta_-i - mean(theta_-i))^2); the interval is estimate +/-
 * z SE and p is two-sided from the normal distribution (as rbmi's {@code pool} for the jackknife).
 *
 * <p>Tipping point: a shift delta is added to every imputed value of the participants whose arm is in
 * {@code deltaArms} before the analysis, in the full data and in every sample (rbmi's {@code delta}
 * argument of {@code analyse}).
 *
 * <p>Information-anchored variance (Lu 2021, Statistics in Biopharmaceutical Research 13:483-491; rbmi
 * vignette {@code CondMean_Inference}, section 4): the per-participant, per-visit difference between the
 * full-data imputation under the participants' strategies and under MAR is fixed; each sample is then
 * imputed under MAR and that fixed difference is added. The point estimate is unchanged, the SE is close
 * to Rubin's variance under MAR.
 *
 * <p>The n leave-one-out fits ({@link MeanModel#jackknife}: the full data's design less one participant,
 * the optimisation starting at the full data's optimum) run in parallel; results are combined in
 * participant order, so they do not depend on the number of cores. A sample whose imputation model does not converge makes every estimate not
 * estimable, with that reason.
 */
public final class CondMeanJackknife {

  private CondMeanJackknife() {
  }

  /**
   * Runs the analysis.
   *
   * @param subjects            the participants (at least two)
   * @param visits              visits in time order
   * @param arms                the arms, control among them
   * @param control             the control arm
   * @param level               confidence level
   * @param informationAnchored use Lu's information-anchored variance
   * @param deltas              tipping-point shifts (use {0} for none)
   * @param deltaArms           arms whose imputed values are shifted
   * @return per delta, per visit: the differences and the LS means
   */
  public static List<ImputedEstimate> run(List<Subject> subjects, List<String> visits, List<String> arms,
      String control, double level, boolean informationAnchored, double[] deltas, Set<String> deltaArms) {
    int n = subjects.size();
    int t = visits.size();
    int controlIndex = arms.indexOf(control);
    String method = "conditional mean imputation (" + Samples.strategies(subjects) + "), jackknife"
        + (informationAnchored ? ", information-anchored variance (Lu 2021)" : "") + ", ANCOVA per visit";
    String[][] labels = AncovaEstimates.labels(visits, arms, controlIndex);
    MeanModel.Jackknife fits = MeanModel.jackknife(ConditionalMean.modelInput(subjects, visits, arms, control));
    Object[] samples = IntStream.rangeClosed(0, n).parallel().mapToObj(s -> sample(subjects, s, fits, visits, arms,
        control, informationAnchored)).toArray();
    String reason = null;
    for (Object o : samples) {
      if (o instanceof String why) {
        reason = why;
        break;
      }
    }
    List<ImputedEstimate> out = new ArrayList<>();
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    double[][] anchor = informationAnchored && reason == null ? anchor(subjects, (double[][]) samples[0],
        visits, arms, control) : null;
    int[] armIndex = subjects.stream().mapToInt(s -> arms.indexOf(s.arm())).toArray();
    for (double delta : deltas) {
      if (reason != null) {
        for (String[] l : labels) {
          out.add(new ImputedEstimate(l[0], l[1], l[2], l[3], delta, Double.NaN, Double.NaN, Double.NaN,
              Double.NaN, level, Double.NaN, method, reason));
        }
        continue;
      }
      double[][] est = new double[n + 1][];
      for (int s = 0; s <= n; s++) {
        est[s] = analyse(subjects, s, (double[][]) samples[s], anchor, delta, deltaArms, armIndex, arms.size(),
            controlIndex);
      }
      for (int j = 0; j < labels.length; j++) {
        double mean = 0;
        for (int s = 1; s <= n; s++) {
          mean += est[s][j];
        }
        mean /= n;
        double ss = 0;
        for (int s = 1; s <= n; s++) {
          ss += (est[s][j] - mean) * (est[s][j] - mean);
        }
        double se = Math.sqrt((n - 1.0) / n * ss);
        double e = est[0][j];
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(e / se));
        String[] l = labels[j];
        out.add(new ImputedEstimate(l[0], l[1], l[2], l[3], delta, e, se, e - z * se, e + z * se, level, p,
            method, null));
      }
    }
    return out;
  }

  /**
   * Sample s (0 = full data, i = without participant i - 1): the imputed data, or the failure reason. The
   * leave-one-out fits start from the full data's optimum.
   */
  private static Object sample(List<Subject> all, int s, MeanModel.Jackknife fits, List<String> visits,
      List<String> arms, String control, boolean mar) {
    List<Subject> kept = new ArrayList<>(all);
    if (s > 0) {
      kept.remove(s - 1);
    }
    MeanModel fit = s == 0 ? fits.full() : fits.without(all.get(s - 1).id(),
        () -> ConditionalMean.modelInput(kept, visits, arms, control));
    if (fit.reason() != null) {
      return (s == 0 ? "full data" : "jackknife sample without participant " + all.get(s - 1).id()) + ": "
          + fit.reason();
    }
    double[][] data = new double[kept.size()][];
    for (int i = 0; i < kept.size(); i++) {
      Subject p = kept.get(i);
      data[i] = ConditionalMean.impute(fit, p, mar && s > 0 ? Strategy.MAR : p.strategy());
    }
    if (mar && s == 0) {
      // the full-data MAR imputation follows the strategies' data: anchor() needs both
      double[][] both = new double[2 * kept.size()][];
      System.arraycopy(data, 0, both, 0, data.length);
      for (int i = 0; i < kept.size(); i++) {
        both[data.length + i] = ConditionalMean.impute(fit, kept.get(i), Strategy.MAR);
      }
      return both;
    }
    return data;
  }

  /** Lu's fixed shift per participant and visit: strategy imputation minus MAR imputation, full data. */
  private static double[][] anchor(List<Subject> subjects, double[][] both, List<String> visits, List<String> arms,
      String control) {
    int n = subjects.size();
    double[][] d = new double[n][visits.size()];
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < d[i].length; v++) {
        d[i][v] = both[i][v] - both[n + i][v];
      }
    }
    return d;
  }

  private static double[] analyse(List<Subject> all, int s, double[][] imputed, double[][] anchor, double delta,
      Set<String> deltaArms, int[] armIndex, int arms, int control) {
    int n = all.size() - (s > 0 ? 1 : 0);
    double[][] data = new double[n][];
    int[] arm = new int[n];
    double[] base = new double[n];
    int r = 0;
    for (int i = 0; i < all.size(); i++) {
      if (i == s - 1) {
        continue;
      }
      Subject p = all.get(i);
      double[] y = imputed[r].clone();
      boolean shift = deltaArms.contains(p.arm());
      for (int v = 0; v < y.length; v++) {
        if (Double.isNaN(p.modelValue(v))) {
          if (anchor != null) {
            y[v] = (s == 0 ? imputed[n + r][v] : y[v]) + anchor[i][v];
          }
          if (shift) {
            y[v] += delta;
          }
        }
      }
      data[r] = y;
      arm[r] = armIndex[i];
      base[r] = p.baseline();
      r++;
    }
    return AncovaEstimates.estimate(data, arm, base, arms, control);
  }
}
