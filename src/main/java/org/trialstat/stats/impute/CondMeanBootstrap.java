package org.trialstat.stats.impute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.trialstat.model.BootstrapInterval;
import org.trialstat.model.ImputedEstimate;
import org.trialstat.stats.mmrm.MeanModel;

/**
 * Conditional mean imputation with bootstrap inference, rbmi's {@code method_condmean(type = "bootstrap",
 * n_samples = B)} (Wolbers et al. 2022, Pharmaceutical Statistics 21:1246-1257; rbmi vignette
 * {@code stat_specs}, sections 3.6 and 3.8). The imputation model ({@link MeanModel}) is fitted to the
 * original data and to B bootstrap samples of participants stratified by arm (rbmi's default strata);
 * each sample's own participants (a participant drawn twice counts twice) are imputed by
 * {@link ConditionalMean} and analysed by {@link AncovaEstimates}. The point estimate is the original
 * data's; the interval and p come from the B bootstrap estimates ({@link BootstrapPool}: percentile,
 * rbmi's default, or normal). A sample whose model cannot be fitted is replaced by another; more than
 * ceil(0.01 B) such failures make every estimate not estimable (rbmi's {@code threshold}).
 *
 * <p>Sample b uses the stream {@link DrawStreams#uniform}(seed, b - 1) alone, so the result does not
 * depend on the number of cores. Every fit starts its optimisation at the original data's covariance.
 * Tipping point: as {@link CondMeanJackknife}, the shift is added to the imputed values of the
 * {@code deltaArms} participants of every sample.
 */
public final class CondMeanBootstrap {

  private CondMeanBootstrap() {
  }

  /**
   * Runs the analysis.
   *
   * @param subjects  the participants
   * @param visits    visits in time order
   * @param arms      the arms, control among them
   * @param control   the control arm
   * @param level     confidence level
   * @param samples   B, the number of bootstrap samples (at least 2)
   * @param seed      the seed of the draws' streams
   * @param type      percentile or normal interval
   * @param deltas    tipping-point shifts (use {0} for none)
   * @param deltaArms arms whose imputed values are shifted
   * @return per delta, per visit: the differences and the LS means
   */
  public static List<ImputedEstimate> run(List<Subject> subjects, List<String> visits, List<String> arms,
      String control, double level, int samples, long seed, BootstrapInterval type, double[] deltas,
      Set<String> deltaArms) {
    int n = subjects.size();
    int controlIndex = arms.indexOf(control);
    int[] armIndex = subjects.stream().mapToInt(s -> arms.indexOf(s.arm())).toArray();
    String method = "conditional mean imputation (" + Samples.strategies(subjects) + "), bootstrap (" + samples
        + " samples stratified by arm, " + type.name().toLowerCase(java.util.Locale.ROOT) + " interval), ANCOVA per visit";
    String[][] labels = AncovaEstimates.labels(visits, arms, controlIndex);
    MeanModel full = MeanModel.fit(ConditionalMean.modelInput(subjects, visits, arms, control));
    if (full.reason() != null) {
      return Samples.notEstimable(labels, deltas, level, method, "original data: " + full.reason());
    }
    int limit = Samples.failureLimit(samples);
    Samples.Fitted[] fits = IntStream.range(0, samples).parallel().mapToObj(b -> Samples.bootstrapFit(subjects,
        armIndex, visits, arms, control, full, DrawStreams.uniform(seed, b), limit)).toArray(Samples.Fitted[]::new);
    int failures = 0;
    String reason = null;
    for (Samples.Fitted f : fits) {
      failures += f.failures();
      reason = f.reason() != null ? f.reason() : reason;
    }
    if (failures > limit) {
      return Samples.notEstimable(labels, deltas, level, method, failures + " bootstrap samples could not be fitted "
          + "(at most " + limit + " allowed): " + reason);
    }
    double[][] original = impute(subjects, full, Samples.everyone(n));
    double[][][] imputed = IntStream.range(0, samples).parallel().mapToObj(b -> impute(subjects, fits[b].fit(),
        fits[b].members())).toArray(double[][][]::new);
    List<ImputedEstimate> out = new ArrayList<>();
    for (double delta : deltas) {
      double[] est0 = analyse(subjects, Samples.everyone(n), original, delta, deltaArms, armIndex, arms.size(),
          controlIndex);
      double[][] est = new double[samples][];
      for (int b = 0; b < samples; b++) {
        est[b] = analyse(subjects, fits[b].members(), imputed[b], delta, deltaArms, armIndex, arms.size(),
            controlIndex);
      }
      for (int j = 0; j < labels.length; j++) {
        double[] boot = new double[samples];
        for (int b = 0; b < samples; b++) {
          boot[b] = est[b][j];
        }
        out.add(Samples.estimate(labels[j], delta, BootstrapPool.pool(est0[j], boot, type, level), level, method));
      }
    }
    return out;
  }

  private static double[][] impute(List<Subject> all, MeanModel fit, int[] members) {
    double[][] out = new double[members.length][];
    for (int r = 0; r < members.length; r++) {
      Subject p = all.get(members[r]);
      out[r] = ConditionalMean.impute(fit, p, p.strategy());
    }
    return out;
  }

  private static double[] analyse(List<Subject> all, int[] members, double[][] imputed, double delta,
      Set<String> deltaArms, int[] armIndex, int arms, int control) {
    return AncovaEstimates.estimate(Samples.shifted(all, members, imputed, delta, deltaArms),
        Samples.pick(armIndex, members), Samples.baselines(all, members), arms, control);
  }
}
