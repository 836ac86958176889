package org.trialstat.stats.impute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialstat.model.ImputedEstimate;
import org.trialstat.stats.mmrm.MeanModel;

/**
 * What the resampling methods share: bootstrap samples of participants and their imputation-model fits,
 * the completed data of a sample with the tipping-point shift, and the not-estimable results.
 */
final class Samples {

  /**
   * rbmi's default {@code threshold} of {@code method_condmean} and {@code method_approxbayes}: at most
   * ceil(0.01 B) bootstrap samples may fail to fit; each failed one is replaced by a new sample.
   */
  static final double FAILURE_THRESHOLD = 0.01;

  private Samples() {
  }

  /**
   * A bootstrap sample and its imputation model.
   *
   * @param members  indices (into the full list) of the sampled participants, with repeats
   * @param fit      the imputation model fitted to the sample, or null when every attempt failed
   * @param failures samples drawn and discarded because their model could not be fitted
   * @param reason   the last failure's reason, or null
   */
  record Fitted(int[] members, MeanModel fit, int failures, String reason) {
  }

  /** The most failed fits allowed among {@code draws} samples. */
  static int failureLimit(int draws) {
    return (int) Math.ceil(FAILURE_THRESHOLD * draws);
  }

  /**
   * Draws stratified bootstrap samples from {@code rng} until one's imputation model can be fitted, at
   * most {@code limit + 1} times.
   */
  static Fitted bootstrapFit(List<Subject> all, int[] armIndex, List<String> visits, List<String> arms,
      String control, MeanModel start, UniformRandomProvider rng, int limit) {
    String reason = null;
    for (int attempt = 0; attempt <= limit; attempt++) {
      int[] idx = DrawStreams.stratifiedSample(rng, armIndex, arms.size());
      MeanModel fit = MeanModel.fit(ConditionalMean.modelInput(members(all, idx), visits, arms, control), start);
      if (fit.reason() == null) {
        return new Fitted(idx, fit, attempt, null);
      }
      reason = fit.reason();
    }
    return new Fitted(null, null, limit + 1, reason);
  }

  /** The sampled participants; a participant drawn k times appears k times under distinct ids. */
  static List<Subject> members(List<Subject> all, int[] idx) {
    List<Subject> out = new ArrayList<>(idx.length);
    for (int j = 0; j < idx.length; j++) {
      Subject s = all.get(idx[j]);
      out.add(new Subject(s.id() + "\u0000" + j, s.arm(), s.reference(), s.baseline(), s.y(), s.ice(),
          s.strategy()));
    }
    return out;
  }

  /**
   * The completed outcomes of a sample with {@code delta} added to every imputed value (a value the
   * imputation model did not see) of the participants whose arm is in {@code deltaArms}.
   *
   * @param all      every participant
   * @param members  indices of the sample's participants
   * @param imputed  their completed outcomes, in the same order (not changed)
   */
  static double[][] shifted(List<Subject> all, int[] members, double[][] imputed, double delta,
      Set<String> deltaArms) {
    double[][] out = new double[members.length][];
    for (int r = 0; r < members.length; r++) {
      Subject p = all.get(members[r]);
      double[] y = imputed[r].clone();
      if (delta != 0 && deltaArms.contains(p.arm())) {
        for (int v = 0; v < y.length; v++) {
          if (Double.isNaN(p.modelValue(v))) {
            y[v] += delta;
          }
        }
      }
      out[r] = y;
    }
    return out;
  }

  /** Per participant of the sample, the value of {@code of} at its index. */
  static int[] pick(int[] of, int[] members) {
    int[] out = new int[members.length];
    for (int r = 0; r < members.length; r++) {
      out[r] = of[members[r]];
    }
    return out;
  }

  /** Per participant of the sample, the baseline. */
  static double[] baselines(List<Subject> all, int[] members) {
    double[] out = new double[members.length];
    for (int r = 0; r < members.length; r++) {
      out[r] = all.get(members[r]).baseline();
    }
    return out;
  }

  /** 0, 1, ..., n - 1. */
  static int[] everyone(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** Every estimate not estimable, with the reason. */
  static List<ImputedEstimate> notEstimable(String[][] labels, double[] deltas, double level, String method,
      String reason) {
    List<ImputedEstimate> out = new ArrayList<>();
    for (double delta : deltas) {
      for (String[] l : labels) {
        out.add(new ImputedEstimate(l[0], l[1], l[2], l[3], delta, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, level, Double.NaN, Double.NaN, method, reason));
      }
    }
    return out;
  }

  /** The strategies followed after an ICE, sorted and comma-separated ("MAR" when there is no ICE). */
  static String strategies(List<Subject> subjects) {
    return subjects.stream().filter(s -> s.ice() < s.y().length).map(s -> s.strategy().name()).distinct()
        .sorted().reduce((a, b) -> a + ", " + b).orElse("MAR");
  }

  /** One pooled estimate as an {@link ImputedEstimate} of label {@code l}. */
  static ImputedEstimate estimate(String[] l, double delta, RubinsRules.Pooled p, double level, String method) {
    return new ImputedEstimate(l[0], l[1], l[2], l[3], delta, p.estimate(), p.se(), p.lower(), p.upper(), level,
        p.p(), p.df(), method, null);
  }
}
